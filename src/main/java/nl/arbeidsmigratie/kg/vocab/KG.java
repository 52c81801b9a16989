package nl.arbeidsmigratie.kg.vocab;

/**
 * IRIs of the knowledge graph's own things: resources under {@code /id/}, the named graphs, the dataset and the
 * skolem IRIs that replace blank nodes. The base is a setting ({@code kg.base} system property) so a mirror can mint
 * its own IRIs without string edits.
 */
public final class KG {
    /** The base IRI plain Fuseki parses ad-hoc queries with (SPARQLQueryProcessor); the endpoint parses with it too. */
    public static final String FUSEKI_QUERY_BASE = "http://server/unset-base/";
    public static final String DEFAULT_BASE = "https://w3id.org/arbeidsmigratie/";
    public static final String BASE = System.getProperty("kg.base", DEFAULT_BASE);

    public static final String ID = BASE + "id/";
    /** Named graph holding what the hand-edited sources say. */
    public static final String GRAPH_ASSERTED = BASE + "graph/asserted";
    /** Named graph holding only what the OWL RL rules and the derivation queries add. */
    public static final String GRAPH_INFERRED = BASE + "graph/inferred";
    /** Namespace of the benchmark's synthetic data (bench/): kept apart from every real resource. */
    public static final String SYNTHETIC = BASE + "synthetic/";
    public static final String DATASET = ID + "dataset/arbeidsmigratie-kg";
    public static final String REPORT = ID + "bron/rapport";
    /** RDF 1.1 §3.5: skolem IRIs for what would otherwise be blank nodes, derived from content. */
    public static final String GENID = BASE + ".well-known/genid/";
    public static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    /** The SPARQL endpoint; GET without a query answers its service description. */
    public static final String SPARQL = BASE + "kg/sparql";
    /** The same endpoint under Fuseki's other name. */
    public static final String SPARQL_QUERY = BASE + "kg/query";
    /**
     * The extension terms the service description uses for the endpoint's limits; they are defined in the service
     * description itself, so they dereference to their definition.
     */
    public static final String SERVICE_TERMS = SPARQL + "#";
    /** The dataset's publisher and contact point, described in void.ttl. */
    public static final String PUBLISHER = DATASET + "/uitgever";
    public static final String CONTACT = DATASET + "/contact";

    /** True for IRIs this graph mints (resources, terms, graphs, skolem IRIs), whatever the base. */
    public static boolean isOwn(String iri) {
        return iri.startsWith(BASE);
    }

    private KG() {}
}
