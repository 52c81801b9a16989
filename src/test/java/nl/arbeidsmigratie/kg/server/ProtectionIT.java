package nl.arbeidsmigratie.kg.server;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static nl.arbeidsmigratie.kg.testsupport.Http.send;
import static nl.arbeidsmigratie.kg.testsupport.Http.sparql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.testsupport.JarServerExtension;

/**
 * The refusals of a public read-only endpoint, each tested so that it fails if the protection goes. The jar is
 * started with small limits so that the limits can be reached quickly.
 */
class ProtectionIT {
    /** Big enough to be stopped by a 2 s timeout: a join of every triple with every triple. */
    private static final String HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";
    @RegisterExtension
    static final JarServerExtension server = JarServerExtension.serve("--timeout", "2", "--max-rows", "5", "--max-concurrent", "1");
    static String base;

    @BeforeAll
    static void start() throws Exception {
        base = server.base();
    }

    private static String tripleCount() throws Exception {
        return sparql(base, COUNT, "text/csv").body();
    }

    @Test
    void rejectsSparqlUpdateOnEveryPath() throws Exception {
        String before = tripleCount();
        String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
        for (String path : List.of("/kg", "/kg/sparql", "/kg/query", "/kg/update", "/kg/get")) {
            HttpResponse<String> asBody = send("POST", base + path, "application/sparql-update", update);
            assertTrue(asBody.statusCode() >= 400 && asBody.statusCode() < 500, path + " " + asBody.statusCode());
            HttpResponse<String> asForm = send("POST", base + path, "application/x-www-form-urlencoded",
                    "update=" + enc(update));
            assertTrue(asForm.statusCode() >= 400 && asForm.statusCode() < 500, path + " form " + asForm.statusCode());
        }
        assertEquals(before, tripleCount());
    }

