package nl.arbeidsmigratie.kg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.testsupport.Jvm;
import nl.arbeidsmigratie.kg.testsupport.RawHttp;

/**
 * The soak: 64 clients (each its own address, 127.0.0.10 and up, keep-alive, 100-400 ms between requests) against the
 * built jar started as the README starts it, for {@code kg.soak.seconds} (120 in {@code mvn verify}; 600 for the long
 * run in SECURITY.md), while 1,000 idle connections from four other addresses (127.0.1.1 to 127.0.1.4, 250 each, the
 * per-client cap) are held open throughout: each one the server closes is opened again.
 * They mix prepared questions (API and permalink pages, now and then a search nobody made), other pages, ad-hoc
 * SPARQL (some too heavy for the time limit), dumps, and a slice of the hostile requests. A monitoring client in a
 * process of its own ({@link nl.arbeidsmigratie.kg.testsupport.Pinger}) pings every 200 ms. Recorded: requests and statuses per kind, p50/p99 latency, ping latency, heap and RSS over time; written to
 * {@code target/test-artifacts/soak-<seconds>s.txt}.
 *
 * <p>Asserted (issues 11 and 20, "Done when"): no 5xx but deliberate 503s (and those, and 429s, only on ad-hoc SPARQL),
 * prepared questions, pages, dumps and graph reads never refused, ad-hoc SPARQL refused fairly (no client refused every
 * time), memory under the ceiling serve states and flat after warm-up, and the ping p99 under load within
 * {@link #PING_ALLOWANCE_MS} of the pinger's own floor: its p99 against the idle server, measured by the same pinger in
 * the same run just before the load starts (on a busy 2-core CI that floor is itself tens of milliseconds; the goal of
 * p99 ≤ 100 ms is for a quiet machine, and the report states both).
 */
class SoakIT {
    static final int CLIENTS = 64;
    static final int IDLE_ADDRESSES = Integer.getInteger("kg.soak.idleAddresses", 4), IDLE_PER_ADDRESS = 250;
    /**
     * How far the ping p99 under load, as the pinger sees it, may lie above the pinger's floor. In this 2-minute soak
     * the pinger shares two cores with the 64 load clients and the server's query workers, so what it measures beyond
     * the server is its own turn on a CPU (seen: 126 and 168 ms against floors of 93 and 37 ms, while the server timed
     * the same pings at p99 19 ms). The server's own time is held to the goal: {@link #SERVER_PING_P99_MS}.
     */
    static final long PING_ALLOWANCE_MS = 250;
    /** The goal of issue 20, as the server times its pings (its request log): p99 within 100 ms. */
    static final long SERVER_PING_P99_MS = 100;
    static final long FLOOR_SECONDS = 15;
    static final long SECONDS = Long.getLong("kg.soak.seconds", 120);
    private static final Pattern CEILING = Pattern.compile("stay under about (\\d+) MiB");

    enum Kind { QUESTION, PAGE, SPARQL, DUMP, GRAPH, ATTACK }

    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<Kind, List<Long>> latencies = new ConcurrentHashMap<>();
    private final List<Long> pings = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> samples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong idleReopened = new AtomicLong();
    /** Ad-hoc SPARQL per client: {asked, answered 200}. */
    private final Map<String, long[]> sparqlByClient = new ConcurrentHashMap<>();
    /** Ad-hoc SPARQL 503s by the reason the server gave. */
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private List<Long> floor = List.of();
    private List<Question> questions;

    record Question(String id, List<Param> params) {}
    record Param(String name, String type, boolean required, List<String> allowed) {}

