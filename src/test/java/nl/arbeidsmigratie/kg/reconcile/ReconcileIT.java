package nl.arbeidsmigratie.kg.reconcile;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.Http;
import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.ELI;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * {@code /reconcile} on the built jar, asked the way OpenRefine asks: the manifest fetched by the browser (jQuery's
 * Accept header, an Origin), batches posted as a form by OpenRefine's server side, previews in a frame, suggest while
 * typing, data extension. Every JSON answer is validated against the specification's schema.
 */
class ReconcileIT {
    /** jQuery's Accept header for dataType "json", which OpenRefine's page sends for the manifest and suggest. */
    private static final String JQUERY_JSON = "application/json, text/javascript, */*; q=0.01";
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static JarServer server;
    private static String service;

    @BeforeAll
    static void start() throws Exception {
        server = JarServer.start();
        service = server.base() + "/reconcile";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static void assertJson(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void theManifestAnswersABrowserFromAnotherOriginWithAbsoluteUrlsToThisServer() throws Exception {
        HttpResponse<String> r = Http.get(service, "Accept", JQUERY_JSON, "Origin", "http://127.0.0.1:3333");
        assertJson(r);
        Schemas.assertValid("manifest", r.body());
        JsonObject m = JSON.parse(r.body());
        assertEquals(service + "/preview?id={{id}}", m.get("preview").getAsObject().get("url").getAsString().value());
        assertEquals(service + "/view?id={{id}}", m.get("view").getAsObject().get("url").getAsString().value());
    }

    @Test
    void aPreflightForAPostIsAnswered() throws Exception {
        HttpResponse<String> r = Http.send("OPTIONS", service, null, null, "Origin", "http://127.0.0.1:3333",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertEquals(204, r.statusCode());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("content-type"));
    }

    @Test
    void aBatchOfRealNamesAnswersTheSameOverPostAndGet() throws Exception {
        List<ReconcileAccuracyTest.Row> rows = ReconcileAccuracyTest.rows();
        String batch = ReconcileAccuracyTest.batch(rows);
        HttpResponse<String> post = Http.send("POST", service, FORM, "queries=" + enc(batch), "Accept", "application/json");
        assertJson(post);
        Schemas.assertValid("reconciliation-result-batch", post.body());
        JsonObject results = JSON.parse(post.body());
        assertEquals(rows.size(), results.keys().size());
        assertEquals(KG.ID + "wet/wtta", JSON.parse(post.body()).get("q" + index(rows, "Kamerstuk 36446")).getAsObject()
                .get("result").getAsArray().get(0).getAsObject().get("id").getAsString().value());
        HttpResponse<String> get = Http.get(service + "?queries=" + enc(batch), "Accept", "*/*");
        assertJson(get);
        assertEquals(post.body(), get.body());
    }

    private static int index(List<ReconcileAccuracyTest.Row> rows, String name) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException(name);
    }

    @Test
    void oneQueryAsTextOrAsJsonGetsItsResult() throws Exception {
        for (String q : List.of("Inspectie SZW", "{\"query\":\"Inspectie SZW\",\"type\":\"" + AM.Organisation.getURI() + "\"}")) {
            HttpResponse<String> r = Http.get(service + "?query=" + enc(q));
            assertJson(r);
            Schemas.assertValid("reconciliation-result-batch", "{\"q\":" + r.body() + "}");
            assertEquals(KG.ID + "organisatie/nla", JSON.parse(r.body()).get("result").getAsArray().get(0).getAsObject()
                    .get("id").getAsString().value());
        }
    }

    @Test
    void suggestAndPropertyProposalsAnswerWhileAReaderTypes() throws Exception {
        for (String[] s : new String[][] {{"/suggest/entity?prefix=Wgv", "suggest-entities-response"},
                {"/suggest/entity?prefix=arbeidsinsp&type=" + enc(AM.Organisation.getURI()), "suggest-entities-response"},
                {"/suggest/type?prefix=org", "suggest-types-response"},
                {"/suggest/property?prefix=bron", "suggest-properties-response"},
                {"/properties?type=" + enc(ELI.LegalResource.getURI()) + "&limit=4", "data-extension-property-proposal"}}) {
            HttpResponse<String> r = Http.get(service + s[0], "Accept", JQUERY_JSON, "Origin", "http://127.0.0.1:3333");
            assertJson(r);
            Schemas.assertValid(s[1], r.body());
            assertTrue(!JSON.parse(r.body()).get(s[1].startsWith("data") ? "properties" : "result").getAsArray().isEmpty(), s[0]);
        }
    }

    @Test
    void dataExtensionIsPostedAsAFormAndAnswersValuesWithTheirTypes() throws Exception {
        String q = "{\"ids\":[\"" + KG.ID + "wet/wtta\"],\"properties\":[{\"id\":\"status\",\"settings\":{\"asOf\":\"2025-06-27\"}},"
                + "{\"id\":\"enforcedBy\"},{\"id\":\"kamerstuk\"}]}";
        HttpResponse<String> r = Http.send("POST", service, FORM, "extend=" + enc(q));
        assertJson(r);
        Schemas.assertValid("data-extension-response", r.body());
        assertTrue(r.body().contains(KG.ID + "status/uitgesteld"), r.body());
        assertTrue(r.body().contains("{\"str\":\"36446\"}") || r.body().contains("\"str\" : \"36446\""), r.body());
    }

    @Test
    void thePreviewIsAnHtmlCardAndViewLeadsToTheThingsPage() throws Exception {
        HttpResponse<String> p = Http.get(service + "/preview?id=" + enc(KG.ID + "wet/wtta"), "Accept", "text/html,*/*;q=0.8");
        assertEquals(200, p.statusCode());
        assertTrue(p.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(p.body().contains("(Wtta)") && p.body().contains("Laatste status"), p.body());
        HttpResponse<String> v = Http.get(service + "/view?id=" + enc(KG.ID + "wet/wtta"));
        assertEquals(303, v.statusCode());
        assertEquals("/id/wet/wtta", v.headers().firstValue("Location").orElse(""));
    }

    @Test
    void badInputIsA400WithAJsonMessage() throws Exception {
        for (String bad : List.of("?queries=" + enc("{\"q0\":"), "?queries=" + enc("[1,2]"), "?extend=" + enc("{\"ids\":[]}"),
                "/preview?id=" + enc("http://elsewhere.example/x"), "/suggest/entity")) {
            HttpResponse<String> r = Http.get(service + bad);
            assertEquals(400, r.statusCode(), bad + " " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), bad);
            assertTrue(JSON.parse(r.body()).get("message").getAsString().value().length() > 10, r.body());
        }
    }
}
