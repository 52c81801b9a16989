package nl.arbeidsmigratie.kg.server;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static nl.arbeidsmigratie.kg.testsupport.Http.send;
import static nl.arbeidsmigratie.kg.testsupport.Http.sparql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.arbeidsmigratie.kg.testsupport.Http;
import nl.arbeidsmigratie.kg.testsupport.JarServerExtension;

/** The built jar, served on port 0: every path, every format, the linked-data and dump behaviour. */
class EndpointIT {
    @RegisterExtension
    static final JarServerExtension server = JarServerExtension.serve();
    static String base;

    @BeforeAll
    static void start() throws Exception {
        base = server.base();
    }

    @Test
    void pingAnswersWhenReady() throws Exception {
        assertEquals(200, get(base + "/$/ping").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
            "text/tab-separated-values"})
    void selectAnswersInEveryResultFormatByAccept(String accept) throws Exception {
        HttpResponse<String> r = sparql(base, "PREFIX am: <https://w3id.org/arbeidsmigratie/def#> "
                + "SELECT ?p WHERE { ?p a am:Problem } LIMIT 3", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept), accept);
        assertTrue(r.body().contains("https://w3id.org/arbeidsmigratie/id/probleem/"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml", "csv", "tsv"})
    void selectAnswersInEveryResultFormatByParameter(String format) throws Exception {
        HttpResponse<String> r = get(base + "/kg/sparql?format=" + format + "&query="
                + enc("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains(format.equals("tsv") ? "tab-separated" : format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"})
    void constructAnswersInEveryRdfFormat(String accept) throws Exception {
        HttpResponse<String> r = sparql(base, "CONSTRUCT { <https://w3id.org/arbeidsmigratie/id/wet/wtta> ?p ?o } "
                + "WHERE { <https://w3id.org/arbeidsmigratie/id/wet/wtta> ?p ?o }", accept);
        assertEquals(200, r.statusCode(), r.body());
        Graph g = parse(r.body(), accept);
        assertTrue(g.size() > 5, accept);
    }

    @Test
    void postedQueriesWork() throws Exception {
        HttpResponse<String> body = send("POST", base + "/kg/sparql", "application/sparql-query",
                "ASK { ?s ?p ?o }", "Accept", "application/sparql-results+json");
        assertEquals(200, body.statusCode(), body.body());
        HttpResponse<String> form = send("POST", base + "/kg/query", "application/x-www-form-urlencoded",
                "query=" + enc("ASK { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("true"));
    }

    @Test
    void assertedAndInferredTriplesAreSeparateNamedGraphs() throws Exception {
        HttpResponse<String> r = sparql(base, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                "text/csv");
        assertTrue(r.body().contains("https://w3id.org/arbeidsmigratie/graph/asserted"), r.body());
        assertTrue(r.body().contains("https://w3id.org/arbeidsmigratie/graph/inferred"), r.body());
    }

    @Test
    void graphStoreProtocolReadsTheGraph() throws Exception {
        HttpResponse<String> r = get(base + "/kg/get?graph=" + enc("https://w3id.org/arbeidsmigratie/graph/inferred"),
                "Accept", "application/n-triples");
        assertEquals(200, r.statusCode());
        assertTrue(parse(r.body(), "application/n-triples").size() > 100);
    }

    @Test
    void apiListsEveryPreparedQueryWithTitlesParametersAndAllowedValues() throws Exception {
        HttpResponse<String> r = get(base + "/api/queries");
        assertEquals(200, r.statusCode());
        JsonArray arr = JSON.parseAny(r.body()).getAsArray();
        assertTrue(arr.size() >= 15);
        boolean sawAllowed = false;
        for (var v : arr) {
            JsonObject q = v.getAsObject();
            for (String key : List.of("id", "title", "description", "tags", "parameters"))
                assertTrue(q.hasKey(key), key + " missing in " + q);
            assertTrue(q.get("title").getAsObject().hasKey("nl") && q.get("title").getAsObject().hasKey("en"));
            for (var p : q.get("parameters").getAsArray()) {
                JsonObject po = p.getAsObject();
                for (String key : List.of("name", "type", "required", "default", "allowedValues"))
                    assertTrue(po.hasKey(key), key + " missing in parameter " + po);
                sawAllowed |= po.get("allowedValues").getAsArray().size() > 0;
            }
        }
        assertTrue(sawAllowed);
    }

    @Test
    void everyPreparedQueryAnswersInEveryFormatAndLanguageWithADataVersion() throws Exception {
        JsonArray arr = JSON.parseAny(get(base + "/api/queries").body()).getAsArray();
        for (var v : arr) {
            String id = v.getAsObject().getString("id");
            for (String format : List.of("json", "csv", "tsv", "xml")) {
                for (String lang : List.of("nl", "en")) {
                    HttpResponse<String> r = get(base + "/api/queries/" + id + "?format=" + format + "&lang=" + lang);
                    assertEquals(200, r.statusCode(), id + " " + format + ": " + r.body());
                    assertTrue(r.headers().firstValue("X-Data-Version").isPresent());
                    assertTrue(r.headers().firstValue("ETag").isPresent());
                }
            }
            HttpResponse<String> csv = get(base + "/api/queries/" + id, "Accept", "text/csv");
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), id);
        }
    }

    @Test
    void wgvAnswersTheCouplingOfWorkAndHousing() throws Exception {
        HttpResponse<String> r = get(base + "/api/queries/problems-responses?format=csv&lang=en&theme="
                + enc("https://w3id.org/arbeidsmigratie/id/thema/huisvesting"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().lines().anyMatch(l -> l.contains("/probleem/koppeling-werk-wonen")
                && l.contains("/maatregel/wgv-apart-huurcontract")), r.body());
    }

    @Test
    void etagAnswersNotModified() throws Exception {
        String url = base + "/api/queries/law?law=" + enc("https://w3id.org/arbeidsmigratie/id/wet/wtta");
        String etag = get(url).headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(url, "If-None-Match", etag).statusCode());
    }

    @Test
    void badParametersGet400NamingTheParameterAndAllowedValues() throws Exception {
        HttpResponse<String> notAllowed = get(base + "/api/queries/law?law=" + enc("https://example.org/x"));
        assertEquals(400, notAllowed.statusCode());
        JsonObject o = JSON.parse(notAllowed.body());
        assertEquals("law", o.getString("parameter"));
        assertTrue(o.get("allowedValues").getAsArray().size() > 3);
        HttpResponse<String> unknown = get(base + "/api/queries/law?lw=x");
        assertEquals(400, unknown.statusCode());
        assertEquals("lw", JSON.parse(unknown.body()).getString("parameter"));
        HttpResponse<String> lang = get(base + "/api/queries/law?lang=de");
        assertEquals("lang", JSON.parse(lang.body()).getString("parameter"));
        HttpResponse<String> format = get(base + "/api/queries/law?format=pdf");
        assertEquals(400, format.statusCode());
        assertEquals(404, get(base + "/api/queries/no-such-question").statusCode());
    }

    @Test
    void openApiDescribesEveryQuestion() throws Exception {
        JsonObject doc = JSON.parse(get(base + "/api/openapi.json").body());
        assertTrue(doc.getString("openapi").startsWith("3.1"));
        JsonArray arr = JSON.parseAny(get(base + "/api/queries").body()).getAsArray();
        for (var v : arr)
            assertTrue(doc.get("paths").getAsObject().hasKey("/api/queries/" + v.getAsObject().getString("id")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"})
    void resourcesDereferenceToRdf(String accept) throws Exception {
        HttpResponse<String> r = get(base + "/id/wet/wet-goed-verhuurderschap", "Accept", accept);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept));
        Graph g = parse(r.body(), accept);
        assertTrue(g.size() > 5);
    }

    @Test
    void resourcesDereferenceToHtmlForBrowsers() throws Exception {
        HttpResponse<String> r = get(base + "/id/wet/wet-goed-verhuurderschap?lang=en", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        assertTrue(html.contains("<h1>"), html);
        assertTrue(html.contains("href=\"/id/"), "properties link to resource pages");
        assertTrue(html.contains("Links to here") && html.contains("Sources"), "incoming links and sources");
        assertEquals(404, get(base + "/id/wet/no-such-law").statusCode());
        var gz = Http.getBytes(base + "/id/wet/wet-goed-verhuurderschap?lang=en", "Accept", "text/html",
                "Accept-Encoding", "gzip");
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""), "resource pages are gzipped");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(html, unzipped);
    }

    @Test
    void ontologyIsServedAtDef() throws Exception {
        HttpResponse<String> ttl = get(base + "/def", "Accept", "text/turtle");
        assertEquals(200, ttl.statusCode());
        assertTrue(parse(ttl.body(), "text/turtle").size() > 200);
        assertTrue(get(base + "/def", "Accept", "text/html").body().contains("am:Problem"));
    }

    @Test
    void dumpsAreServedWithEtagGzipAndRanges() throws Exception {
        String url = base + "/dumps/arbeidsmigratie.ttl";
        HttpResponse<byte[]> full = Http.getBytes(url);
        assertEquals(200, full.statusCode());
        String etag = full.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(url, "If-None-Match", etag).statusCode());
        HttpResponse<byte[]> gz = Http.getBytes(url, "Accept-Encoding", "gzip");
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
        assertEquals(full.body().length, unzipped.length);
        HttpResponse<byte[]> range = Http.getBytes(url, "Range", "bytes=10-19");
        assertEquals(206, range.statusCode());
        assertEquals(10, range.body().length);
        assertEquals(new String(full.body(), 10, 10), new String(range.body()));
        for (String f : List.of("arbeidsmigratie.nt.gz", "arbeidsmigratie.jsonld", "arbeidsmigratie.rdf",
                "SHA256SUMS", "void.ttl"))
            assertEquals(200, get(base + "/dumps/" + f).statusCode(), f);
    }

    @Test
    void wellKnownVoidPointsToTheDescription() throws Exception {
        HttpResponse<String> r = get(base + "/.well-known/void");
        assertEquals(303, r.statusCode());
        assertEquals("/dumps/void.ttl", r.headers().firstValue("Location").orElse(""));
    }

    static Graph parse(String body, String mediaType) {
        Lang lang = switch (mediaType) {
            case "application/ld+json" -> Lang.JSONLD;
            case "application/n-triples" -> Lang.NTRIPLES;
            case "application/rdf+xml" -> Lang.RDFXML;
            default -> Lang.TURTLE;
        };
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().fromString(body).lang(lang).parse(g);
        assertNotNull(g);
        assertFalse(g.isEmpty(), "empty " + mediaType);
        return g;
    }
}
