package nl.arbeidsmigratie.kg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.Graphs;

/**
 * A date a source fixes in advance (the Wtta in force on 1 January 2027, data/changes/) is answered from that day on,
 * marked "gepland volgens …", and not before. "Today" is the clock's day at the time of asking ({@link Today}), set
 * here with {@code kg.today} as a reader's clock would move.
 */
class ScheduledEventsTest {
    private static final String ID = "https://w3id.org/arbeidsmigratie/id/";
    private static final String IN_FORCE = ID + "status/in-werking";
    private static QueryCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = QueryCatalog.build(Graphs.real());
    }

    @AfterEach
    void clockBack() {
        System.clearProperty(Today.PROPERTY);
    }

    /** The question with its default parameters, asked on {@code day}. */
    private static List<Map<String, String>> askedOn(String day, String id, Map<String, String> params, String lang) {
        System.setProperty(Today.PROPERTY, day);
        BoundQuery b = catalog.bind(catalog.get(id), params, lang, List.of());
        return Answer.render(b.key(), catalog.run(b, 30_000), "test").table().strings();
    }

    private static Map<String, String> lawRow(List<Map<String, String>> rows, String aspect) {
        return rows.stream().filter(r -> aspect.equals(r.get("aspect"))).findFirst().orElseThrow(() -> new AssertionError("no " + aspect));
    }

    @Test
    void onTheSecondOfJanuary2027TheLawPageSaysTheWttaIsInForceAsScheduled() {
        List<Map<String, String>> rows = askedOn("2027-01-02", "law", Map.of(), "nl");
        Map<String, String> status = lawRow(rows, "status");
        assertEquals(IN_FORCE, status.get("item"));
        assertEquals("2027-01-01", status.get("date"));
        assertTrue(status.get("scheduledBy").contains("Zipconomy"), "marked as scheduled, naming its sources: " + status);
        assertEquals("http://data.europa.eu/eli/ontology#InForce-inForce", lawRow(rows, "inForce").get("item"));
        assertTrue(lawRow(askedOn("2027-01-02", "law", Map.of(), "en"), "status").get("scheduledBy").contains("Zipconomy"));
    }

    @Test
    void onNewYearsEve2026TheLawPageSaysTheWttaIsAdoptedNotInForce() {
        List<Map<String, String>> rows = askedOn("2026-12-31", "law", Map.of(), "nl");
        Map<String, String> status = lawRow(rows, "status");
        assertEquals(ID + "status/aangenomen", status.get("item"));
        assertTrue(blank(status.get("scheduledBy")), "nothing scheduled yet: " + status);
        assertEquals("http://data.europa.eu/eli/ontology#InForce-notInForce", lawRow(rows, "inForce").get("item"));
    }

    @Test
    void recommendationStatusFollowsTheClockForTheRecommendation() {
        // One row per recommendation (issue 18): the recommendation's own status, marked when it is scheduled.
        String rec = ID + "aanbeveling/roemer-werk-certificering";
        Map<String, String> after = askedOn("2027-01-02", "recommendation-status", Map.of(), "nl").stream()
                .filter(r -> rec.equals(r.get("recommendation"))).findFirst().orElseThrow();
        assertEquals(IN_FORCE, after.get("status"));
        assertTrue(after.get("scheduledBy").contains("Zipconomy"), after.toString());

        Map<String, String> before = askedOn("2026-12-31", "recommendation-status", Map.of(), "nl").stream()
                .filter(r -> rec.equals(r.get("recommendation"))).findFirst().orElseThrow();
        assertEquals(ID + "status/aangenomen", before.get("status"));
        assertTrue(blank(before.get("scheduledBy")), before.toString());
    }

    private static boolean blank(String s) { return s == null || s.isEmpty(); }

    @Test
    void theClockIsReadWhenAskedNotWhenTheCatalogWasBuilt() {
        System.setProperty(Today.PROPERTY, "2026-12-31");
        String dec = catalog.bind(catalog.get("law"), Map.of(), "nl", List.of()).key().canonical();
        System.setProperty(Today.PROPERTY, "2027-01-02");
        String jan = catalog.bind(catalog.get("law"), Map.of(), "nl", List.of()).key().canonical();
        assertTrue(dec.contains("asOf=2026-02-16") && jan.contains("asOf=2027-01-01"), dec + " / " + jan);
    }
}
