package nl.arbeidsmigratie.kg.server;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static nl.arbeidsmigratie.kg.testsupport.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.arbeidsmigratie.kg.testsupport.JarServerExtension;
import nl.arbeidsmigratie.kg.testsupport.RawHttp;

/**
 * The second round of hostile requests (issue 11), each against the built jar as a hostile client sends it. Every
 * case asserts the exact refusal (status and message, no Java names), that it came within its limit plus a margin
 * (the machine is shared: margins are generous, but far below what the attacks used to take), and after each case
 * that the server answers pings and pages, that the graph is unchanged and that the client's query slot is free.
 * The server runs with a 3 s query limit and 2 ad-hoc slots (1 per client).
 */
class HostileIT {
    static final long LIMIT = 3_000;
    /** Added to every time limit: a loaded 2-core machine. */
    static final long MARGIN = 5_000;
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "Exception|StackOverflow|OutOfMemory|\\bjava\\.|\\borg\\.(apache|eclipse)\\.|\\bat [a-z]+\\.[a-z]");
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";
    @RegisterExtension
    static final JarServerExtension server = JarServerExtension.serve("--timeout", "3", "--max-concurrent", "2");
    static String base;
    static int port;
    static String triples;

    @BeforeAll
    static void start() throws Exception {
        base = server.base();
        port = server.port();
        triples = query("127.0.0.1", COUNT).body();
        // The count the server states when it starts ("… (12356 triples; …"), as the CSV of COUNT(*) must say it.
        java.util.regex.Matcher stated = Pattern.compile("\\((\\d+) triples;").matcher(String.join("\n", server.startupOutput()));
        assertTrue(stated.find(), String.join("\n", server.startupOutput()));
        assertEquals("n\r\n" + stated.group(1), triples.strip(), "the triple count");
    }

    /** After every attack: alive, unchanged, and the slots of both clients free. */
    @AfterEach
    void serverIsWholeAndSlotsAreFree() throws Exception {
        RawHttp.Response ping = RawHttp.get("127.0.0.1", port, "/$/ping");
        assertEquals(200, ping.status());
        assertTrue(ping.millis() < 2_000, "ping took " + ping.millis() + " ms");
        assertEquals(200, RawHttp.get("127.0.0.2", port, "/id/wet/wtta", "Accept", "text/turtle").status());
        for (String client : List.of("127.0.0.1", "127.0.0.2")) {
            RawHttp.Response r = query(client, COUNT);
            // Workers ended by the attack are being replaced: the warm spare answers at once, further ones once a
            // fresh worker has loaded the graph (seconds on a loaded machine).
            for (int i = 0; i < 60 && r.status() == 503 && r.body().contains("no query worker was free"); i++) {
                Thread.sleep(1_000);
                r = query(client, COUNT);
            }
            assertEquals(200, r.status(), client + ": " + r.body());
            assertEquals(triples, r.body(), "the graph changed");
        }
    }

    static RawHttp.Response query(String client, String sparql) throws IOException {
        return RawHttp.get(client, port, "/kg/sparql?query=" + enc(sparql), "Accept", "text/csv");
    }

    static HttpResponse<String> post(String sparql) throws Exception {
        // A format the query form has (the endpoint refuses, 406, a graph in CSV before running anything).
        boolean graph = sparql.startsWith("CONSTRUCT") || sparql.startsWith("DESCRIBE");
        return send("POST", base + "/kg/sparql", "application/sparql-query", sparql, "Accept", graph ? "text/turtle" : "text/csv");
    }

    static void assertRefused(int status, String message, int actualStatus, String body) {
        assertEquals(status, actualStatus, body);
        assertTrue(body.contains(message), "expected '" + message + "' in: " + cut(body));
        assertFalse(JAVA_NAMES.matcher(body).find(), "Java names in the answer: " + cut(body));
    }

    static void assertWithin(long limitMillis, long millis) {
        assertTrue(millis <= limitMillis + MARGIN, "took " + millis + " ms; limit " + limitMillis + " ms + margin");
    }

    static String cut(String s) { return s.length() > 300 ? s.substring(0, 300) + "…" : s; }

    static long timed(Callable<?> c) throws Exception {
        long t = System.nanoTime();
        c.call();
        return (System.nanoTime() - t) / 1_000_000;
    }

    // Memory: serve started as the README says runs the server with explicit heap settings

    @Test
    void serveRunsTheServerWithExplicitHeapSettingsAndStatesItsCeiling() {
        assertTrue(server.startupOutput().stream().anyMatch(l -> l.matches(
                "heap: at most \\d+ MiB \\(set by serve\\), and 3 query workers of at most \\d+ MiB heap each; "
                        + "the server and its workers together stay under about \\d+ MiB")),
                String.join("\n", server.startupOutput()));
        List<String> args = List.of(server.serverProcess().info().arguments().orElse(new String[0]));
        assertTrue(args.stream().anyMatch(a -> a.matches("-Xmx\\d+m")), "no -Xmx: " + args);
        assertTrue(args.containsAll(HeapLauncher.OTHER_POOLS), args.toString());
    }

    // 1. REGEX backtracking

    @Test
    void backtrackingRegexStopsAtTheDeadlineAndFourOfThemHoldNoMoreThanTheirSlots() throws Exception {
        // Exponential on java.util.regex, which Jena uses: the worker runs it until the deadline and is then ended.
        String q = "SELECT (REGEX(\"" + "a".repeat(40) + "\", \"(.*a){20}b\") AS ?x) {}";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RawHttp.Response>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++)
                all.add(pool.submit(() -> RawHttp.get("127.0.0.1", port, "/kg/sparql?timeout=3&query=" + enc(q), "Accept", "text/csv")));
            int stopped = 0;
            for (Future<RawHttp.Response> f : all) {
                RawHttp.Response r = f.get();
                assertWithin(LIMIT, r.millis());
                if (r.body().contains("took longer")) {
                    assertRefused(503, "the query took longer than 3 s, the time limit of this endpoint", r.status(), r.body());
                    stopped++;
                } else {
                    assertRefused(503, "too many queries at once", r.status(), r.body());
                }
            }
            assertTrue(stopped >= 1 && stopped <= 1, "one client holds one slot: " + stopped + " ran");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRegexThatIsSlowEvenWhenLinearStopsAtTheDeadline() throws Exception {
        String input = "abcdefghijk".repeat(9_000);
        // About 400,000 characters (built in the query, under the string limit): linear, but far more than 3 s of work.
        String q = "SELECT ?x { BIND(\"" + input + "\" AS ?s) BIND(CONCAT(?s, ?s, ?s, ?s) AS ?t) "
                + "BIND(REGEX(?t, \"(a|b|c|d|e|f|g|h|i|j|k){1,1000}z\") AS ?x) }";
        long[] ms = new long[1];
        HttpResponse<String>[] r = new HttpResponse[1];
        ms[0] = timed(() -> r[0] = post(q));
        assertRefused(503, "the query took longer than 3 s, the time limit of this endpoint", r[0].statusCode(), r[0].body());
        assertWithin(LIMIT, ms[0]);
    }

    @Test
    void regularExpressionsAreJavasAsInPlainJena() throws Exception {
        HttpResponse<String> r = post("SELECT (REGEX(\"aa\", \"(a)\\\\1\") AS ?x) {}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("x\r\ntrue\r\n", r.body());
    }

    // 2. ORDER BY ignoring the deadline

    @Test
    void sortsStopAtTheDeadline() throws Exception {
        HttpResponse<String>[] r = new HttpResponse[1];
        // Beyond the top-N threshold (OFFSET): a full sort on a computed key of a cross product.
        long ms = timed(() -> r[0] = post("SELECT ?a ?o { ?a ?b ?c . ?s ?p ?o } ORDER BY (CONCAT(STR(?o), STR(?a))) OFFSET 20000"));
        assertRefused(503, "the query took longer than 3 s", r[0].statusCode(), r[0].body());
        assertWithin(LIMIT, ms);
        // The issue's path query: top-N up to the row cap, so it may even finish; either way within the limit.
        ms = timed(() -> r[0] = post("SELECT ?s ?o { ?s (<urn:x>|!<urn:x>)* ?o } ORDER BY ?o"));
        if (r[0].statusCode() != 200) assertRefused(503, "the query took longer than 3 s", r[0].statusCode(), r[0].body());
        assertWithin(LIMIT, ms);
    }

    // 3. Slow clients

    @Test
    void tricklingBodiesHoldNoSlotNoThreadAndEndAt408() throws Exception {
        List<Thread> tricklers = new ArrayList<>();
        List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 68; i++) {
            boolean form = i >= 8;
            byte[] body = (form ? "query=ASK%7B%7D&pad=" + "x".repeat(40) : "ASK { ?s ?p ?o } ".repeat(3)).getBytes(StandardCharsets.US_ASCII);
            Thread t = new Thread(() -> {
                try (Socket s = RawHttp.connect("127.0.0.1", port)) {
                    long start = System.nanoTime();
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /kg/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: "
                            + (form ? "application/x-www-form-urlencoded" : "application/sparql-query")
                            + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    try {
                        for (byte b : body) {
                            out.write(b);
                            out.flush();
                            Thread.sleep(1_000);
                        }
                    } catch (IOException closed) {
                        // the server gave up on us: read its answer
                    }
                    RawHttp.Response r = RawHttp.read(s.getInputStream(), start);
                    answers.add(r.status() + " " + r.body().strip() + " " + r.millis());
                } catch (Exception e) {
                    answers.add("error " + e);
                }
            });
            t.start();
            tricklers.add(t);
        }
        Thread.sleep(2_000);
        for (int i = 0; i < 3; i++) {
            // Meanwhile both ad-hoc slots, pages and pings are there for others.
            assertEquals(200, RawHttp.get("127.0.0.1", port, "/$/ping").status());
            assertEquals(200, RawHttp.get("127.0.0.1", port, "/id/wet/wtta", "Accept", "text/turtle").status());
            assertEquals(200, query("127.0.0.1", COUNT).status());
            assertEquals(200, query("127.0.0.2", COUNT).status());
            Thread.sleep(1_500);
        }
        for (Thread t : tricklers) t.join(60_000);
        assertEquals(68, answers.size());
        for (String a : answers) {
            assertTrue(a.startsWith("408 the request body did not arrive within 10 s"), a);
            long ms = Long.parseLong(a.substring(a.lastIndexOf(' ') + 1));
            assertWithin(KgServer.BODY_DEADLINE_MILLIS, ms);
        }
    }

    @Test
    void headersSentOneLineAtATimeAreCut() throws Exception {
        List<Socket> slow = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < 5; i++) {
                Socket s = RawHttp.connect("127.0.0.1", port);
                s.getOutputStream().write("GET /$/ping HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            boolean[] closed = new boolean[slow.size()];
            long[] when = new long[slow.size()];
            for (int round = 0; round < 15; round++) {
                Thread.sleep(2_000);
                for (int i = 0; i < slow.size(); i++) {
                    if (closed[i]) continue;
                    try {
                        slow.get(i).getOutputStream().write(("X-Slow-" + round + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
                        slow.get(i).getOutputStream().flush();
                        slow.get(i).setSoTimeout(1);
                        if (slow.get(i).getInputStream().read() == -1) throw new IOException("closed");
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        // no answer yet, still open
                    } catch (IOException e) {
                        closed[i] = true;
                        when[i] = (System.nanoTime() - start) / 1_000_000;
                    }
                }
            }
            for (int i = 0; i < slow.size(); i++) {
                assertTrue(closed[i], "connection " + i + " was kept open for 30 s of slow headers");
                assertWithin(KgServer.HEADER_DEADLINE_MILLIS, when[i]);
            }
        } finally {
            for (Socket s : slow) s.close();
        }
    }

    @Test
    void oneClientOpeningManyConnectionsCannotTakeThemAll() throws Exception {
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < KgServer.MAX_CONNECTIONS_PER_CLIENT + 50; i++) flood.add(RawHttp.connect("127.0.0.1", port));
            Thread.sleep(500);
            int open = 0;
            for (Socket s : flood) {
                s.setSoTimeout(50);
                try {
                    if (s.getInputStream().read() != -1) open++;
                } catch (java.net.SocketTimeoutException e) {
                    open++;
                } catch (IOException e) {
                    // closed by the server
                }
            }
            assertTrue(open <= KgServer.MAX_CONNECTIONS_PER_CLIENT, open + " connections of one client were kept");
            RawHttp.Response other = RawHttp.get("127.0.0.2", port, "/$/ping");
            assertEquals(200, other.status());
            assertTrue(other.millis() < 2_000, "another client waited " + other.millis() + " ms");
        } finally {
            for (Socket s : flood) s.close();
        }
        Thread.sleep(500);
    }

    // 4. Memory bombs inside the time and row limits

    static Stream<Arguments> memoryBombs() {
        StringBuilder doubling = new StringBuilder("SELECT ?v27 { BIND(\"xxxxxxxxxx\" AS ?v0) ");
        for (int i = 1; i <= 27; i++)
            doubling.append("BIND(CONCAT(?v").append(i - 1).append(", ?v").append(i - 1).append(") AS ?v").append(i).append(") ");
        String k20 = "x".repeat(20_000);
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < 1_000; i++) template.append("?s <urn:p").append(i).append("> ?o . ");
        // Each ends at a limit of the answer (400), at the worker's heap (503, the worker is ended) or at the deadline
        // (503), whichever comes first on the machine; never the server's heap.
        return Stream.of(
                Arguments.of("27 nested CONCAT doublings", doubling.append("}").toString()),
                Arguments.of("REPLACE of 20k characters by 20k characters",
                        "SELECT (REPLACE(\"" + k20 + "\", \".\", \"" + k20 + "\") AS ?x) {}"),
                Arguments.of("CONSTRUCT with a 1,000-triple template", "CONSTRUCT { " + template + "} WHERE { ?s ?p ?o }"),
                Arguments.of("a JSON query", "JSON { \"s\": ?s } WHERE { ?s ?p ?o }"),
                Arguments.of("GROUP_CONCAT over a cross product", "SELECT (GROUP_CONCAT(STR(?o)) AS ?x) { ?a ?b ?c . ?s ?p ?o }"),
                Arguments.of("10,000 rows of 100 KB",
                        "SELECT ?s ?big { ?s ?p ?o BIND(CONCAT(STR(?o), \"" + "y".repeat(100_000) + "\") AS ?big) } LIMIT 10000"),
                Arguments.of("COUNT(DISTINCT *) over a cross product", "SELECT (COUNT(DISTINCT *) AS ?n) { ?a ?b ?c . ?d ?e ?f }"));
    }

    static final List<String> LIMIT_MESSAGES = List.of("the answer would have more than 100000 triples",
            "JSON queries are not offered here", "the answer would be larger than 32 MiB",
            "the query needed more memory than this endpoint gives one query",
            "the query took longer than 3 s, the time limit of this endpoint");

    @ParameterizedTest(name = "{0}")
    @MethodSource("memoryBombs")
    void memoryBombsEndAtALimitAndNeverReachTheServer(String name, String query) throws Exception {
        HttpResponse<String>[] r = new HttpResponse[1];
        long ms = timed(() -> r[0] = post(query));
        String body = r[0].body();
        String message = LIMIT_MESSAGES.stream().filter(body::contains).findFirst().orElse("one of " + LIMIT_MESSAGES);
        assertRefused(message.startsWith("the query") ? 503 : 400, message, r[0].statusCode(), body);
        assertWithin(LIMIT, ms);
    }

    // 5. gzip bodies

    @Test
    void compressedBodiesAreRefused() throws Exception {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(("ASK { ?s ?p ?o } #" + "x".repeat(10_000_000)).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] body = gz.toByteArray();
        byte[] head = ("POST /kg/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                + "Content-Encoding: gzip\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        RawHttp.Response r = RawHttp.exchange("127.0.0.1", port, request);
        assertRefused(415, "request bodies with Content-Encoding are not accepted", r.status(), r.body());
        assertWithin(0, r.millis());
    }

    // 6. Parsing

    @Test
    void queriesThatParseSlowlyOrNestDeeplyEndWithinTheLimit() throws Exception {
        // Parsed in the worker, under the deadline: a slow parse is ended like a slow query, a deep one is a 400 or
        // (Jena manages it) an answer.
        StringBuilder vars = new StringBuilder("SELECT * {");
        for (int i = 0; i < 20_000; i += 3) vars.append(" ?v").append(i).append(" ?v").append(i + 1).append(" ?v").append(i + 2).append(" .");
        for (String q : List.of(vars.append(" }").toString(),
                "SELECT * { FILTER(" + "(".repeat(2_000) + "1" + ")".repeat(2_000) + ") }",
                "SELECT (" + String.join("+", java.util.Collections.nCopies(40_000, "1")) + " AS ?x) {}")) {
            HttpResponse<String>[] r = new HttpResponse[1];
            long ms = timed(() -> r[0] = post(q));
            assertTrue(r[0].statusCode() == 200 || r[0].statusCode() == 400 || r[0].statusCode() == 503,
                    r[0].statusCode() + " " + cut(r[0].body()));
            assertFalse(JAVA_NAMES.matcher(r[0].body()).find(), cut(r[0].body()));
            assertWithin(LIMIT, ms);
        }
    }

    // 7, 8. The answer cache and fair slots

    @Test
    void heavyAdHocQueriesDoNotStarvePreparedQuestionsAndOneClientCannotHoldEverySlot() throws Exception {
        String heavy = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            long start = System.nanoTime();
            Future<RawHttp.Response> mine = pool.submit(() -> query("127.0.0.1", heavy));
            Thread.sleep(300);
            // A second heavy query of the same client: its half of the slots is taken.
            RawHttp.Response second = query("127.0.0.1", heavy);
            assertRefused(503, "too many queries at once (at most 2, 1 per client)", second.status(), second.body());
            assertEquals("2", second.header("Retry-After"));
            // Another client still gets the other slot.
            Future<RawHttp.Response> other = pool.submit(() -> query("127.0.0.2", heavy));
            Thread.sleep(300);
            // With both ad-hoc slots busy, a question that must be computed (a search no one made) is answered.
            RawHttp.Response question = RawHttp.get("127.0.0.3", port, "/api/queries/search?q=zq" + System.nanoTime() + "&format=csv");
            assertEquals(200, question.status(), question.body());
            assertEquals(200, RawHttp.get("127.0.0.3", port, "/q/search?q=arbeid" + System.nanoTime() % 1000).status());
            for (Future<RawHttp.Response> f : List.of(mine, other)) {
                RawHttp.Response r = f.get();
                assertRefused(503, "the query took longer than 3 s", r.status(), r.body());
            }
            assertWithin(LIMIT, (System.nanoTime() - start) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
    }

    // 9. Refused parameters, however spelled

    @Test
    void refusedParametersAreMatchedOnDecodedNames() throws Exception {
        String q = "&query=" + enc("ASK {}");
        for (String spelled : List.of("%73tylesheet", "stylesheet", "STYLESHEET", "%53tyle%73heet", "%63allback", "Callback", "upd%61te")) {
            HttpResponse<String> r = get(base + "/kg/sparql?format=xml&" + spelled + "=" + enc("http://evil.example/x.xsl") + q);
            assertEquals(400, r.statusCode(), spelled + ": " + r.body());
            assertTrue(r.body().matches("parameter '(stylesheet|callback|update)' is not accepted here\\s*"), r.body());
        }
        HttpResponse<String> api = get(base + "/api/queries/law?%63allback=alert(1)//");
        assertEquals(400, api.statusCode());
        assertFalse(api.body().contains("alert"), api.body());
    }

    // 10. The log

    @Test
    void theLogGrowsByOneEscapedLinePerRequestUnderAttack() throws Exception {
        Thread.sleep(300);
        int before = server.output().size();
        List<Callable<Integer>> attacks = List.of(
                () -> get(base + "/kg/get?graph=http%3A%2F%2Fx%2F%0A00%3A00%3A00%20INFO%20%20request%20%20%20%20GET%20%2Fforged%20200%200ms").statusCode(),
                () -> RawHttp.exchange("127.0.0.1", port, bytes("GET /kg/sparql?query=%C3%28%FF%FE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).status(),
                () -> post("SELECT (" + String.join("+", java.util.Collections.nCopies(40_000, "1")) + " AS ?x) {}").statusCode(),
                () -> RawHttp.get("127.0.0.1", port, "/id/x%0D%0A00:00:00%20INFO%20forged").status(),
                () -> post("SELECT * { ?s ?p ?o FILTER(REGEX(?o, 1)) } LIMIT 5").statusCode(),
                () -> post("SELECT * WHERE { ?s ?p }").statusCode(),
                () -> RawHttp.get("127.0.0.1", port, "/dumps/arbeidsmigratie.ttl", "Range", "bytes=0-99999999999999999999").status());
        for (Callable<Integer> a : attacks) a.call();
        Thread.sleep(500);
        List<String> added = server.output().subList(before, server.output().size());
        assertEquals(attacks.size(), added.size(), "one line per request:\n" + String.join("\n", added));
        for (String line : added) {
            assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d INFO  request    (GET|POST) \\S+ \\d{3} \\d+ms.*"), line);
            assertFalse(line.contains("\tat ") || line.contains("Exception"), line);
        }
        assertTrue(server.output().stream().noneMatch(l -> l.startsWith("00:00:00")), "a forged line");
    }

    // 11. Client mistakes are 4xx, with short messages

    @Test
    void anAbsurdByteRangeIs416() throws Exception {
        RawHttp.Response range = RawHttp.get("127.0.0.1", port, "/dumps/arbeidsmigratie.ttl", "Range", "bytes=0-99999999999999999999");
        assertRefused(416, "the Range header is not a byte range", range.status(), range.body());
        assertTrue(range.header("Content-Range").matches("bytes \\*/\\d+"), range.header("Content-Range"));
    }

    @Test
    void anUnknownNamedGraphIsEmptyOrAbsentNotAFault() throws Exception {
        HttpResponse<String> graph = get(base + "/kg/get?graph=" + enc("http://example.org/unknown"));
        assertRefused(404, "No such graph", graph.statusCode(), graph.body());
        HttpResponse<String> named = post("SELECT * FROM NAMED <http://example.org/unknown> { GRAPH ?g { ?s ?p ?o } }");
        assertEquals(200, named.statusCode(), named.body());
    }

    @Test
    void aQueryStringThatIsNotUtf8Is400() throws Exception {
        RawHttp.Response utf8 = RawHttp.exchange("127.0.0.1", port, bytes("GET /kg/sparql?query=%C3%28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertRefused(400, "not valid percent-encoded UTF-8", utf8.status(), utf8.body());
    }

    @Test
    void anUnknownCharsetIs415() throws Exception {
        RawHttp.Response charset = RawHttp.exchange("127.0.0.1", port, bytes("POST /kg/sparql HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=x-unknown\r\nContent-Length: 11\r\nConnection: close\r\n\r\nquery=ASK{}"));
        assertRefused(415, "the only charset accepted is UTF-8", charset.status(), charset.body());
    }

    @Test
    void errorsJettyAnswersItselfAreShortPlainText() throws Exception {
        // A path that is not UTF-8 never reaches a servlet: Jetty refuses it, and would answer with an HTML page.
        RawHttp.Response r = RawHttp.exchange("127.0.0.1", port, bytes("GET /id/%C3%28 HTTP/1.1\r\nHost: x\r\n"
                + "Accept: text/html\r\nConnection: close\r\n\r\n"));
        assertEquals(400, r.status());
        assertTrue(r.header("Content-Type").startsWith("text/plain"), r.header("Content-Type"));
        assertEquals("400 Bad UTF-8 encoding", r.body().strip());
    }

    @Test
    void aChunkSizeOverflowIs400() throws Exception {
        RawHttp.Response chunk = RawHttp.exchange("127.0.0.1", port, bytes("POST /kg/sparql HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "FFFFFFFFFFFFFFFFFFFF\r\nASK{}\r\n0\r\n\r\n"));
        assertTrue(chunk.status() == 400 || chunk.status() == 413, chunk.status() + " " + chunk.body());
        assertFalse(JAVA_NAMES.matcher(chunk.body()).find(), chunk.body());
    }

    @Test
    void aQueryThatDoesNotParseIs400WithoutJavaNames() throws Exception {
        HttpResponse<String> parse = post("SELECT * WHERE { ?s ?p }");
        assertEquals(400, parse.statusCode());
        assertTrue(parse.body().contains("line 1"), parse.body());
        assertFalse(JAVA_NAMES.matcher(parse.body()).find(), parse.body());
    }

    // 12. Permalinks and the Host header

    @Test
    void permalinksNeverComeFromTheHostHeader() throws Exception {
        RawHttp.Response r = RawHttp.exchange("127.0.0.1", port, bytes("GET /q/law?lang=en HTTP/1.1\r\nHost: evil.example\r\n"
                + "X-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n"));
        assertEquals(200, r.status());
        assertTrue(r.body().contains("id=\"permalink\""), "no permalink on the page");
        assertFalse(r.body().contains("evil.example"), "the Host header got into the page");
    }

    // 13. XML results

    @Test
    void rdfXmlThatCannotCarryAValueIs406NeverABrokenAnswer() throws Exception {
        // Jena's RDF/XML writer refuses a literal with U+0002: the answer is written before it is sent, so a 406.
        HttpResponse<String> rdf = send("POST", base + "/kg/sparql", "application/sparql-query",
                "CONSTRUCT { <urn:a> <http://example.org/b> \"x\\u0002y\" } {}", "Accept", "application/rdf+xml");
        assertEquals(406, rdf.statusCode(), rdf.body());
        assertFalse(JAVA_NAMES.matcher(rdf.body()).find(), rdf.body());
    }

    static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }
}
