package nl.arbeidsmigratie.kg.http;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.getBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.testsupport.JarServerExtension;

/**
 * The HTTP the built jar speaks, as Jetty and our one helper do it: gzip by Accept-Encoding q-values,
 * If-None-Match with weak tags, lists and *, byte ranges with 416 for anything unsatisfiable, and versions and ETags
 * that hold across restarts.
 */
class HttpBehaviourIT {
    private static final String LAW = "/api/queries/law?law=https%3A%2F%2Fw3id.org%2Farbeidsmigratie%2Fid%2Fwet%2Fwtta";
    private static final String DUMP = "/dumps/arbeidsmigratie.ttl";
    @RegisterExtension
    static final JarServerExtension server = JarServerExtension.serve();
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        base = server.base();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return getBytes(base + path, headers);
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    private static byte[] gunzip(byte[] b) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {LAW, "/kg/sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%20200",
            "/id/wet/wtta?format=ttl", "/", DUMP})
    void gzipFollowsTheQualityValuesOfAcceptEncoding(String path) throws Exception {
        HttpResponse<byte[]> plain = get(path, "Accept-Encoding", "identity");
        assertEquals(200, plain.statusCode());
        assertEquals("", header(plain, "Content-Encoding"));
        HttpResponse<byte[]> gz = get(path, "Accept-Encoding", "br;q=0.9, gzip;q=0.8");
        assertEquals("gzip", header(gz, "Content-Encoding"), path);
        assertArrayEquals(plain.body(), gunzip(gz.body()), "the same bytes, compressed");
        HttpResponse<byte[]> refused = get(path, "Accept-Encoding", "gzip;q=0, identity");
        assertEquals("", header(refused, "Content-Encoding"), "gzip;q=0 means never gzip");
        assertArrayEquals(plain.body(), refused.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {LAW, "/id/wet/wtta?format=ttl", DUMP, "/api/queries"})
    void ifNoneMatchComparesWeaklyAndTakesListsAndStar(String path) throws Exception {
        String etag = header(get(path, "Accept-Encoding", "identity"), "ETag");
        assertTrue(etag.startsWith("\""), path + " has a strong ETag: " + etag);
        for (String inm : new String[] {etag, "W/" + etag, "\"other\", " + etag, "\"a\",W/" + etag + ", \"b\"", "*"})
            assertEquals(304, get(path, "If-None-Match", inm).statusCode(), path + " with If-None-Match: " + inm);
        assertEquals(200, get(path, "If-None-Match", "\"other\", W/\"another\"").statusCode());
        HttpResponse<byte[]> gz = get(path, "Accept-Encoding", "gzip");
        assertEquals(304, get(path, "Accept-Encoding", "gzip", "If-None-Match", header(gz, "ETag")).statusCode(),
                "the compressed variant's own tag matches too");
    }

    @Test
    void dumpRangesAreServedAndAnythingUnsatisfiableIs416() throws Exception {
        byte[] whole = get(DUMP, "Accept-Encoding", "identity").body();
        HttpResponse<byte[]> part = get(DUMP, "Range", "bytes=10-19");
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(whole, 10, 20), part.body());
        assertEquals("bytes 10-19/" + whole.length, header(part, "Content-Range"));
        HttpResponse<byte[]> tail = get(DUMP, "Range", "bytes=-5");
        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 5, whole.length), tail.body());
        HttpResponse<byte[]> many = get(DUMP, "Range", "bytes=0-9,20-29");
        assertEquals(206, many.statusCode());
        assertTrue(header(many, "Content-Type").startsWith("multipart/byteranges"), header(many, "Content-Type"));
        for (String bad : new String[] {"bytes=99999999999999999999-", "bytes=0-99999999999999999999",
                "bytes=" + whole.length + "-", "bytes=abc", "bytes=9-2", "lines=1-2", "bytes=-"}) {
            HttpResponse<byte[]> r = get(DUMP, "Range", bad);
            assertEquals(416, r.statusCode(), "Range: " + bad);
            assertEquals("bytes */" + whole.length, header(r, "Content-Range"), "Range: " + bad);
        }
        String etag = header(part, "ETag");
        assertEquals(206, get(DUMP, "Range", "bytes=0-4", "If-Range", etag).statusCode());
        HttpResponse<byte[]> changed = get(DUMP, "Range", "bytes=0-4", "If-Range", "\"some-older-version\"");
        assertEquals(200, changed.statusCode(), "If-Range that does not match gives the whole file");
        assertArrayEquals(whole, changed.body());
    }

    @Test
    void theVersionAndTheEtagsHoldAcrossARestart() throws Exception {
        String[] paths = {LAW, DUMP, "/id/wet/wtta?format=ttl", "/api/queries", "/assets/site.css"};
        String version = header(get("/"), "X-Data-Version");
        String[] before = new String[paths.length];
        for (int i = 0; i < paths.length; i++) before[i] = header(get(paths[i]), "ETag");
        try (JarServer again = JarServer.start()) {
            for (int i = 0; i < paths.length; i++)
                assertEquals(before[i], getBytes(again.base() + paths[i]).headers().firstValue("ETag").orElse(""), paths[i]);
            assertEquals(version, getBytes(again.base() + "/").headers().firstValue("X-Data-Version").orElse(""));
        }
        String voidTtl = new String(get("/dumps/void.ttl").body(), StandardCharsets.UTF_8);
        assertTrue(voidTtl.contains("\"" + version + "\""), "void.ttl names the served version " + version);
        String page = new String(get("/q/law?law=" + enc("https://w3id.org/arbeidsmigratie/id/wet/wtta")).body(),
                StandardCharsets.UTF_8);
        assertTrue(page.contains(version), "the citation names the served version");
        Path built = Path.of(System.getProperty("kg.dumps", "target/dumps"), "SHA256SUMS");
        assertArrayEquals(Files.readAllBytes(built), get("/dumps/SHA256SUMS").body(),
                "the jar serves the dumps mvn package wrote");
        assertFalse(version.isBlank());
    }
}
