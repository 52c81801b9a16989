package nl.arbeidsmigratie.kg.clients;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.arbeidsmigratie.kg.testsupport.ClientHeaders;
import nl.arbeidsmigratie.kg.testsupport.JarServerExtension;
import nl.arbeidsmigratie.kg.testsupport.SourceCopy;

/**
 * The built jar as real clients meet it: their own Accept headers (browsers, a JavaScript linked-data client, rdflib,
 * SPARQLWrapper, curl), Jena's RDFParser and QueryExecHTTP with their defaults, and the Python clients themselves.
 */
class ClientCompatibilityIT {
    private static final String LAW = "/id/wet/wet-goed-verhuurderschap";
    private static final String LAW_IRI = "https://w3id.org/arbeidsmigratie" + LAW;
    private static final String PROBLEMS = "PREFIX am: <https://w3id.org/arbeidsmigratie/def#> "
            + "SELECT ?p WHERE { ?p a am:Problem } ORDER BY ?p LIMIT 5";
    @RegisterExtension
    static final JarServerExtension server = JarServerExtension.serve();
    static String base;

    @BeforeAll
    static void start() throws Exception {
        base = server.base();
    }

    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    }

    /** Issue 9's table, row by row, plus the clients of point 6; "406" where nothing fits. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // The table of the issue.
            "application/n-quads, application/trig;q=0.95, application/ld+json;q=0.9, application/n-triples;q=0.8, text/turtle;q=0.6, application/rdf+xml;q=0.5, application/json;q=0.45, text/n3;q=0.35, application/xml;q=0.3, image/svg+xml;q=0.3, text/xml;q=0.3, text/html;q=0.2, application/xhtml+xml;q=0.18 | application/n-quads",
            "text/turtle, text/html;q=0.2 | text/turtle",
            "text/html;q=0, text/turtle | text/turtle",
            "application/rdf+xml, text/turtle;q=0.5 | application/rdf+xml",
            "image/png | 406",
            // Browsers, curl, Java's default, rdflib's defaults.
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7 | text/html",
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/png,image/svg+xml,*/*;q=0.8 | text/html",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | text/html",
            "*/* | text/html",
            "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2 | text/html",
            "application/rdf+xml,text/rdf+n3;q=0.9,application/xhtml+xml;q=0.5, */*;q=0.1 | application/rdf+xml",
            "text/turtle,application/x-turtle, */*;q=0.1 | text/turtle",
            "application/ld+json, application/json;q=0.9, */*;q=0.1 | application/ld+json",
            "text/plain, */*;q=0.1 | application/n-triples",
            "application/trig | application/trig",
            "text/html;q=0, */* | text/turtle",
    })
    void resourcesAnswerEachClientsAcceptHeader(String accept, String expected) throws Exception {
        HttpResponse<String> r = get(base + LAW, "Accept", accept);
        if (expected.equals("406")) {
            assertEquals(406, r.statusCode(), r.body());
            assertTrue(r.body().contains("text/turtle") && r.body().contains("application/n-quads"), "406 lists the offers: " + r.body());
            return;
        }
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expected, type(r));
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), "Vary: Accept");
        if (!expected.equals("text/html")) {
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.body(), RDFLanguages.contentTypeToLang(expected)).parse(g);
            assertTrue(g.contains(NodeFactory.createURI(LAW_IRI), RDFS.label.asNode(), Node.ANY), expected);
        }
    }

    @Test
    void theJavaScriptClientsHeaderAsItSendsItGetsNQuads() throws Exception {
        HttpResponse<String> r = get(base + LAW, "Accept", ClientHeaders.COMUNICA);
        assertEquals("application/n-quads", type(r));
    }

    @Test
    void jenaRdfParserDereferencesWithItsOwnHeader() {
        for (String path : List.of(LAW, "/def", "/def/0.1.0", "/graph/inferred", "/id/dataset/arbeidsmigratie-kg",
                "/dumps/void.ttl", "/kg/sparql")) {
            Graph g = RDFParser.source(base + path).toGraph();
            assertTrue(g.size() > 5, path + ": " + g.size());
        }
        Graph law = RDFParser.source(base + LAW).toGraph();
        assertTrue(law.contains(NodeFactory.createURI(LAW_IRI), RDFS.label.asNode(), Node.ANY));
        // And with the Accept header Jena would send for each syntax alone.
        for (Lang lang : List.of(Lang.TURTLE, Lang.NTRIPLES, Lang.NQUADS, Lang.TRIG, Lang.JSONLD, Lang.RDFXML)) {
            Graph g = RDFParser.source(base + LAW).acceptHeader(lang.getHeaderString()).lang(lang).toGraph();
            assertTrue(g.contains(NodeFactory.createURI(LAW_IRI), RDFS.label.asNode(), Node.ANY), lang.getLabel());
        }
    }

    @Test
    void jenaQueryExecHttpRunsEveryQueryFormWithItsDefaults() {
        String endpoint = base + "/kg/sparql";
        try (QueryExecHTTP q = QueryExecHTTP.service(endpoint).query(PROBLEMS).build()) {
            RowSetRewindable rows = q.select().rewindable();
            assertEquals(5, rows.size());
        }
        try (QueryExecHTTP q = QueryExecHTTP.service(endpoint).query("ASK { ?s ?p ?o }").build()) {
            assertTrue(q.ask());
        }
        try (QueryExecHTTP q = QueryExecHTTP.service(endpoint)
                .query("CONSTRUCT WHERE { <" + LAW_IRI + "> ?p ?o }").build()) {
            assertTrue(q.construct().size() > 5);
        }
        try (QueryExecHTTP q = QueryExecHTTP.service(base + "/kg/query").query("DESCRIBE <" + LAW_IRI + ">")
                .sendMode(QuerySendMode.asPostForm).build()) {
            assertTrue(q.describe().size() > 5);
        }
        for (String accept : List.of(WebContent.contentTypeResultsJSON, WebContent.contentTypeResultsXML,
                WebContent.contentTypeTextCSV, WebContent.contentTypeTextTSV)) {
            try (QueryExecHTTP q = QueryExecHTTP.service(endpoint).query(PROBLEMS).acceptHeader(accept).build()) {
                assertEquals(5, q.select().rewindable().size(), accept);
            }
        }
        for (String accept : List.of(WebContent.contentTypeTurtle, WebContent.contentTypeRDFXML,
                WebContent.contentTypeNTriples, WebContent.contentTypeJSONLD, WebContent.contentTypeNQuads,
                WebContent.contentTypeTriG)) {
            Query construct = QueryFactory.create("CONSTRUCT WHERE { <" + LAW_IRI + "> ?p ?o }");
            try (QueryExecHTTP q = QueryExecHTTP.service(endpoint).query(construct).acceptHeader(accept).build()) {
                assertTrue(q.construct().size() > 5, accept);
            }
        }
    }

    @Test
    void sparqlResultsHonourQValues() throws Exception {
        String url = base + "/kg/sparql?query=" + enc(PROBLEMS);
        assertEquals("application/sparql-results+json",
                type(get(url, "Accept", "application/sparql-results+json, text/csv;q=0.1")));
        assertEquals("text/csv", type(get(url, "Accept", "application/sparql-results+json;q=0, */*;q=0.5, text/csv")));
        assertEquals("application/sparql-results+xml", type(get(url, "Accept", ClientHeaders.CHROME)));
        HttpResponse<String> none = get(url, "Accept", "image/png");
        assertEquals(406, none.statusCode());
        assertTrue(none.body().contains("text/csv"), none.body());
        // As plain Fuseki: accept= stands in for the header, output=/format=/results= name the format outright.
        assertEquals("text/tab-separated-values", type(get(url + "&accept=" + enc("text/tab-separated-values"))));
        assertEquals("text/csv", type(get(url + "&output=csv", "Accept", "application/sparql-results+json")));
        assertEquals("application/sparql-results+xml", type(get(url + "&results=xml")));
        HttpResponse<String> wrongKind = get(url + "&format=ttl");
        assertEquals(400, wrongKind.statusCode());
        assertTrue(wrongKind.body().contains("format=ttl") && wrongKind.body().contains("csv"), wrongKind.body());
    }

    @Test
    void theApiHonoursQValues() throws Exception {
        String url = base + "/api/queries/law";
        assertEquals("application/sparql-results+json",
                type(get(url, "Accept", "application/sparql-results+json, text/csv;q=0.1")));
        assertEquals("text/csv", type(get(url, "Accept", "text/csv;q=0.9, application/sparql-results+json;q=0.5")));
        HttpResponse<String> none = get(url, "Accept", "image/png");
        assertEquals(406, none.statusCode());
        assertTrue(none.body().contains("text/tab-separated-values"), none.body());
        HttpResponse<String> bad = get(url, "Accept", "text/csv;q=x");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("q-value"), bad.body());
    }

    @Test
    void pythonClientsWithTheirDefaultsReadEverything() throws Exception {
        Path script = SourceCopy.projectRoot().resolve("src/test/python/clients.py");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), base).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "python clients did not finish");
        assertEquals(0, p.exitValue(), "SPARQLWrapper/rdflib (Debian python3-sparqlwrapper, python3-rdflib; "
                + ".ci/run installs them):\n" + out);
        for (String check : List.of("SPARQLWrapper SELECT, default settings (XML)", "SPARQLWrapper SELECT as JSON",
                "SPARQLWrapper SELECT as CSV", "SPARQLWrapper CONSTRUCT, default settings (RDF/XML)",
                "SPARQLWrapper CONSTRUCT as Turtle", "rdflib Graph().parse(/id/wet/wet-goed-verhuurderschap)",
                "rdflib SPARQLStore SELECT", "rdflib SPARQLStore triples()"))
            assertTrue(out.contains("ok " + check), check + "\n" + out);
        assertFalse(out.contains("Traceback"), out);
    }

}
