package nl.arbeidsmigratie.kg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.Graphs;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.ELI;
import nl.arbeidsmigratie.kg.vocab.KG;

/** The service on the real graph: every answer valid against the specification's schema, and right. */
class ReconcileServiceTest {
    private static final String WTTA = KG.ID + "wet/wtta", WGV = KG.ID + "wet/wet-goed-verhuurderschap",
            NLA = KG.ID + "organisatie/nla", TOELATING = KG.ID + "maatregel/wtta-toelatingsstelsel";
    private final Service service = ServiceFixture.service();

    private static String json(JsonObject o) { return JSON.toStringFlat(o); }

    private JsonArray results(String batch, String key) {
        Schemas.assertValid("reconciliation-query-batch", batch);
        String answer = json(service.reconcile(batch, "nl"));
        Schemas.assertValid("reconciliation-result-batch", answer);
        return JSON.parse(answer).get(key).getAsObject().get("result").getAsArray();
    }

    private static String id(JsonValue candidate) { return candidate.getAsObject().get("id").getAsString().value(); }

    private static boolean match(JsonValue candidate) { return candidate.getAsObject().get("match").getAsBoolean().value(); }

    @Test
    void theManifestIsValidAndOffersPreviewSuggestAndExtend() {
        String m = json(service.manifest("http://127.0.0.1:3030", "nl"));
        Schemas.assertValid("manifest", m);
        JsonObject o = JSON.parse(m);
        assertEquals(KG.ID, o.get("identifierSpace").getAsString().value());
        assertEquals(AM.NS, o.get("schemaSpace").getAsString().value());
        assertEquals("http://127.0.0.1:3030/reconcile/preview?id={{id}}", o.get("preview").getAsObject().get("url").getAsString().value());
        assertTrue(o.get("extend").getAsObject().get("property_settings").getAsArray().toString().contains("asOf"));
        assertEquals(Offer.DEFAULT_TYPES, o.get("defaultTypes").getAsArray().size());
    }

    @Test
    void aTypeFilterKeepsOnlyThingsOfThatType() {
        // the law and the admission system resting on it both answer to these words
        JsonArray any = results("{\"q0\":{\"query\":\"toelatingsstelsel Wtta uitleners\",\"limit\":10}}", "q0");
        assertTrue(any.toString().contains(TOELATING) && any.toString().contains(WTTA), any.toString());
        JsonArray laws = results("{\"q0\":{\"query\":\"toelatingsstelsel Wtta uitleners\",\"type\":\"" + ELI.LegalResource.getURI() + "\",\"limit\":10}}", "q0");
        assertFalse(laws.toString().contains(TOELATING), laws.toString());
        assertEquals(WTTA, id(laws.get(0)));
        JsonArray measures = results("{\"q0\":{\"query\":\"Wtta\",\"type\":[\"" + AM.PolicyMeasure.getURI() + "\"]}}", "q0");
        for (JsonValue c : measures) assertTrue(Graphs.ask(service.graph(), "<" + id(c) + "> a am:PolicyMeasure"), id(c));
    }

    @Test
    void anIdentifierIsASureMatchHoweverItIsWritten() {
        for (String q : List.of("36446", "Kamerstuk 36446", "kst-36446", "Kamerstuk 36 446")) {
            JsonArray r = results("{\"q\":{\"query\":\"" + q + "\"}}", "q");
            assertEquals(WTTA, id(r.get(0)), q);
            assertTrue(match(r.get(0)), q);
        }
    }

