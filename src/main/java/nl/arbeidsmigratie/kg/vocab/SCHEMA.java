package nl.arbeidsmigratie.kg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The schema.org terms the code reads. */
public final class SCHEMA {
    public static final String NS = "https://schema.org/";
    /** Where a source document can be read (the report, a cited web page). */
    public static final Node url = NodeFactory.createURI(NS + "url");

    private SCHEMA() {}
}
