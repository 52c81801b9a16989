package nl.arbeidsmigratie.kg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.testsupport.RawHttp;

/**
 * The W3C SPARQL 1.1 Protocol tests ({@code sparql11/protocol/manifest.ttl}) that apply to a read-only endpoint,
 * sent as written (method, path, headers, body in its encoding) to {@code /kg/sparql} of the built jar. Tests that
 * need their own data loaded ({@code ut:graphData}) do not apply; tests whose update is expected to succeed are
 * checked for the read-only answer instead (a 4xx). Results: {@code target/test-artifacts/w3c-protocol.tsv}.
 */
class W3cProtocolIT {
    private static final String HT = "http://www.w3.org/2011/http#";
    private static final String CNT = "http://www.w3.org/2011/content#";
    static JarServer server;

    @BeforeAll
    static void start() throws Exception {
        server = JarServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyProtocolTestForAReadOnlyEndpointPasses() throws Exception {
        Path manifest = W3cSuite.root().resolve("sparql11/protocol/manifest.ttl");
        Model m = RDFDataMgr.loadModel(manifest.toUri().toString());
        Map<String, String> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Resource self = m.createResource(manifest.toUri().toString());
        for (RDFNode e : self.getPropertyResourceValue(p(m, W3cSuite.MF + "entries")).as(RDFList.class).asJavaList()) {
            Resource t = e.asResource();
            String name = t.getLocalName();
            if (t.hasProperty(p(m, "http://www.w3.org/2009/sparql/tests/test-update#graphData"))) {
                outcomes.put(name, "does not apply: needs its own data loaded");
                continue;
            }
            List<RDFNode> requests = t.getPropertyResourceValue(p(m, W3cSuite.MF + "action"))
                    .getPropertyResourceValue(p(m, HT + "requests")).as(RDFList.class).asJavaList();
            String outcome = "pass";
            for (RDFNode rn : requests) {
                Resource req = rn.asResource();
                Resource resp = req.getPropertyResourceValue(p(m, HT + "resp"));
                boolean update = isUpdate(m, req);
                boolean expects4xx = resp.listProperties(p(m, W3cSuite.MF + "expectedStatus")).toList().stream()
                        .allMatch(s -> s.getResource().getURI().endsWith("StatusCode4xx"));
                RawHttp.Response r = RawHttp.exchange("127.0.0.1", server.port(), bytes(m, req));
                if (update && !expects4xx) {
                    // A read-only endpoint refuses the update; what follows it depends on the update.
                    if (r.status() < 400 || r.status() >= 500) outcome = "FAIL: update answered " + r.status();
                    else outcome = "pass (read-only: update refused with " + r.status() + ")";
                    break;
                }
                String problem = check(m, resp, r, expects4xx);
                if (problem != null) {
                    outcome = "FAIL: " + problem;
                    break;
                }
            }
            outcomes.put(name, outcome);
            if (outcome.startsWith("FAIL")) failures.add(name + ": " + outcome);
        }
        Path out = Path.of(System.getProperty("kg.artifacts", "target/test-artifacts"), "w3c-protocol.tsv");
        Files.createDirectories(out.getParent());
        StringBuilder b = new StringBuilder();
        outcomes.forEach((k, v) -> b.append(k).append('\t').append(v).append('\n'));
        Files.writeString(out, b.toString());
        long applied = outcomes.values().stream().filter(v -> !v.startsWith("does not apply")).count();
        System.out.println("W3C protocol: " + outcomes.size() + " tests, " + applied + " apply, "
                + (applied - failures.size()) + " pass\n" + b);
        assertTrue(applied >= 20, "only " + applied + " protocol tests applied");
        assertEquals(List.of(), failures);
    }

    private static boolean isUpdate(Model m, Resource req) {
        String path = req.getProperty(p(m, HT + "absolutePath")).getString();
        String body = body(m, req);
        String type = header(m, req, "content-type");
        return path.contains("update=") || body.startsWith("update=")
                || (type != null && type.toLowerCase(Locale.ROOT).contains("sparql-update"));
    }

    /** Null when the answer is what the test expects, else what is wrong. */
    private static String check(Model m, Resource resp, RawHttp.Response r, boolean expects4xx) {
        int s = r.status();
        if (expects4xx) return s >= 400 && s < 500 ? null : "expected 4xx, got " + s + " " + r.body();
        if (s < 200 || s >= 400) return "expected 2xx/3xx, got " + s + " " + r.body();
        String type = r.header("content-type") == null ? "" : r.header("content-type").toLowerCase(Locale.ROOT);
        var format = resp.getProperty(p(m, W3cSuite.MF + "expectedFormat"));
        if (format != null) {
            List<String> allowed = switch (format.getString()) {
                case "boolean" -> List.of("application/sparql-results+xml", "application/sparql-results+json");
                case "tabular" -> List.of("application/sparql-results+xml", "application/sparql-results+json", "text/csv",
                        "text/tab-separated-values");
                default -> List.of("application/rdf+xml", "text/turtle", "application/n-triples", "text/html");
            };
            if (allowed.stream().noneMatch(type::startsWith)) return "content type " + type + " is not one of " + allowed;
        }
        var bool = resp.getProperty(p(m, W3cSuite.MF + "expectedBoolean"));
        if (bool != null) {
            String v = Boolean.toString(bool.getBoolean());
            boolean found = r.body().replaceAll("\\s", "").contains("<boolean>" + v + "</boolean>")
                    || r.body().replaceAll("\\s", "").contains("\"boolean\":" + v);
            if (!found) return "expected boolean " + v + " in " + r.body();
        }
        return null;
    }

    private static byte[] bytes(Model m, Resource req) {
        String method = req.getProperty(p(m, HT + "methodName")).getString();
        String path = req.getProperty(p(m, HT + "absolutePath")).getString().replaceFirst("^/sparql/?", "/kg/sparql");
        Resource bodyNode = req.getPropertyResourceValue(p(m, HT + "body"));
        byte[] body = new byte[0];
        if (bodyNode != null) {
            var enc = bodyNode.getProperty(p(m, CNT + "characterEncoding"));
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc.getString());
            body = bodyNode.getProperty(p(m, CNT + "chars")).getString().getBytes(cs);
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        Resource headers = req.getPropertyResourceValue(p(m, HT + "headers"));
        if (headers != null)
            for (RDFNode h : headers.as(RDFList.class).asJavaList())
                head.append(h.asResource().getProperty(p(m, HT + "fieldName")).getString()).append(": ")
                        .append(h.asResource().getProperty(p(m, HT + "fieldValue")).getString()).append("\r\n");
        if (bodyNode != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static String body(Model m, Resource req) {
        Resource b = req.getPropertyResourceValue(p(m, HT + "body"));
        return b == null ? "" : b.getProperty(p(m, CNT + "chars")).getString();
    }

    private static String header(Model m, Resource req, String name) {
        Resource headers = req.getPropertyResourceValue(p(m, HT + "headers"));
        if (headers == null) return null;
        for (RDFNode h : headers.as(RDFList.class).asJavaList())
            if (h.asResource().getProperty(p(m, HT + "fieldName")).getString().equalsIgnoreCase(name))
                return h.asResource().getProperty(p(m, HT + "fieldValue")).getString();
        return null;
    }

    private static Property p(Model m, String uri) { return m.createProperty(uri); }

}