    @Test
    void aPropertyConstraintDecidesBetweenThingsOfTheSameName() {
        // Two things are called "Subsidieregeling medisch noodzakelijke zorg aan onverzekerden": the regulation and the measure.
        String name = "Subsidieregeling medisch noodzakelijke zorg aan onverzekerden";
        JsonArray plain = results("{\"q\":{\"query\":\"" + name + "\"}}", "q");
        assertFalse(match(plain.get(0)), "two things have that name: not sure without a type or property");
        JsonArray bwb = results("{\"q\":{\"query\":\"Wet arbeid\",\"properties\":[{\"pid\":\"identifier\",\"v\":\"BWBR0007149\"}]}}", "q");
        assertEquals(KG.ID + "wet/wet-arbeid-vreemdelingen", id(bwb.get(0)));
        assertTrue(match(bwb.get(0)));
        JsonArray enforced = results("{\"q\":{\"query\":\"Wet\",\"type\":\"" + ELI.LegalResource.getURI()
                + "\",\"properties\":[{\"pid\":\"enforcedBy\",\"v\":{\"id\":\"" + KG.ID + "organisatie/gemeenten\"}}]}}", "q");
        assertEquals(WGV, id(enforced.get(0)), enforced.toString());
        JsonArray onlyProperties = results("{\"q\":{\"properties\":[{\"pid\":\"kamerstuk\",\"v\":\"36130\"}]}}", "q");
        assertEquals(WGV, id(onlyProperties.get(0)));
        assertTrue(match(onlyProperties.get(0)));
    }

    @Test
    void suggestAnswersEntitiesTypesAndPropertiesWhileAReaderTypes() {
        String e = json(service.suggestEntities("Arbeidsinsp", null, "nl"));
        Schemas.assertValid("suggest-entities-response", e);
        assertEquals(NLA, id(JSON.parse(e).get("result").getAsArray().get(0)));
        String t = json(service.suggestTypes("wet", "nl"));
        Schemas.assertValid("suggest-types-response", t);
        assertEquals(ELI.LegalResource.getURI(), id(JSON.parse(t).get("result").getAsArray().get(0)));
        String p = json(service.suggestProperties("stat", "nl"));
        Schemas.assertValid("suggest-properties-response", p);
        assertEquals("status", id(JSON.parse(p).get("result").getAsArray().get(0)));
    }

    @Test
    void theProposedPropertiesOfALawIncludeItsStatusAndDateInForce() {
        String p = json(service.propose(ELI.LegalResource.getURI(), 3, "en"));
        Schemas.assertValid("data-extension-property-proposal", p);
        assertEquals("[\"status\",\"statusDate\",\"dateInForce\"]",
                JSON.parse(p).get("properties").getAsArray().stream().map(v -> "\"" + id(v) + "\"").toList().toString().replace(" ", ""));
    }

    @Test
    void dataExtensionGivesTheStatusOnADateAsTheStatusQuestionsDo() {
        String q = "{\"ids\":[\"" + WTTA + "\",\"" + WGV + "\",\"" + KG.ID + "organisatie/aanjaagteam-bescherming-arbeidsmigranten\"],"
                + "\"properties\":[{\"id\":\"status\"},{\"id\":\"status\",\"settings\":{\"asOf\":\"2025-06-27\"}},"
                + "{\"id\":\"statusDate\",\"settings\":{\"asOf\":\"2025-05-01\"}},{\"id\":\"dateInForce\"},{\"id\":\"enforcedBy\"},"
                + "{\"id\":\"recommendationCount\"},{\"id\":\"source\"},{\"id\":\"kamerstuk\"}]}";
        Schemas.assertValid("data-extension-query", q);
        String answer = json(service.extend(q, "nl"));
        Schemas.assertValid("data-extension-response", answer);
        JsonObject rows = JSON.parse(answer).get("rows").getAsObject();
        JsonObject wtta = rows.get(WTTA).getAsObject();
        // status and statusDate with asOf repeat the property id; each setting has its own column in OpenRefine's
        // request, and the row keeps the last one asked. The three status facts are checked one by one below.
        assertTrue(wtta.get("kamerstuk").toString().contains("36446"));
        assertEquals("[{\"date\":\"2023-07-01T00:00:00Z\"}]", JSON.toStringFlat(rows.get(WGV).getAsObject().get("dateInForce")).replace(" ", ""));
        assertTrue(wtta.get("enforcedBy").toString().contains(NLA));
        long issued = Graphs.values(service.graph(), "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a am:Recommendation ; "
                + "am:partOf*/am:issuedBy organisatie:aanjaagteam-bescherming-arbeidsmigranten }").stream().mapToLong(Long::parseLong).sum();
        assertTrue(issued > 0);
        assertEquals("[{\"int\":" + issued + "}]", JSON.toStringFlat(rows.get(KG.ID + "organisatie/aanjaagteam-bescherming-arbeidsmigranten")
                .getAsObject().get("recommendationCount")).replace(" ", ""));

        assertEquals(KG.ID + "status/aangenomen", statusOn(WTTA, null));
        assertEquals(KG.ID + "status/uitgesteld", statusOn(WTTA, "2025-06-27"));
        assertEquals(KG.ID + "status/in-voorbereiding", statusOn(WTTA, "2025-05-01"));
        assertEquals("[]", statusOnRaw(WTTA, "2020-01-01"));
    }

