package nl.arbeidsmigratie.kg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import nl.arbeidsmigratie.kg.testsupport.JarServer;

/**
 * Generated parameter values (jqwik) sent into every parameter of every prepared question, through the API and the
 * permalink pages of the built jar: any string (control characters, other scripts, percent signs, line breaks, very
 * long), near-misses of the allowed values, odd dates, unknown names. Whatever comes in, the answer is a 200 or a 400
 * that names the parameter, never a 5xx, never a Java name, and it comes quickly.
 */
class ParameterPropertiesIT {
    private static final Pattern JAVA_NAMES = Pattern.compile("Exception|\\bjava\\.|\\borg\\.(apache|eclipse)\\.");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static JarServer server;
    /** Every (question, parameter, allowed values) the API lists. */
    static List<Param> params;

    record Param(String query, String name, String type, List<String> allowed) {}

    @BeforeContainer
    static void start() throws Exception {
        server = JarServer.start();
        params = new ArrayList<>();
        for (JsonValue q : JSON.parseAny(get("/api/queries").body()).getAsArray()) {
            JsonObject o = q.getAsObject();
            for (JsonValue p : o.get("parameters").getAsArray()) {
                JsonObject po = p.getAsObject();
                List<String> allowed = new ArrayList<>();
                po.get("allowedValues").getAsArray().forEach(a -> allowed.add(a.getAsObject().get("value").getAsString().value()));
                params.add(new Param(o.get("id").getAsString().value(), po.get("name").getAsString().value(),
                        po.get("type").getAsString().value(), allowed));
            }
        }
        assertTrue(params.size() >= 5, "too few parameters found: " + params);
    }

    @AfterContainer
    static void stop() {
        if (server != null) server.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.base() + pathAndQuery)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    @Provide
    Arbitrary<Param> parameters() {
        return Arbitraries.of(params);
    }

    /** Anything a client could type or forge, weighted towards the near-misses that reach deepest. */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMinLength(190).ofMaxLength(400)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars("%\r\n\u0000\u2028<>\"'&;\\$?#=+ ").ofMaxLength(20)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("today", "2025-06-27", "2025-02-30", "0000-01-01", "9999-12-31",
                        "+10000-01-01", "2025-06-27T00:00", "-1", "NaN", "", " ", "https://w3id.org/arbeidsmigratie/id/",
                        "wet/wtta", "WET/WTTA", "javascript:alert(1)", "http://evil.example/", "urn:x", "<x>", "?x",
                        "} INSERT DATA { <a> <b> <c> } #", "\" . ?s ?p ?o . FILTER(\"")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(params).flatMap(p -> p.allowed().isEmpty()
                        ? Arbitraries.strings().alpha().ofMaxLength(10)
                        : Arbitraries.of(p.allowed()).map(v -> v.substring(0, Math.max(0, v.length() - 1)) + "X"))));
    }

    @Property(tries = 250)
    void apiAnswers200Or400NamingTheParameter(@ForAll("parameters") Param p, @ForAll("values") String value,
                                               @ForAll("format") String format) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = get("/api/queries/" + p.query() + "?" + enc(p.name()) + "=" + enc(value) + format);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(r.statusCode() == 200 || r.statusCode() == 400, p + " = " + value + ": " + r.statusCode() + " " + r.body());
        assertFalse(JAVA_NAMES.matcher(r.body()).find(), r.body());
        assertTrue(ms < 15_000, "took " + ms + " ms");
        if (r.statusCode() == 400) {
            // A strict JSON parser (Jakarta JSON): Jena's own rejects the legal escape \f.
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
                jakarta.json.JsonObject error = reader.readObject();
                assertTrue(error.containsKey("error"), r.body());
                assertTrue(error.containsKey("parameter"), r.body());
            }
        }
    }

    @Provide
    Arbitrary<String> format() {
        return Arbitraries.of("", "&format=csv", "&format=XML", "&format=tsv&lang=en", "&lang=EN", "&lang=xx", "&format=html");
    }

    @Property(tries = 150)
    void pagesAnswer200Or400(@ForAll("parameters") Param p, @ForAll("values") String value) throws Exception {
        HttpResponse<String> r = get("/q/" + p.query() + "?" + enc(p.name()) + "=" + enc(value) + "&lang=en");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 400, p + " = " + value + ": " + r.statusCode());
        assertFalse(JAVA_NAMES.matcher(r.body()).find(), "Java names on the page");
        assertFalse(r.body().contains("<script>alert") || r.body().matches("(?s).*(href|src|action)=\"javascript:.*"),
                "a value became markup or a link");
    }

    @Property(tries = 100)
    void unknownParameterNamesAre400NamingThem(@ForAll("parameters") Param p,
                                                @ForAll("values") String name) throws Exception {
        if (name.isBlank() || params.stream().anyMatch(x -> x.query().equals(p.query()) && x.name().equals(name.strip()))
                || List.of("lang", "format", "stylesheet", "callback", "update").contains(name.strip().toLowerCase())) return;
        HttpResponse<String> r = get("/api/queries/" + p.query() + "?" + enc(name) + "=1");
        assertEquals(400, r.statusCode(), name + ": " + r.body());
        assertFalse(JAVA_NAMES.matcher(r.body()).find(), r.body());
    }
}
