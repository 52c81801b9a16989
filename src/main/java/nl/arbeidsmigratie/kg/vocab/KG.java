package nl.arbeidsmigratie.kg.vocab;

/**
 * IRIs of the knowledge graph's own things: resources under {@code /id/}, the named graphs and the dataset.
 * The base is a setting ({@code kg.base} system property) so a mirror can mint its own IRIs without string edits.
 */
public final class KG {
    public static final String DEFAULT_BASE = "https://w3id.org/arbeidsmigratie/";
    public static final String BASE = System.getProperty("kg.base", DEFAULT_BASE);

    public static final String ID = BASE + "id/";
    /** Named graph holding what the hand-edited sources say. */
    public static final String GRAPH_ASSERTED = BASE + "graph/asserted";
    /** Named graph holding only what the OWL RL rules add. */
    public static final String GRAPH_INFERRED = BASE + "graph/inferred";
    public static final String DATASET = ID + "dataset/arbeidsmigratie-kg";
    public static final String REPORT = ID + "bron/rapport";

    private KG() {}
}