    private String statusOnRaw(String id, String asOf) {
        String settings = asOf == null ? "" : ",\"settings\":{\"asOf\":\"" + asOf + "\"}";
        String answer = json(service.extend("{\"ids\":[\"" + id + "\"],\"properties\":[{\"id\":\"status\"" + settings + "}]}", "nl"));
        Schemas.assertValid("data-extension-response", answer);
        return JSON.toStringFlat(JSON.parse(answer).get("rows").getAsObject().get(id).getAsObject().get("status")).replace(" ", "");
    }

    private String statusOn(String id, String asOf) {
        return JSON.parseAny(statusOnRaw(id, asOf)).getAsArray().get(0).getAsObject().get("id").getAsString().value();
    }

    @Test
    void badInputIsRefusedWithAMessageThatNamesWhatIsWrong() {
        assertTrue(assertThrows(Service.BadRequest.class, () -> service.reconcile("{\"q\":", "nl")).getMessage().startsWith("queries: not valid JSON"));
        assertTrue(assertThrows(Service.BadRequest.class, () -> service.reconcile("{\"q\":{\"limit\":3}}", "nl")).getMessage().contains("query text"));
        assertTrue(assertThrows(Service.BadRequest.class, () -> service.reconcile("{\"q\":{\"query\":\"" + "x".repeat(501) + "\"}}", "nl")).getMessage().contains("500"));
        assertTrue(assertThrows(Service.BadRequest.class, () -> service.extend("{\"ids\":[],\"properties\":[{\"id\":\"colour\"}]}", "nl")).getMessage().contains("unknown property 'colour'"));
        assertTrue(assertThrows(Service.BadRequest.class, () -> service.extend("{\"ids\":[],\"properties\":[{\"id\":\"status\",\"settings\":{\"asOf\":\"27-06-2025\"}}]}", "nl")).getMessage().contains("YYYY-MM-DD"));
        StringBuilder big = new StringBuilder("{");
        for (int i = 0; i <= Service.MAX_QUERIES; i++) big.append(i == 0 ? "" : ",").append("\"q").append(i).append("\":{\"query\":\"Wtta\"}");
        assertTrue(assertThrows(Service.BadRequest.class, () -> service.reconcile(big + "}", "nl")).getMessage().contains("at most 500"));
    }

    @Test
    void thePreviewCardShowsNameTypeLatestStatusWithDateAndSource() {
        String html = PreviewCard.html(service, WTTA, "nl");
        assertTrue(html.contains("Wet toelating terbeschikkingstelling van arbeidskrachten (Wtta)"), html);
        assertTrue(html.contains("Wet, wetsvoorstel of regeling"), html);
        assertTrue(html.contains("Laatste status: Aangenomen (2026-02-16)"), html);
        assertTrue(html.contains("Bron: "), html);
    }
}
