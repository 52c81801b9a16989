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
    // Names, identifiers, links and classes the reconciliation service matches on and extends with.
    public static final Node formerName = term("formerName");
    public static final Node kamerstuk = term("kamerstuk");
    public static final Node staatsblad = term("staatsblad");
    public static final Node latestAssessment = term("latestAssessment");
    public static final Node previousAssessment = term("previousAssessment");
    public static final Node responsibleBody = term("responsibleBody");
    public static final Node enforcedBy = term("enforcedBy");
    public static final Node issuedBy = term("issuedBy");
    public static final Node partOf = term("partOf");
    public static final Node implementsRecommendation = term("implements");
    public static final Node addressesProblem = term("addressesProblem");
    public static final Node legalBasis = term("legalBasis");
    public static final Node Organisation = term("Organisation");
    public static final Node CollectiveActor = term("CollectiveActor");
    public static final Node Recommendation = term("Recommendation");
    public static final Node PolicyMeasure = term("PolicyMeasure");
    public static final Node Problem = term("Problem");
    public static final Node MigrantGroup = term("MigrantGroup");
    public static final Node Source = term("Source");
    public static final Node Theme = term("Theme");

    // The profile pages (linkeddata.ResourcePage): what a thing is and how it stands.
    public static final Node Bill = term("Bill");
    public static final Node dateAdoptedHouse = term("dateAdoptedHouse");
    public static final Node dateAdoptedSenate = term("dateAdoptedSenate");
    public static final Node assessmentKind = term("assessmentKind");
    public static final Node plannedEntryIntoForce = term("plannedEntryIntoForce");
    public static final Node plannedAdmissionDuty = term("plannedAdmissionDuty");
    public static final Node datePrecision = term("datePrecision");
    public static final Node assessmentOf = term("assessmentOf");
    public static final Node StatusAssessment = term("StatusAssessment");
    /** A status its sources fix in advance for a later date (an entry into force): "gepland volgens …". */
    public static final Node ScheduledAssessment = term("ScheduledAssessment");
    public static final Node addressedTo = term("addressedTo");

    private static Node term(String local) { return NodeFactory.createURI(NS + local); }
    private AM() {}
}
