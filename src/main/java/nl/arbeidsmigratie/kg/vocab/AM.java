package nl.arbeidsmigratie.kg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The project's ontology namespace, {@code am:}. Terms the code itself relies on; the rest live in the ontology. */
public final class AM {
    public static final String NS = "https://w3id.org/arbeidsmigratie/def#";
    /** The ontology document IRI (no fragment), also served at {@code /def}. */
    public static final String ONTOLOGY = "https://w3id.org/arbeidsmigratie/def";

    public static final Node locator = term("locator");
    public static final Node asOf = term("asOf");
    public static final Node hasStatus = term("hasStatus");
    public static final Node status = term("status");
    /** The report's author as the report names it (a literal: the person or organisation is unknown). */
    public static final Node authorName = term("authorName");
    public static final Node lowerBound = term("lowerBound");
    public static final Node upperBound = term("upperBound");
    public static final Node assessmentOf = term("assessmentOf");
    public static final Node StatusAssessment = term("StatusAssessment");
    /** A status its sources fix in advance for a later date (an entry into force): "gepland volgens …". */
    public static final Node ScheduledAssessment = term("ScheduledAssessment");
    /** Who must act on an item: a measure's responsible body, a recommendation's addressee, a law's enforcer. */
    public static final Node responsibleBody = term("responsibleBody");
    public static final Node addressedTo = term("addressedTo");
    public static final Node enforcedBy = term("enforcedBy");

    private static Node term(String local) { return NodeFactory.createURI(NS + local); }
    private AM() {}
}
