package nl.arbeidsmigratie.kg.sparql;

import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.http.ServerOptions;
import nl.arbeidsmigratie.kg.vocab.KG;
import nl.arbeidsmigratie.kg.vocab.SD;

/**
 * The SPARQL 1.1 Service Description of the endpoint: what it is, the query language, every result format, the
 * default dataset (the union of the two named graphs) and the limits, as extension terms defined in the document
 * itself ({@code <…/kg/sparql#maxResultRows>} and so on, so that each term dereferences to its definition).
 */
final class ServiceDescription {
    /** W3C format names (https://www.w3.org/ns/formats/) of every result format the endpoint writes. */
    private static final String[] FORMATS = {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
            "SPARQL_Results_TSV", "Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD", "RDF_XML"};

    private ServiceDescription() {}

    /** @param endpoint the IRI of the endpoint described ({@link KG#SPARQL} or {@link KG#SPARQL_QUERY}) */
    static Graph describe(KnowledgeGraph kg, ServerOptions options, String endpoint) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD.NS).setNsPrefix("void", VOID.NS).setNsPrefix("dct", DCTerms.NS).setNsPrefix("rdfs", RDFS.uri)
         .setNsPrefix("xsd", XSDDatatype.XSD + "#").setNsPrefix("owl", OWL.NS).setNsPrefix("formats", SD.FORMATS)
         .setNsPrefix("kgs", KG.SERVICE_TERMS);
        Property timeout = term(m, "queryTimeoutSeconds", "query timeout (seconds)", "maximale duur van een vraag (seconden)",
                "Every query stops after this many seconds (503). A client may ask for less with timeout=, never more.",
                XSDDatatype.XSDinteger);
        Property maxRows = term(m, "maxResultRows", "row cap", "maximaal aantal rijen",
                "A SELECT answers at most this many rows, CONSTRUCT and DESCRIBE at most this many solutions. A result "
                + "cut at the cap carries the response header named by kgs:rowCapHeader, whose value is the cap.",
                XSDDatatype.XSDinteger);
        Property concurrent = term(m, "maxConcurrentQueries", "concurrent queries", "gelijktijdige vragen",
                "At most this many queries run at once; the next one gets 503 with Retry-After.", XSDDatatype.XSDinteger);
        Property header = term(m, "rowCapHeader", "row-cap header", "kop bij afgekapt resultaat",
                "The HTTP response header that says a result was cut at the row cap.", XSDDatatype.XSDstring);

        Resource service = m.createResource(endpoint)
                .addProperty(RDF.type, SD.Service)
                .addProperty(SD.endpoint, m.createResource(endpoint))
                .addProperty(RDFS.label, m.createLiteral("SPARQL-eindpunt van de Arbeidsmigratie KG", "nl"))
                .addProperty(RDFS.label, m.createLiteral("SPARQL endpoint of the Arbeidsmigratie KG", "en"))
                .addProperty(RDFS.comment, m.createLiteral("SPARQL 1.1 Protocol, query only (GET and POST). No SERVICE, "
                        + "no updates. Queries stop after " + options.timeoutSeconds() + " s; results are cut at "
                        + options.maxRows() + " rows and then say so in the " + AdHocQueryService.MAX_ROWS_HEADER + " header; at most "
                        + options.maxConcurrent() + " queries run at once.", "en"))
                .addProperty(SD.supportedLanguage, SD.SPARQL11Query)
                .addProperty(SD.feature, SD.UnionDefaultGraph)
                .addProperty(SD.defaultEntailmentRegime, SD.SimpleEntailment)
                .addLiteral(timeout, m.createTypedLiteral(Integer.toString(options.timeoutSeconds()), XSDDatatype.XSDinteger))
                .addLiteral(maxRows, m.createTypedLiteral(Integer.toString(options.maxRows()), XSDDatatype.XSDinteger))
                .addLiteral(concurrent, m.createTypedLiteral(Integer.toString(options.maxConcurrent()), XSDDatatype.XSDinteger))
                .addProperty(header, AdHocQueryService.MAX_ROWS_HEADER);
        for (String f : FORMATS) service.addProperty(SD.resultFormat, SD.format(f));

        // The default graph is asserted plus inferred triples; the OWL RL entailments are materialised, not computed
        // per query, hence simple entailment.
        Resource dataset = m.createResource(KG.DATASET).addProperty(RDF.type, SD.Dataset)
                .addProperty(SD.defaultGraph, m.createResource().addProperty(RDF.type, SD.Graph)
                        .addLiteral(VOID.triples, count(m, kg.all().size())));
        for (Map.Entry<String, Graph> g : Map.of(KG.GRAPH_ASSERTED, kg.asserted(), KG.GRAPH_INFERRED, kg.inferred()).entrySet()) {
            String subset = KG.DATASET + g.getKey().substring(g.getKey().lastIndexOf('/'));
            dataset.addProperty(SD.namedGraph, m.createResource().addProperty(RDF.type, SD.NamedGraph)
                    .addProperty(SD.name, m.createResource(g.getKey()))
                    .addProperty(SD.graph, m.createResource(subset).addProperty(RDF.type, SD.Graph)
                            .addLiteral(VOID.triples, count(m, g.getValue().size()))));
        }
        service.addProperty(SD.defaultDataset, dataset);
        return m.getGraph();
    }

    private static Property term(Model m, String local, String en, String nl, String comment, XSDDatatype range) {
        Property p = m.createProperty(KG.SERVICE_TERMS + local);
        p.addProperty(RDF.type, OWL.DatatypeProperty)
         .addProperty(RDFS.label, m.createLiteral(en, "en"))
         .addProperty(RDFS.label, m.createLiteral(nl, "nl"))
         .addProperty(RDFS.comment, m.createLiteral(comment, "en"))
         .addProperty(RDFS.domain, SD.Service)
         .addProperty(RDFS.range, m.createResource(range.getURI()))
         .addProperty(RDFS.isDefinedBy, m.createResource(KG.SPARQL));
        return p;
    }

    private static org.apache.jena.rdf.model.Literal count(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
