package nl.arbeidsmigratie.kg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The European Legislation Identifier (ELI) terms the code reads: titles, register ids, entry into force. */
public final class ELI {
    public static final String NS = "http://data.europa.eu/eli/ontology#";
    public static final Node LegalResource = NodeFactory.createURI(NS + "LegalResource");
    public static final Node title = NodeFactory.createURI(NS + "title");
    public static final Node titleShort = NodeFactory.createURI(NS + "title_short");
    /** The BWB id of a Dutch act (wetten.overheid.nl), e.g. BWBR0007149. */
    public static final Node idLocal = NodeFactory.createURI(NS + "id_local");
    public static final Node firstDateEntryInForce = NodeFactory.createURI(NS + "first_date_entry_in_force");

    private ELI() {}
}
