package nl.arbeidsmigratie.kg.sparql;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionFuseki;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.arbeidsmigratie.kg.release.Release;
import nl.arbeidsmigratie.kg.source.KgSource;
import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.testsupport.RawHttp;

/**
 * Ad-hoc SPARQL on the built jar: answers as plain ARQ gives them on the release's own dataset (the seven examples of
 * issue 16, each of which the endpoint of the previous release answered differently), the formats and forms plain
 * Fuseki offers, and the deadline that no query escapes: a query past it is answered 503 (or 400) within a second of
 * its time limit, its worker is ended and replaced, and pages, questions and pings go on meanwhile.
 */
class AdHocSparqlIT {
    static JarServer server;
    static String base;
    static DatasetGraph release;

    @BeforeAll
    static void start() throws Exception {
        // Two ad-hoc slots whatever the machine: the slow-query test counts on one slot for slow texts.
        server = JarServer.start("--max-concurrent", "2");
        base = server.base();
        release = Release.graphOnly(KgSource.bundled().releaseDir()).dataset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // 1: two HAVING conditions (the row cap's cloneQuery() made both the first)
            "SELECT ?t (COUNT(*) AS ?n) { ?s a ?t } GROUP BY ?t HAVING (COUNT(*) > 10) (COUNT(*) < 60)",
            // 2: GROUP_CONCAT over an unbound value gives no value
            "SELECT (GROUP_CONCAT(?x; SEPARATOR=\",\") AS ?all) { VALUES ?x { \"a\" UNDEF \"b\" } }",
            // 3: the base direction of an RDF 1.2 literal
            "SELECT ?x { BIND(\"abc\"@en--ltr AS ?x) }",
            // 4: regular expressions as Java's, which Jena uses
            "SELECT ?x { VALUES ?x { \"a\\rb\" \"a\\nb\" \"axb\" } FILTER(REGEX(?x, \"^a.b$\")) }",
            "SELECT ?x { VALUES ?x { \"\\U0001F600\" \"a\" } FILTER(REGEX(?x, \"^\\\\p{So}$\")) }",
            "SELECT ?x { VALUES ?x { \"a\" \"b\" \"c\" \"d\" } FILTER(REGEX(?x, \"[a-d&&[^b]]\")) }",
            "SELECT ?x { VALUES ?x { \"a\" \"\\u00e9\" } FILTER(REGEX(?x, \"^\\\\p{InBasicLatin}$\")) }",
            "SELECT ?x { VALUES ?x { \"aa\" \"ab\" } FILTER(REGEX(?x, \"^(a)\\\\1$\")) }",
            "SELECT ?x { VALUES ?x { \"ab\" \"ac\" } FILTER(REGEX(?x, \"a(?=b)\")) }",
            "SELECT ?x { VALUES ?x { \"ab\\n\" \"ax\" } FILTER(REGEX(?x, \"b\\\\Z\")) }",
            // 5: afn: functions
            "PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT (afn:localname(<https://w3id.org/arbeidsmigratie/def#Problem>) AS ?l) (afn:sqrt(16) AS ?r) {}",
            // 6: ORDER BY without a LIMIT of its own, past where top-N sorting would start
            "SELECT ?s ?o { ?s ?p ?o FILTER(isLiteral(?o)) } ORDER BY ?o ?s OFFSET 10 LIMIT 5000",
    })
    void answersAsPlainArqOnTheSameData(String query) throws Exception {
        HttpResponse<byte[]> r = Http.getBytes(base + "/kg/sparql?query=" + enc(query), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), new String(r.body()));
        RowSetRewindable ours = RowSet.adapt(ResultsReader.create().lang(ResultSetLang.RS_JSON).build()
                .read(new ByteArrayInputStream(r.body()))).rewindable();
        Query q = QueryFactory.create(query, AdHocExecution.BASE, Syntax.syntaxARQ);
        try (QueryExec exec = QueryExec.newBuilder().dataset(release).query(q).build()) {
            RowSetRewindable plain = exec.select().rewindable();
            assertTrue(ResultSetCompare.equalsByTermAndOrder(plain, ours), query);
        }
        if (query.contains("--ltr")) assertTrue(new String(r.body()).contains("ltr"), new String(r.body()));
    }

    /** 7: Jena's own HTTP client, with the Accept header it sends by default, gets an answer for every query form. */
    @Test
    void jenasHttpClientGetsAnAnswer() {
        String service = base + "/kg/sparql";
        try (QueryExec e = QueryExecHTTP.service(service).query("SELECT * { ?s ?p ?o } LIMIT 3").build()) {
            assertEquals(3, e.select().materialize().rewindable().size());
        }
        try (QueryExec e = QueryExecHTTP.service(service).query("ASK { ?s ?p ?o }").build()) {
            assertTrue(e.ask());
        }
        try (QueryExec e = QueryExecHTTP.service(service).query("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3").build()) {
            assertFalse(e.construct().isEmpty());
        }
        try (QueryExec e = QueryExecHTTP.service(service).query("DESCRIBE <https://w3id.org/arbeidsmigratie/id/wet/wtta>").build()) {
            assertFalse(e.describe().isEmpty());
        }
        // Jena's client for Fuseki asks for RDF Thrift (results and graphs), with no other type beside it.
        try (RDFConnection c = RDFConnectionFuseki.service(base + "/kg").queryEndpoint("sparql").build()) {
            assertEquals(3, org.apache.jena.query.ResultSetFactory.makeRewindable(c.query("SELECT * { ?s ?p ?o } LIMIT 3").execSelect()).size());
            assertTrue(c.queryAsk("ASK { ?s ?p ?o }"));
            assertFalse(c.queryConstruct("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 3").isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/sparql-results+thrift", "text/plain"})
    void selectAnswersInTheFormatsPlainFusekiOffers(String accept) throws Exception {
        HttpResponse<byte[]> r = Http.getBytes(base + "/kg/sparql?query=" + enc("SELECT ?s { ?s ?p ?o } LIMIT 4"), "Accept", accept);
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept));
        if (accept.contains("thrift"))
            assertEquals(4, RowSet.adapt(ResultsReader.create().lang(ResultSetLang.RS_Thrift).build()
                    .read(new ByteArrayInputStream(r.body()))).rewindable().size());
        else assertTrue(new String(r.body()).contains("| s "), new String(r.body()));
    }

    @Test
    void constructAnswersInRdfThrift() throws Exception {
        HttpResponse<byte[]> r = Http.getBytes(base + "/kg/sparql?query=" + enc("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5"),
                "Accept", "application/rdf+thrift");
        assertEquals(200, r.statusCode());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(Lang.RDFTHRIFT).parse(g);
        assertEquals(5, g.size());
    }

    @Test
    void fusekiTimeoutFormsAreAccepted() throws Exception {
        for (String t : List.of("5", "2.5", "1,5", "1%2C5"))
            assertEquals(200, get(base + "/kg/sparql?timeout=" + t + "&query=" + enc("ASK {}")).statusCode(), t);
        HttpResponse<String> bad = get(base + "/kg/sparql?timeout=soon&query=" + enc("ASK {}"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("timeout"), bad.body());
    }

    @Test
    void rdfXmlOfAGraphItCannotWriteIs406() throws Exception {
        HttpResponse<String> r = get(base + "/kg/sparql?query=" + enc("CONSTRUCT { <urn:s> <http://example.org/1> \"x\" } {}"),
                "Accept", "application/rdf+xml");
        assertEquals(406, r.statusCode(), r.body());
        assertFalse(r.body().matches("(?s).*\\b(org|java)\\.[a-z]+\\.[A-Za-z.]+Exception.*"), r.body());
    }

    @Test
    void aQueryThatNeedsMoreMemoryThanAWorkerHasIs503AndTheNextIsServed() throws Exception {
        StringBuilder q = new StringBuilder("SELECT (STRLEN(?x30) AS ?n) { BIND(\"0123456789abcdef\" AS ?x0) ");
        for (int i = 1; i <= 30; i++) q.append("BIND(CONCAT(?x").append(i - 1).append(", ?x").append(i - 1).append(") AS ?x").append(i).append(") ");
        q.append("}");
        HttpResponse<String> r = get(base + "/kg/sparql?query=" + enc(q.toString()));
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("memory"), r.body());
        assertEquals(200, get(base + "/kg/sparql?query=" + enc("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")).statusCode());
    }

    /** The five held-out deadline cases: each answered within a second after its time limit, with pages served throughout. */
    static final List<String> PAST_THE_DEADLINE = List.of(
            "ASK { FILTER(REGEX(\"a\", \"((a{1000}){1000}){1000}\")) }",
            "PREFIX math: <http://www.w3.org/2005/xpath-functions/math#> SELECT (math:pow(3, 2000000000) AS ?x) {}",
            "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT (xsd:dateTime(\"2020-01-01T00:00:00Z\") + \"PT600000000000000S\"^^xsd:dayTimeDuration AS ?x) {}",
            "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (STRLEN(fn:normalize-unicode(?s, \"NFC\")) AS ?n) { "
                    + "BIND(\"a\\u0301\\u0300\\u0302\\u0303\" AS ?s0) "
                    + "BIND(CONCAT(?s0,?s0,?s0,?s0,?s0,?s0,?s0,?s0) AS ?s1) BIND(CONCAT(?s1,?s1,?s1,?s1,?s1,?s1,?s1,?s1) AS ?s2) "
                    + "BIND(CONCAT(?s2,?s2,?s2,?s2,?s2,?s2,?s2,?s2) AS ?s3) BIND(CONCAT(?s3,?s3,?s3,?s3,?s3,?s3,?s3,?s3) AS ?s4) "
                    + "BIND(CONCAT(?s4,?s4,?s4,?s4,?s4,?s4,?s4,?s4) AS ?s) }",
            "SELECT * { <https://w3id.org/arbeidsmigratie/id/bron/rapport> (!(<u>|^<u>)/!(<u>|^<u>)/!(<u>|^<u>)/!(<u>|^<u>))* ?x }");

    @Test
    void noQueryOutlivesItsDeadlineAndTheServiceGoesOn() throws Exception {
        AtomicBoolean attacking = new AtomicBoolean(true);
        List<Long> pings = new ArrayList<>();
        CompletableFuture<Void> pinger = CompletableFuture.runAsync(() -> {
            try (RawHttp.Client http = new RawHttp.Client("127.0.0.2", server.port())) {
                while (attacking.get()) {
                    RawHttp.Response p = http.get("/$/ping");
                    assertEquals(200, p.status());
                    synchronized (pings) { pings.add(p.millis()); }
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        StringBuilder report = new StringBuilder();
        for (String q : PAST_THE_DEADLINE) {
            long t0 = System.nanoTime();
            // A comment of its own: another test's run of the same text must not make this one a cool-down refusal.
            RawHttp.Response r = RawHttp.get("127.0.0.3", server.port(), "/kg/sparql?timeout=2&query=" + enc(q + "\n# deadline case"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            report.append(r.status()).append(' ').append(ms).append(" ms: ").append(q, 0, Math.min(60, q.length())).append('\n');
            assertTrue(r.status() == 503 || r.status() == 400 || r.status() == 200, report.toString());
            assertFalse(r.body().contains("refused for"), "run, not refused: " + r.body());
            assertTrue(ms < 3_000, "answered " + ms + " ms after it was sent, with timeout=2\n" + report);
            assertEquals(200, RawHttp.get("127.0.0.3", server.port(), "/kg/sparql?query=" + enc("ASK { ?s ?p ?o }")).status(),
                    "the next query after\n" + report);
        }
        attacking.set(false);
        pinger.get(10, TimeUnit.SECONDS);
        long max;
        synchronized (pings) { max = pings.stream().mapToLong(Long::longValue).max().orElse(-1); }
        System.out.println("deadline cases:\n" + report + "pings: " + pings.size() + ", slowest " + max + " ms");
        assertTrue(pings.size() >= 20, "pings during the attack: " + pings.size());
        assertTrue(max < 1_000, "slowest ping " + max + " ms\n" + report);
    }

    /**
     * A query whose worker had to be ended is refused at once when asked again (it would cost another worker), with
     * when to ask again.
     */
    @Test
    void theSameCostlyQueryAskedAgainIsRefusedAtOnceAndQuickOnesGoOn() throws Exception {
        String q = "ASK { FILTER(REGEX(\"" + "a".repeat(40) + "\", \"(.*a){21}b\")) } # theSameCostlyQuery";
        RawHttp.Response first = RawHttp.get("127.0.0.5", server.port(), "/kg/sparql?timeout=1&query=" + enc(q));
        assertEquals(503, first.status(), first.body());
        assertTrue(first.body().contains("longer than 1 s"), first.body());
        RawHttp.Response again = RawHttp.get("127.0.0.6", server.port(), "/kg/sparql?timeout=1&query=" + enc(q));
        assertEquals(503, again.status(), again.body());
        assertTrue(again.body().contains("ran past its time limit of 1 s") && again.body().contains("refused for 60 s"), again.body());
        long retry = Long.parseLong(again.header("Retry-After"));
        assertTrue(retry > 0 && retry <= 60, "Retry-After " + retry);
        assertFalse(again.body().matches("(?s).*\\b(org|java)\\.[a-z]+\\.[A-Za-z.]+.*"), again.body());
        assertEquals(200, RawHttp.get("127.0.0.5", server.port(), "/kg/sparql?query=" + enc("ASK { ?s ?p ?o }")).status());
    }

    @Test
    void slowQueriesLeaveOneSlotForQuickOnes() throws Exception {
        String q = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f } # slowQueriesLeaveOneSlot";
        String path = "/kg/sparql?timeout=2&query=" + enc(q);
        RawHttp.Response learn = RawHttp.get("127.0.0.7", server.port(), path);
        assertEquals(503, learn.status(), learn.body());
        // Two at once from two addresses: whichever comes second finds the one slow slot taken, and is told so at once.
        List<CompletableFuture<RawHttp.Response>> two = new ArrayList<>();
        for (String from : List.of("127.0.0.7", "127.0.0.8"))
            two.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.get(from, server.port(), path);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        Thread.sleep(500);
        assertEquals(200, RawHttp.get("127.0.0.9", server.port(), "/kg/sparql?query=" + enc("ASK { ?s ?p ?o }")).status(),
                "a quick query while the slow slot is taken");
        List<RawHttp.Response> answers = new ArrayList<>();
        for (var f : two) answers.add(f.get(30, TimeUnit.SECONDS));
        List<RawHttp.Response> refused = answers.stream().filter(r -> r.body().contains("at most 1 such slow query runs at once")).toList();
        assertEquals(1, refused.size(), answers.stream().map(RawHttp.Response::body).toList().toString());
        assertEquals(503, refused.get(0).status());
        assertEquals("2", refused.get(0).header("Retry-After"));
        assertTrue(answers.stream().allMatch(r -> r.status() == 503), "the other ran until its time limit");
    }

    @Test
    void twentyHostileQueriesFromTwentyAddressesLeavePagesAndQuestionsServed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<RawHttp.Response>> attacks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String from = "127.0.1." + (i + 1);
                String q = PAST_THE_DEADLINE.get(i % PAST_THE_DEADLINE.size());
                attacks.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return RawHttp.get(from, server.port(), "/kg/sparql?timeout=2&query=" + enc(q + "\n# twenty at once"));
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }, pool));
            }
            Thread.sleep(300);
            assertEquals(200, RawHttp.get("127.0.0.4", server.port(), "/q/agenda").status());
            assertEquals(200, RawHttp.get("127.0.0.4", server.port(), "/api/queries/recommendation-status?asOf=2025-08-01&format=csv").status());
            assertEquals(200, RawHttp.get("127.0.0.4", server.port(), "/id/wet/wtta").status());
            for (var a : attacks) {
                int s = a.get(30, TimeUnit.SECONDS).status();
                assertTrue(s == 503 || s == 400 || s == 200, "status " + s);
            }
            assertEquals(200, RawHttp.get("127.0.0.4", server.port(), "/kg/sparql?query=" + enc("ASK { ?s ?p ?o }")).status());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Test helper: GET as bytes. */
    static final class Http {
        static HttpResponse<byte[]> getBytes(String url, String... headers) throws Exception {
            return nl.arbeidsmigratie.kg.testsupport.Http.getBytes(url, headers);
        }
    }
}