    @Test
    void rejectsGraphWritesAndUploads() throws Exception {
        String before = tripleCount();
        for (String method : List.of("PUT", "POST", "DELETE", "PATCH")) {
            for (String path : List.of("/kg?default", "/kg/get?default", "/kg/data?default", "/kg/upload", "/kg/sparql?default")) {
                HttpResponse<String> r = send(method, base + path, "text/turtle", "<urn:x> <urn:y> <urn:z> .");
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, method + " " + path + " " + r.statusCode());
            }
        }
        assertEquals(before, tripleCount());
    }

    @Test
    void serviceIsOff() throws Exception {
        HttpResponse<String> r = sparql(base, "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                "application/sparql-results+json");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("SERVICE"));
    }

    /** Each placement a query can hide SERVICE in; the unit test ServiceCheckTest walks many more. */
    @Test
    void serviceIsRefusedWhereverItStands() throws Exception {
        String s = "SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }";
        for (String q : List.of("SELECT * { { SELECT * { " + s + " } } }",
                "SELECT * { ?a ?b ?c FILTER EXISTS { " + s + " } }",
                "SELECT * { ?a ?b ?c FILTER NOT EXISTS { " + s + " } }",
                "SELECT * { ?a ?b ?c MINUS { " + s + " } }",
                "SELECT * { ?a ?b ?c OPTIONAL { " + s + " } }",
                "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s <urn:p>/<urn:q>* ?o } }",
                "SELECT ?a { ?a ?b ?c } ORDER BY (EXISTS { " + s + " })",
                "CONSTRUCT { ?s ?p ?o } WHERE { { SELECT * { " + s + " } } }",
                "ASK { FILTER EXISTS { " + s + " } }")) {
            HttpResponse<String> r = sparql(base, q, "application/sparql-results+json");
            assertEquals(400, r.statusCode(), q + " → " + r.body());
            assertTrue(r.body().contains("SERVICE <http://127.0.0.1:9/sparql>"), "the refusal names it: " + r.body());
        }
    }

    @Test
    void javaFunctionsAreRefused() throws Exception {
        HttpResponse<String> r = sparql(base,
                "SELECT ?x { BIND(<java:org.apache.jena.sparql.function.library.FN_StrConcat>('a','b') AS ?x) }",
                "text/csv");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("java: functions are not offered"), r.body());
        assertFalse(r.body().contains("ab\r\n"), "a java: function ran: " + r.body());
    }

    @Test
    void timeoutStopsAHeavyQueryAndAClientCannotRaiseIt() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = get(base + "/kg/sparql?timeout=600&query=" + enc(HEAVY), "Accept", "text/csv");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(seconds < 60, "the 2 s server timeout did not stop the query (took " + seconds + " s)");
    }

    @Test
    void aResultCutAtTheRowCapSaysSo() throws Exception {
        HttpResponse<String> cut = sparql(base, "SELECT * { ?s ?p ?o }", "text/csv");
        assertEquals("5", cut.headers().firstValue("X-SPARQL-MaxRows").orElse(null), "a cut SELECT says so");
        HttpResponse<String> construct = sparql(base, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples");
        assertEquals("5", construct.headers().firstValue("X-SPARQL-MaxRows").orElse(null), "a cut CONSTRUCT says so");
        HttpResponse<String> describe = sparql(base, "PREFIX am: <https://w3id.org/arbeidsmigratie/def#> "
                + "DESCRIBE ?p WHERE { ?p a am:Problem }", "text/turtle");
        assertEquals("5", describe.headers().firstValue("X-SPARQL-MaxRows").orElse(null), "a cut DESCRIBE says so");
        // Nothing was cut: the query's own LIMIT, or fewer rows than the cap.
        for (String q : List.of("SELECT * { ?s ?p ?o } LIMIT 5", "SELECT * { ?s ?p ?o } LIMIT 2",
                "SELECT ?t { <https://w3id.org/arbeidsmigratie/id/bron/rapport> a ?t }",
                "CONSTRUCT WHERE { <https://w3id.org/arbeidsmigratie/id/bron/rapport> a ?t }"))
            assertTrue(sparql(base, q, "text/csv, text/turtle").headers().firstValue("X-SPARQL-MaxRows").isEmpty(), q);
        assertTrue(get(base + "/kg/sparql", "Accept", "text/turtle").body().contains("maxResultRows"));
    }

    @Test
    void rowCapHoldsForEveryQueryForm() throws Exception {
        String select = sparql(base, "SELECT * { ?s ?p ?o }", "text/csv").body();
        assertEquals(1 + 5, select.strip().lines().count(), select);
        String construct = sparql(base, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples").body();
        assertEquals(5, construct.strip().lines().count(), construct);
        String describe = sparql(base, "PREFIX am: <https://w3id.org/arbeidsmigratie/def#> "
                + "SELECT (COUNT(*) AS ?n) { ?p a am:Problem }", "text/csv").body();
        assertTrue(Integer.parseInt(describe.strip().lines().skip(1).findFirst().orElse("0").strip()) > 5);
        String described = sparql(base, "PREFIX am: <https://w3id.org/arbeidsmigratie/def#> "
                + "DESCRIBE ?p WHERE { ?p a am:Problem }", "application/n-triples").body();
        long subjects = described.lines().map(l -> l.split(" ")[0])
                .filter(s -> s.contains("/id/probleem/")).distinct().count();
        assertTrue(subjects <= 5, "DESCRIBE described " + subjects + " problems");
    }

    @Test
    void concurrentHeavyWorkIsCappedWith503AndRetryAfter() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++)
                all.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return get(base + "/kg/sparql?query=" + enc(HEAVY), "Accept", "text/csv");
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }, pool));
            List<HttpResponse<String>> responses = all.stream().map(CompletableFuture::join).toList();
            List<HttpResponse<String>> refused = responses.stream()
                    .filter(r -> r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()).toList();
            assertFalse(refused.isEmpty(), "no request was refused with 503 + Retry-After");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oversizedRequestsAreRefused() throws Exception {
        String big = "ASK { ?s ?p ?o } #" + "x".repeat(1_000_000);
        HttpResponse<String> r = send("POST", base + "/kg/sparql", "application/sparql-query", big);
        assertEquals(413, r.statusCode());
    }

    @Test
    void stylesheetAndCallbackAreRejected() throws Exception {
        String q = "&query=" + enc("SELECT * { ?s ?p ?o } LIMIT 1");
        assertEquals(400, get(base + "/kg/sparql?stylesheet=" + enc("http://evil/x.xsl") + q).statusCode());
        assertEquals(400, get(base + "/kg/sparql?callback=alert" + q).statusCode());
        assertEquals(400, get(base + "/api/queries/law?callback=alert").statusCode());
    }

    @Test
    void noAdminOrUiEndpoints() throws Exception {
        for (String path : List.of("/$/datasets", "/$/server", "/$/stats", "/$/metrics", "/$/backup/kg", "/$/tasks",
                "/$/compact/kg", "/index.html", "/dataset.html", "/manage.html"))
            assertEquals(404, get(base + path).statusCode(), path);
    }

    @Test
    void corsAllowsReadingFromAnywhereButNothingThatWrites() throws Exception {
        HttpResponse<String> get = get(base + "/api/queries", "Origin", "https://example.org");
        assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<String> pre = send("OPTIONS", base + "/kg/sparql", null, null,
                "Origin", "https://example.org", "Access-Control-Request-Method", "PUT");
        String allowed = pre.headers().firstValue("Access-Control-Allow-Methods").orElse("");
        assertTrue(allowed.contains("GET") && allowed.contains("POST"));
        for (String m : List.of("PUT", "DELETE", "PATCH")) assertFalse(allowed.contains(m), allowed);
    }

    @Test
    void bindsLoopbackByDefault() throws Exception {
        int port = URI.create(base).getPort();
        assertTrue(base.startsWith("http://127.0.0.1:"), base);
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a.isLoopbackAddress() || !(a instanceof Inet4Address)) continue;
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a, port), 2000);
                    throw new AssertionError("server reachable on " + a);
                } catch (java.io.IOException expected) {
                    // refused: not bound there
                }
            }
        }
    }

    @Test
    void logsOneLinePerRequestWithoutTheQueryText() throws Exception {
        String marker = "zzmarker" + System.nanoTime();
        sparql(base, "SELECT ?" + marker + " { ?s ?p ?o } LIMIT 1", "text/csv");
        Thread.sleep(500);
        List<String> log = server.output();
        assertTrue(log.stream().anyMatch(l -> l.matches(".*GET /kg/sparql 200 \\d+ms.*")), String.join("\n", log));
        assertTrue(log.stream().noneMatch(l -> l.contains(marker)), "query text logged");
    }

    @Test
    void aPortAlreadyTakenExitsNonZeroSayingSo() throws Exception {
        int port = URI.create(base).getPort();
        JarServer.Result r = JarServer.run("serve", "--port", Integer.toString(port));
        assertNotEquals(0, r.exitCode());
        assertTrue(r.output().contains("already in use"), r.output());
    }
}
