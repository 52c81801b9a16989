package nl.arbeidsmigratie.kg.server;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.testsupport.JarServerExtension;
import nl.arbeidsmigratie.kg.testsupport.RawHttp;

/**
 * The third round of hostile requests (issue 20) that are not about running SPARQL: byte ranges, what a browser may
 * do with a response, ETags of the gzip variant, idle connections from several addresses, and graph reads.
 */
class HostileRoundThreeIT {
    @RegisterExtension
    static final JarServerExtension server = JarServerExtension.serve();
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "Exception|StackOverflow|OutOfMemory|\\bjava\\.|\\borg\\.(apache|eclipse)\\.|\\bat [a-z]+\\.[a-z]");
    private static final String STRICT_CSP = "default-src 'none'; sandbox";
    private static final String DUMP = "/dumps/arbeidsmigratie.ttl";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) b.headers(headers);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) { return new String(r.body(), StandardCharsets.UTF_8); }

    // 1. Ranges: many, overlapping, absurd — a 206, 200 or 416 with a short message, never a 500

    @Test
    void manyOrOverlappingRangesOnADumpGetA206A200OrA416NeverA500() throws Exception {
        byte[] whole = get(DUMP, "Accept-Encoding", "identity").body();
        StringBuilder distinct = new StringBuilder("bytes=0-0");
        for (int i = 1; i < 5_000; i++) distinct.append(',').append(i * 2).append('-').append(i * 2);
        List<String> headers = List.of(distinct.toString(), "bytes=" + String.join(",", Collections.nCopies(10_000, "0-0")),
                "bytes=0-0,0-1,0-2,0-", "bytes=0-10,5-20", "bytes=-5,0-", "bytes=100-199,0-99", "bytes=0-0,,2-3");
        for (String range : headers) {
            for (String encoding : List.of("identity", "gzip")) {
                RawHttp.Response r = RawHttp.get("127.0.0.1", server.port(), DUMP, "Range", range, "Accept-Encoding", encoding);
                String what = cut(range) + " (" + encoding + "): " + r.status() + " " + cut(r.body());
                assertTrue(r.status() == 206 || r.status() == 200 || r.status() == 416, what);
                assertFalse(JAVA_NAMES.matcher(r.body()).find(), what);
                if (r.status() == 416) assertTrue(r.body().length() < 300, what);
                if (r.status() == 206 && r.header("Content-Range") != null) {
                    // one range: the bytes of the file itself, never of its gzip copy
                    String[] span = r.header("Content-Range").replaceAll("bytes (\\d+)-(\\d+)/(\\d+)", "$1 $2 $3").split(" ");
                    assertEquals(whole.length, Long.parseLong(span[2]), what);
                    assertEquals(Long.parseLong(span[1]) - Long.parseLong(span[0]) + 1, Long.parseLong(r.header("Content-Length")), what);
                }
            }
        }
        RawHttp.Response overlapping = RawHttp.get("127.0.0.1", server.port(), DUMP, "Range", "bytes=0-0,0-1,0-2,0-");
        assertEquals(206, overlapping.status());
        assertEquals("bytes 0-" + (whole.length - 1) + "/" + whole.length, overlapping.header("Content-Range"),
                "overlapping ranges are merged into one");
    }

    // 2. Every response that is not one of our HTML pages is harmless in a browser

    @Test
    void everyResponseButOurOwnPagesForbidsScriptsAndSniffing() throws Exception {
        String xmlLiteral = "CONSTRUCT { <urn:x> <urn:y> ?l } WHERE { BIND(STRDT('<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">"
                + "alert(document.domain)</x:script>', <http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral>) AS ?l) }";
        List<String> paths = List.of("/kg/sparql?query=" + enc("ASK {}"), "/kg/sparql", "/kg/sparql?format=rdf&query=" + enc(xmlLiteral),
                "/kg/sparql?format=xml&query=" + enc("SELECT ?x { BIND('<b>x</b>' AS ?x) }"), "/kg/get?default&format=rdf",
                "/kg/get?graph=" + enc("https://w3id.org/arbeidsmigratie/graph/asserted"), "/kg/get?graph=" + enc("urn:none"),
                DUMP, "/dumps/arbeidsmigratie.rdf", "/dumps/SHA256SUMS", "/dumps/?format=ttl", "/api/queries", "/api/queries/nope",
                "/api/openapi.json", "/id/wet/wtta?format=rdf", "/id/wet/wtta?format=jsonld", "/graph/asserted?format=rdf",
                "/def?format=rdf", "/$/ping", "/kg/sparql?query=" + enc("SELECT * {"), "/id/wet/wtta?format=nope");
        for (String path : paths) {
            RawHttp.Response r = RawHttp.get("127.0.0.1", server.port(), path, "Accept", "*/*");
            assertStrict(path + " " + r.status(), r);
        }
        // Answers Jetty gives before any servlet: a bad request line, headers too large, a body too large, a method.
        List<byte[]> raw = List.of(bytes("GET /kg/sparql?query=%C3%28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                bytes("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000) + "\r\nConnection: close\r\n\r\n"),
                bytes("GET /\u0001 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                bytes("PUT /kg/get?default HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx"),
                bytes("POST /kg/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 300000\r\nConnection: close\r\n\r\n"));
        for (byte[] request : raw) {
            RawHttp.Response r = RawHttp.exchange("127.0.0.1", server.port(), request);
            assertStrict(new String(request, 0, 30, StandardCharsets.ISO_8859_1) + "… " + r.status(), r);
        }
        RawHttp.Response range = RawHttp.get("127.0.0.1", server.port(), DUMP, "Range", "bytes=99999999-");
        assertEquals(416, range.status());
        assertStrict("416", range);
        // The graph's own RDF/XML carries no XML literal, the one way RDF/XML embeds markup a browser would render.
        for (String path : List.of("/kg/get?default&format=rdf", "/kg/get?graph=" + enc("https://w3id.org/arbeidsmigratie/graph/inferred")
                + "&format=rdf", "/id/wet/wtta?format=rdf", "/def?format=rdf", DUMP.replace(".ttl", ".rdf"))) {
            RawHttp.Response r = RawHttp.get("127.0.0.1", server.port(), path);
            assertEquals(200, r.status(), path);
            assertFalse(r.body().contains("parseType=\"Literal\""), path + ": an XML literal");
        }
        // Our pages keep their own policy (scripts from our origin only).
        // (gzip too: a page Jetty compresses reached the outer handler before its Content-Type did, and lost its policy)
        for (String page : List.of("/", "/sparql", "/id/wet/wtta", "/nope", "/q/timeline?lang=en", "/q/law"))
          for (String encoding : List.of("identity", "gzip")) {
            RawHttp.Response r = RawHttp.get("127.0.0.1", server.port(), page, "Accept", "text/html", "Accept-Encoding", encoding);
            assertTrue(r.header("Content-Type").startsWith("text/html"), page);
            assertTrue(r.header("Content-Security-Policy").contains("script-src 'self'"), page + ": " + r.header("Content-Security-Policy"));
            assertEquals("nosniff", r.header("X-Content-Type-Options"), page);
        }
    }

    private static void assertStrict(String what, RawHttp.Response r) {
        assertEquals(STRICT_CSP, r.header("Content-Security-Policy"), what + " " + r.header("Content-Type"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
    }

    // 6. ETags and compression

    @Test
    void theGzipVariantsTagGetsNo304FromAClientThatDoesNotAcceptGzip() throws Exception {
        for (String path : List.of("/api/queries", DUMP, "/kg/get?default", "/graph/asserted?format=ttl", "/id/wet/wtta?format=ttl")) {
            HttpResponse<byte[]> gz = get(path, "Accept-Encoding", "gzip");
            assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""), path);
            String tag = gz.headers().firstValue("ETag").orElse("");
            assertTrue(tag.endsWith("--gzip\""), path + ": " + tag);
            HttpResponse<byte[]> plain = get(path, "If-None-Match", tag, "Accept-Encoding", "identity");
            assertEquals(200, plain.statusCode(), path + ": a 304 for a representation this client never got");
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), path);
            assertFalse(plain.headers().firstValue("ETag").orElse("").contains("--gzip"), path);
            HttpResponse<byte[]> again = get(path, "If-None-Match", tag, "Accept-Encoding", "gzip");
            assertEquals(304, again.statusCode(), path + ": the gzip client has it");
            HttpResponse<byte[]> same = get(path, "If-None-Match", plain.headers().firstValue("ETag").orElseThrow(),
                    "Accept-Encoding", "identity");
            assertEquals(304, same.statusCode(), path + ": the plain client has it");
        }
    }

    // 4. Graph reads are served from bytes built at package time

    @Test
    void graphStoreReadsAndGraphDocumentsAreTheBytesBuiltAtPackageTime() throws Exception {
        try (JarFile jar = new JarFile(JarServer.jar().toFile())) {
            var index = jar.getEntry("kg/release/graphs/index.tsv");
            assertNotNull(index, "no graph documents in the jar");
            String lines = new String(jar.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8);
            int checked = 0;
            for (String line : lines.split("\n")) {
                String[] f = line.split("\t");
                byte[] stored = jar.getInputStream(jar.getEntry("kg/release/graphs/" + f[2])).readAllBytes();
                String path = switch (f[0]) {
                    case "default" -> "/kg/get?default&format=" + f[1];
                    case "dataset" -> "/kg/get?format=" + f[1];
                    default -> "/kg/get?graph=" + enc(f[0]) + "&format=" + f[1];
                };
                HttpResponse<byte[]> gz = get(path, "Accept-Encoding", "gzip");
                assertEquals(200, gz.statusCode(), path);
                assertArrayEquals(stored, gz.body(), path + ": the stored bytes, sent as they are");
                assertEquals("\"" + f[3] + "--gzip\"", gz.headers().firstValue("ETag").orElse(""), path);
                HttpResponse<byte[]> plain = get(path, "Accept-Encoding", "identity");
                assertArrayEquals(gunzip(stored), plain.body(), path);
                assertEquals(Long.parseLong(f[4]), plain.body().length, path);
                checked++;
            }
            assertEquals(3 * 6 + 3, checked, "default graph, two named graphs in six syntaxes, the dataset in three");
            for (String name : List.of("asserted", "inferred")) {
                String line = lines.lines().filter(l -> l.startsWith("https://w3id.org/arbeidsmigratie/graph/" + name + "\tjsonld"))
                        .findFirst().orElseThrow();
                HttpResponse<byte[]> doc = get("/graph/" + name, "Accept", "application/ld+json", "Accept-Encoding", "gzip");
                assertArrayEquals(jar.getInputStream(jar.getEntry("kg/release/graphs/" + line.split("\t")[2])).readAllBytes(),
                        doc.body(), "/graph/" + name);
            }
        }
        HttpResponse<byte[]> quads = get("/kg/get", "Accept", "text/turtle");
        assertEquals(406, quads.statusCode(), "the whole dataset is not Turtle: " + text(quads));
        HttpResponse<byte[]> both = get("/kg/get?default&graph=urn:x");
        assertEquals(400, both.statusCode());
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    // 3. Connections from many addresses

    @Test
    void aThousandIdleConnectionsFromFourAddressesLeaveRoomForAFifth() throws Exception {
        List<Long> before = pings("127.0.0.30", 10);
        List<Socket> idle = new ArrayList<>();
        try {
            for (int a = 0; a < 4; a++) {
                for (int i = 0; i < 250; i++) {
                    try {
                        idle.add(RawHttp.connect("127.0.0." + (21 + a), server.port()));
                    } catch (IOException e) {
                        break; // the server may refuse some: that is allowed
                    }
                }
            }
            Thread.sleep(1_500);
            List<Long> during = pings("127.0.0.30", 20);
            long floor = Collections.max(before);
            long worst = Collections.max(during);
            // Before the fix every ping waited 4 to 4.5 s for the busy idle timeout to free a connection.
            assertTrue(worst <= floor + 1_000, "pings before " + before + ", with 1,000 idle connections " + during);
        } finally {
            for (Socket s : idle) s.close();
        }
    }

    private static List<Long> pings(String from, int n) throws IOException {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RawHttp.Response r = RawHttp.get(from, server.port(), "/$/ping");
            assertEquals(200, r.status());
            out.add(r.millis());
        }
        return out;
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    private static String cut(String s) { return s.length() > 80 ? s.substring(0, 80) + "…" : s; }
}
