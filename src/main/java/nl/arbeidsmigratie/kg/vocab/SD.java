package nl.arbeidsmigratie.kg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * SPARQL 1.1 Service Description (Jena ships no class for it), the W3C format IRIs it names result formats with, and
 * the entailment regime IRI.
 */
public final class SD {
    public static final String NS = "http://www.w3.org/ns/sparql-service-description#";
    public static final String FORMATS = "http://www.w3.org/ns/formats/";
    public static final String ENTAILMENT = "http://www.w3.org/ns/entailment/";

    public static final Resource Service = r("Service");
    public static final Resource Dataset = r("Dataset");
    public static final Resource Graph = r("Graph");
    public static final Resource NamedGraph = r("NamedGraph");
    public static final Resource SPARQL11Query = r("SPARQL11Query");
    public static final Resource UnionDefaultGraph = r("UnionDefaultGraph");
    public static final Property endpoint = p("endpoint");
    public static final Property supportedLanguage = p("supportedLanguage");
    public static final Property resultFormat = p("resultFormat");
    public static final Property feature = p("feature");
    public static final Property defaultEntailmentRegime = p("defaultEntailmentRegime");
    public static final Property defaultDataset = p("defaultDataset");
    public static final Property defaultGraph = p("defaultGraph");
    public static final Property namedGraph = p("namedGraph");
    public static final Property name = p("name");
    public static final Property graph = p("graph");
    public static final Resource SimpleEntailment = ResourceFactory.createResource(ENTAILMENT + "Simple");

    /** A format of https://www.w3.org/ns/formats/, e.g. {@code SPARQL_Results_JSON}, {@code Turtle}. */
    public static Resource format(String local) { return ResourceFactory.createResource(FORMATS + local); }

    private static Resource r(String local) { return ResourceFactory.createResource(NS + local); }
    private static Property p(String local) { return ResourceFactory.createProperty(NS, local); }

    private SD() {}
}
