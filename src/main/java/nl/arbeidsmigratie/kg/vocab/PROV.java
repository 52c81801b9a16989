package nl.arbeidsmigratie.kg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The PROV-O terms the code reads (Jena ships no PROV vocabulary class). */
public final class PROV {
    public static final String NS = "http://www.w3.org/ns/prov#";
    public static final Node wasDerivedFrom = NodeFactory.createURI(NS + "wasDerivedFrom");

    private PROV() {}
}