    @Test
    void sixtyFourClientsMixingEverythingKeepTheServerWholeAndItsMemoryFlat() throws Exception {
        try (JarServer server = JarServer.start()) {
            int port = server.port();
            questions = questions(port);
            long ceilingMib = ceiling(server.startupOutput());
            // The pinger's floor: the same pinger against the idle server, just before the load.
            floor = pingsOf(startPinger(port, FLOOR_SECONDS));
            long end = System.nanoTime() + SECONDS * 1_000_000_000L;
            List<Thread> holders = new ArrayList<>();
            for (int a = 1; a <= IDLE_ADDRESSES; a++) {
                String from = "127.0.1." + a;
                holders.add(new Thread(() -> holdIdle(from, port, end), "soak-idle-" + a));
            }
            holders.forEach(Thread::start);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String from = "127.0.0." + (10 + i);
                long seed = 1_000 + i;
                Thread t = new Thread(() -> client(from, port, seed, end), "soak-" + i);
                threads.add(t);
            }
            Process pinger = startPinger(port, SECONDS);
            Thread pingReader = new Thread(() -> readPings(pinger), "soak-ping");
            threads.forEach(Thread::start);
            pingReader.start();
            List<long[]> memory = new ArrayList<>();
            long t0 = System.nanoTime();
            long[] heap = {-1, -1};
            long heapMid = -1;
            for (int tick = 0; System.nanoTime() < end; tick++) {
                Thread.sleep(5_000);
                // jcmd starts a JVM of its own: the heap only every 15 s, so the sampling does not load the machine.
                if (tick % 3 == 0) heap = heap(server);
                // Half way: the heap after a full collection, the mark the end of the run is held to.
                if (heapMid < 0 && System.nanoTime() - t0 >= SECONDS * 500_000_000L) {
                    try {
                        heapMid = Jvm.heapUsedAfterGc(server.serverProcess());
                    } catch (IOException e) {
                        samples.add("heap half way: jcmd failed (" + e.getMessage() + "), trying again in 5 s");
                    }
                }
                long rss = server.rssBytes();
                long s = (System.nanoTime() - t0) / 1_000_000_000L;
                memory.add(new long[] {s, rss, heap[0], heap[1]});
                samples.add(String.format("%4d s  rss %5d MiB  heap committed %5d MiB  used %5d MiB  requests %d",
                        s, rss >> 20, heap[0] >> 20, heap[1] >> 20, requests.get()));
            }
            for (Thread t : threads) t.join(120_000);
            for (Thread t : holders) t.join(30_000);
            pingReader.join(30_000);
            pinger.destroy();
            long afterGc = Jvm.heapUsedAfterGc(server.serverProcess());
            List<Long> served = new ArrayList<>();
            Matcher pm = Pattern.compile("GET /\\$/ping 200 (\\d+)ms").matcher("");
            for (String line : server.output()) if (pm.reset(line).find()) served.add(Long.parseLong(pm.group(1)));
            String report = "Heap in use after a full collection half way: " + (heapMid >> 20) + " MiB\n"
                    + report(memory, afterGc, ceilingMib)
                    + String.format("Ping as the server timed it: p50 %d ms, p99 %d ms, max %d ms%n",
                    percentile(served, 50), percentile(served, 99), percentile(served, 100));
            System.out.println(report);
            Path dir = Path.of(System.getProperty("kg.artifacts", "target/test-artifacts"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("soak-" + SECONDS + "s.txt"), report);

            assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())), report);
            for (String key : statuses.keySet()) {
                int status = Integer.parseInt(key.substring(key.indexOf(' ') + 1));
                assertTrue(status < 500 || status == 503, "a " + status + ": " + key + "\n" + report);
                if (status == 503) assertTrue(key.startsWith("SPARQL") || key.startsWith("ATTACK"),
                        "refused although not ad-hoc SPARQL: " + key + "\n" + report);
            }
            for (String key : statuses.keySet())
                if (key.endsWith(" 429") || key.endsWith(" 503")) assertTrue(key.startsWith("SPARQL") || key.startsWith("ATTACK"),
                        "refused although not ad-hoc SPARQL: " + key + "\n" + report);
            // Fair, not equal: every client that asked ten or more ad-hoc queries got at least one answer. (Before the
            // endpoint remembered costly query texts, two slots held by the same slow regex sent again and again
            // answered 2 in 100 ad-hoc queries and shut out 17 of 64 clients on CI.)
            List<String> shutOut = new ArrayList<>();
            sparqlByClient.forEach((client, n) -> { if (n[0] >= 10 && n[1] == 0) shutOut.add(client + " (" + n[0] + " asked)"); });
            assertEquals(List.of(), shutOut, "ad-hoc SPARQL refused every time for these clients\n" + report);
            assertTrue(floor.size() >= FLOOR_SECONDS * 3, "too few pings for a floor: " + floor.size());
            assertTrue(percentile(pings, 99) <= percentile(floor, 99) + PING_ALLOWANCE_MS, "ping p99 " + percentile(pings, 99)
                    + " ms under load, floor p99 " + percentile(floor, 99) + " ms\n" + report);
            assertTrue(served.size() >= pings.size() / 2 && percentile(served, 99) <= SERVER_PING_P99_MS,
                    "pings as the server timed them: p99 " + percentile(served, 99) + " ms\n" + report);
            long maxRss = memory.stream().mapToLong(m -> m[1]).max().orElse(0);
            assertTrue(ceilingMib > 0 && maxRss >> 20 < ceilingMib, "RSS " + (maxRss >> 20) + " MiB, ceiling "
                    + ceilingMib + " MiB\n" + report);
            // Flat after warm-up: what the server's heap keeps after a full collection grows in the second half of the
            // run by no more than its bounded caches can hold (the live answers' 64 MiB), give or take 10 %. RSS is no
            // measure of this: it counts the query workers, which are replaced at times, and the heap pages the
            // collector has touched so far, which grow towards the heap's size without any leak (seen: 1,861 MiB in
            // the first half, 2,091 in the second, with 105 MiB in use after the final collection).
            assertTrue(heapMid > 0 && afterGc <= heapMid * 1.10 + (64L << 20), "heap still growing: "
                    + (heapMid >> 20) + " MiB in use after a collection half way, " + (afterGc >> 20) + " MiB at the end\n" + report);
        }
    }

    private static long[] heap(JarServer server) {
        try {
            return Jvm.heap(server.serverProcess());
        } catch (Exception e) {
            return new long[] {-1, -1};
        }
    }

    private static long ceiling(List<String> output) {
        for (String line : output) {
            Matcher m = CEILING.matcher(line);
            if (m.find()) return Long.parseLong(m.group(1));
        }
        return 0;
    }

    /** The pings come from a process of its own (see Pinger), so they measure the server, not this JVM. */
    private static Process startPinger(int port, long seconds) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), "nl.arbeidsmigratie.kg.testsupport.Pinger",
                Integer.toString(port), Long.toString(seconds)).redirectErrorStream(true).start();
    }

    private static List<Long> pingsOf(Process pinger) throws IOException, InterruptedException {
        List<Long> out = new ArrayList<>();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(pinger.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) if (line.matches("\\d+")) out.add(Long.parseLong(line));
        }
        pinger.waitFor();
        return out;
    }

    // The idle connections: 250 from each of four addresses, held open; each one the server closes is opened again.

    private void holdIdle(String from, int port, long end) {
        List<java.net.Socket> open = new ArrayList<>();
        try {
            while (System.nanoTime() < end) {
                open.removeIf(s -> {
                    if (!closedByServer(s)) return false;
                    idleReopened.incrementAndGet();
                    return true;
                });
                while (open.size() < IDLE_PER_ADDRESS && System.nanoTime() < end) {
                    try {
                        open.add(RawHttp.connect(from, port));
                    } catch (IOException e) {
                        break; // not accepted now: try again on the next round
                    }
                }
                Thread.sleep(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (java.net.Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private static boolean closedByServer(java.net.Socket s) {
        try {
            s.setSoTimeout(1);
            return s.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    // The clients

    private void client(String from, int port, long seed, long end) {
        Random random = new Random(seed);
        try (RawHttp.Client http = new RawHttp.Client(from, port)) {
            while (System.nanoTime() < end) {
                int dice = random.nextInt(100);
                Kind kind = dice < 40 ? Kind.QUESTION : dice < 55 ? Kind.PAGE : dice < 78 ? Kind.SPARQL
                        : dice < 88 ? Kind.DUMP : dice < 95 ? Kind.GRAPH : Kind.ATTACK;
                try {
                    RawHttp.Response r = switch (kind) {
                        case QUESTION -> question(http, random);
                        case PAGE -> page(http, random);
                        case SPARQL -> sparql(http, random);
                        case DUMP -> dump(http, random);
                        case GRAPH -> graph(http, random);
                        case ATTACK -> attack(http, random, port, from);
                    };
                    record(kind, r.status(), r.millis());
                    if (kind == Kind.SPARQL) {
                        long[] n = sparqlByClient.computeIfAbsent(from, k -> new long[2]);
                        synchronized (n) {
                            n[0]++;
                            if (r.status() == 200) n[1]++;
                        }
                        if (r.status() == 503) refusals.computeIfAbsent(refusal(r.body()), k -> new LongAdder()).increment();
                    }
                    if (r.status() >= 500 && kind != Kind.SPARQL && kind != Kind.ATTACK)
                        problems.add(kind + " " + r.status() + " after " + r.millis() + " ms: " + last.get() + " "
                                + r.body().substring(0, Math.min(160, r.body().length())).replace('\n', ' '));
                } catch (IOException e) {
                    if (kind != Kind.ATTACK) problems.add(kind + " from " + from + ": " + e);
                    http.close();
                } catch (RuntimeException e) {
                    problems.add(kind + " from " + from + ": " + e + " at " + e.getStackTrace()[0]);
                    http.close();
                }
                // A client reads what it got before it asks again: 100-400 ms. 64 such clients keep the server busy
                // (about 250 requests a second here, two thirds of what two cores serve with this mix) without
                // queueing everything behind a saturated CPU.
                Thread.sleep(100 + random.nextInt(300));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(Kind kind, int status, long millis) {
        requests.incrementAndGet();
        statuses.computeIfAbsent(kind + " " + status, k -> new LongAdder()).increment();
        latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
    }

    private void readPings(Process pinger) {
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(pinger.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.matches("\\d+")) pings.add(Long.parseLong(line));
                else problems.add("ping: " + line);
            }
        } catch (IOException e) {
            problems.add("ping: " + e);
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** The last question each client asked, for the report of a refusal. */
    private final ThreadLocal<String> last = ThreadLocal.withInitial(() -> "");

    private RawHttp.Response question(RawHttp.Client http, Random random) throws IOException {
        Question q = questions.get(random.nextInt(questions.size()));
        StringBuilder params = new StringBuilder();
        for (Param p : q.params()) {
            String v = null;
            if (!p.allowed().isEmpty()) {
                if (p.required() || random.nextInt(4) > 0) v = p.allowed().get(random.nextInt(p.allowed().size()));
            } else if (p.type().equals("date")) {
                // Mostly today (the default); otherwise one of the dates readers look back to, or now and then any day.
                int d = random.nextInt(10);
                if (d >= 6 && d < 9) v = List.of("2025-06-27", "2024-01-01", "2023-07-01", "2022-01-01", "2026-01-01").get(random.nextInt(5));
                else if (d == 9) v = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2_500)).toString();
            } else if (p.type().equals("string")) {
                // Mostly searches others made too; one in ten made by no one yet (computed, and kept in the LRU).
                v = random.nextInt(10) == 0 ? Long.toString(random.nextLong() & 0xfffff, 36)
                        : List.of("Wtta", "huisvesting", "inspectie", "arbeid", "Roemer", "wet", "BRP").get(random.nextInt(7));
            } else if (p.required() || random.nextBoolean()) {
                v = p.type().equals("integer") ? Integer.toString(random.nextInt(2030)) : "x";
            }
            if (v != null) params.append(enc(p.name())).append('=').append(enc(v)).append('&');
        }
        String lang = random.nextBoolean() ? "nl" : "en";
        String format = List.of("json", "csv", "tsv", "xml").get(random.nextInt(4));
        String path = random.nextInt(3) == 0 ? "/q/" + q.id() + "?" + params + "lang=" + lang
                : "/api/queries/" + q.id() + "?" + params + "lang=" + lang + "&format=" + format;
        last.set(path);
        return http.get(path);
    }

    private static RawHttp.Response page(RawHttp.Client http, Random random) throws IOException {
        return switch (random.nextInt(6)) {
            case 0 -> http.get("/?lang=en");
            case 1 -> http.get("/sparql");
            case 2 -> http.get("/id/wet/wtta", "Accept", "text/html");
            case 3 -> http.get("/id/wet/wet-goed-verhuurderschap", "Accept", "text/turtle");
            case 4 -> http.get("/def", "Accept", "application/ld+json");
            default -> http.get("/api/queries");
        };
    }

    private static final List<String> LIGHT = List.of(
            "PREFIX am: <https://w3id.org/arbeidsmigratie/def#> SELECT ?p WHERE { ?p a am:Problem } LIMIT 20",
            "SELECT ?type (COUNT(*) AS ?n) { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n) LIMIT 10",
            "PREFIX am: <https://w3id.org/arbeidsmigratie/def#> SELECT ?measure ?date WHERE { ?measure am:hasStatus [ am:asOf ?date ] } ORDER BY ?date",
            "DESCRIBE <https://w3id.org/arbeidsmigratie/id/wet/wtta>",
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 200",
            "ASK { ?s ?p ?o }",
            "SELECT ?s ?label { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(REGEX(?label, \"^wet\", \"i\")) }",
            "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }");

    private static RawHttp.Response sparql(RawHttp.Client http, Random random) throws IOException {
        if (random.nextInt(10) == 0) // too heavy for the time limit: a deliberate 503 after 2 s
            return http.get("/kg/sparql?timeout=2&query=" + enc("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f }"), "Accept", "text/csv");
        String q = LIGHT.get(random.nextInt(LIGHT.size()));
        String accept = List.of("application/sparql-results+json", "text/csv", "application/sparql-results+xml",
                "text/turtle", "application/n-triples").get(random.nextInt(5));
        if (random.nextBoolean())
            return http.send("POST", "/kg/sparql", "application/sparql-query", q.getBytes(StandardCharsets.UTF_8), "Accept", accept);
        return http.get("/kg/sparql?query=" + enc(q), "Accept", accept);
    }

    private static RawHttp.Response dump(RawHttp.Client http, Random random) throws IOException {
        return switch (random.nextInt(5)) {
            case 0 -> http.get("/dumps/arbeidsmigratie.nt.gz");
            case 1 -> http.get("/dumps/arbeidsmigratie.ttl", "Range", "bytes=0-4095");
            case 2 -> http.get("/dumps/SHA256SUMS");
            case 3 -> http.get("/.well-known/void");
            default -> http.send("HEAD", "/dumps/arbeidsmigratie.jsonld", null, null);
        };
    }

    /** Reads of whole graphs, which used to be written anew for every request (1.5 s for JSON-LD). */
    private static RawHttp.Response graph(RawHttp.Client http, Random random) throws IOException {
        String gzip = random.nextBoolean() ? "gzip" : "identity";
        return switch (random.nextInt(4)) {
            case 0 -> http.get("/kg/get?default", "Accept", "application/ld+json", "Accept-Encoding", gzip);
            case 1 -> http.get("/kg/get", "Accept", "application/trig", "Accept-Encoding", gzip);
            case 2 -> http.get("/graph/asserted", "Accept", "application/rdf+xml", "Accept-Encoding", gzip);
            default -> http.get("/kg/get?graph=" + enc("https://w3id.org/arbeidsmigratie/graph/inferred"), "Accept",
                    "text/turtle, application/n-triples;q=0.9", "Accept-Encoding", gzip);
        };
    }

    /** A slice of the hostile requests, each with the answer it must get. */
    private RawHttp.Response attack(RawHttp.Client http, Random random, int port, String from) throws IOException {
        RawHttp.Response r;
        String expect;
        switch (random.nextInt(8)) {
            case 0 -> {
                r = http.get("/kg/sparql?query=" + enc("SELECT (REGEX(\"" + "a".repeat(40) + "\", \"(.*a){20}b\") AS ?x) {}"));
                expect = "200 429 503";
            }
            case 1 -> {
                StringBuilder q = new StringBuilder("SELECT ?v27 { BIND(\"xxxxxxxxxx\" AS ?v0) ");
                for (int i = 1; i <= 27; i++) q.append("BIND(CONCAT(?v").append(i - 1).append(", ?v").append(i - 1).append(") AS ?v").append(i).append(") ");
                r = http.send("POST", "/kg/sparql", "application/sparql-query", q.append('}').toString().getBytes(StandardCharsets.UTF_8));
                expect = "400 429 503";
            }
            case 2 -> {
                r = http.get("/kg/sparql?format=xml&%73tylesheet=" + enc("http://evil.example/x.xsl") + "&query=" + enc("ASK {}"));
                expect = "400";
            }
            case 3 -> {
                r = RawHttp.exchange(from, port, ("GET /kg/sparql?query=%C3%28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                expect = "400";
            }
            case 4 -> {
                r = http.get("/dumps/arbeidsmigratie.ttl", "Range", "bytes=0-99999999999999999999");
                expect = "416";
            }
            case 5 -> {
                r = http.send("POST", "/kg/sparql", "application/sparql-query",
                        ("SELECT * { FILTER(" + "(".repeat(2_000) + "1" + ")".repeat(2_000) + ") }").getBytes(StandardCharsets.UTF_8));
                // A query worker parses it with plain Jena, which manages the depth: an answer, as HostileIT allows.
                expect = "200 400 429 503";
            }
            case 6 -> {
                r = http.send("POST", "/kg/sparql", "application/sparql-query",
                        "SELECT (COUNT(DISTINCT *) AS ?n) { ?a ?b ?c . ?d ?e ?f }".getBytes(StandardCharsets.UTF_8));
                expect = "400 429 503";
            }
            default -> {
                r = http.get("/kg/get?graph=" + enc("http://example.org/unknown"));
                expect = "404";
            }
        }
        if (!expect.contains(Integer.toString(r.status()))) problems.add("attack answered " + r.status() + " not " + expect + ": " + r.body());
        return r;
    }

    private static List<Question> questions(int port) throws IOException {
        List<Question> out = new ArrayList<>();
        RawHttp.Response list = RawHttp.get("127.0.0.3", port, "/api/queries");
        for (JsonValue v : JSON.parseAny(list.body()).getAsArray()) {
            JsonObject q = v.getAsObject();
            List<Param> params = new ArrayList<>();
            for (JsonValue pv : q.get("parameters").getAsArray()) {
                JsonObject p = pv.getAsObject();
                List<String> allowed = new ArrayList<>();
                p.get("allowedValues").getAsArray().forEach(a -> allowed.add(a.getAsObject().get("value").getAsString().value()));
                params.add(new Param(p.get("name").getAsString().value(), p.get("type").getAsString().value(),
                        p.get("required").getAsBoolean().value(), allowed));
            }
            out.add(new Question(q.get("id").getAsString().value(), params));
        }
        return out;
    }

    // The report

    static long percentile(List<Long> values, int p) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) return 0;
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The kind of reason a 503 to an ad-hoc query gave. */
    private static String refusal(String body) {
        if (body.contains("too many queries at once")) return "no slot free";
        if (body.contains("such slow")) return "slow query, slow slots taken";
        if (body.contains("refused for")) return "same query ended its worker recently";
        if (body.contains("took longer than")) return "past its time limit";
        return body.lines().findFirst().orElse("").strip();
    }

    private String report(List<long[]> memory, long heapAfterGc, long ceilingMib) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Soak: %d clients, %d s, %d requests (%.0f/s)%n", CLIENTS, SECONDS, requests.get(),
                requests.get() / (double) SECONDS));
        b.append("Statuses by kind:\n");
        new TreeMap<>(statuses).forEach((k, v) -> b.append(String.format("  %-14s %8d%n", k, v.sum())));
        b.append("Latency by kind (ms):\n");
        for (Kind k : Kind.values()) {
            List<Long> l = latencies.getOrDefault(k, List.of());
            b.append(String.format("  %-9s n=%-7d p50 %5d  p99 %6d%n", k, l.size(), percentile(l, 50), percentile(l, 99)));
        }
        List<Long> all = new ArrayList<>();
        latencies.values().forEach(l -> { synchronized (l) { all.addAll(l); } });
        b.append(String.format("  all       n=%-7d p50 %5d  p99 %6d%n", all.size(), percentile(all, 50), percentile(all, 99)));
        b.append("Ad-hoc SPARQL refused (503), by reason:\n");
        new TreeMap<>(refusals).forEach((k, v) -> b.append(String.format("  %-40s %6d%n", k, v.sum())));
        List<Double> shares = new ArrayList<>();
        sparqlByClient.values().forEach(n -> { synchronized (n) { if (n[0] > 0) shares.add(n[1] / (double) n[0]); } });
        Collections.sort(shares);
        if (!shares.isEmpty())
            b.append(String.format("Ad-hoc SPARQL answered 200, per client: lowest %.0f%%, median %.0f%%, highest %.0f%%%n",
                    100 * shares.get(0), 100 * shares.get(shares.size() / 2), 100 * shares.get(shares.size() - 1)));
        b.append(String.format("Ping floor (idle server, %d s before the load): n=%d p50 %d ms, p99 %d ms, max %d ms%n",
                FLOOR_SECONDS, floor.size(), percentile(floor, 50), percentile(floor, 99), percentile(floor, 100)));
        b.append(String.format("Ping under load: n=%d p50 %d ms, p99 %d ms, max %d ms (allowed: floor p99 + %d ms = %d ms)%n",
                pings.size(), percentile(pings, 50), percentile(pings, 99), percentile(pings, 100), PING_ALLOWANCE_MS,
                percentile(floor, 99) + PING_ALLOWANCE_MS));
        b.append(String.format("Idle connections: %d addresses x %d held open; %d closed by the server and opened again%n",
                IDLE_ADDRESSES, IDLE_PER_ADDRESS, idleReopened.get()));
        b.append(String.format("Memory: ceiling stated by serve %d MiB; heap in use after a final collection %d MiB%n",
                ceilingMib, heapAfterGc >> 20));
        samples.forEach(s -> b.append("  ").append(s).append('\n'));
        if (!problems.isEmpty()) {
            b.append("Problems (first 20 of ").append(problems.size()).append("):\n");
            problems.stream().limit(20).forEach(p -> b.append("  ").append(p.length() > 300 ? p.substring(0, 300) : p).append('\n'));
        }
        return b.toString();
    }
}
