package nl.arbeidsmigratie.kg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.Graphs;

/**
 * The status questions take {@code asOf} (default today): the report's view on its own date, and today's, side by
 * side; every date between two assessment dates gives the same answer.
 */
class StatusOnADateTest {
    private static final String ID = "https://w3id.org/arbeidsmigratie/id/";
    private static final String REPORT_DATE = "2025-06-27";
    private static final Set<String> AS_OF_QUESTIONS = Set.of("recommendation-status", "problems-responses", "unaddressed-problems", "law");
    private static QueryCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = QueryCatalog.build(Graphs.real());
    }

    private static List<Map<String, String>> run(String id, Map<String, String> params) {
        PreparedQuery q = catalog.get(id);
        return table(catalog.bind(q, params, "nl", List.of()));
    }

    private static List<Map<String, String>> table(BoundQuery b) {
        return Answer.render(b.key(), catalog.run(b, 30_000), "test").table().strings();
    }

    private static String statusOf(List<Map<String, String>> rows, String column, String item) {
        Set<String> statuses = rows.stream().filter(r -> item.equals(r.get(column))).map(r -> r.get("status"))
                .collect(Collectors.toSet());
        assertEquals(1, statuses.size(), item + " has statuses " + statuses);
        return statuses.iterator().next().replace(ID + "status/", "");
    }

    @Test
    void theWttaRecommendationWasPostponedOnTheReportDateAndIsAdoptedToday() {
        String rec = ID + "aanbeveling/roemer-werk-certificering";
        assertEquals("uitgesteld", statusOf(run("recommendation-status", Map.of("asOf", REPORT_DATE)), "recommendation", rec));
        assertEquals("aangenomen", statusOf(run("recommendation-status", Map.of()), "recommendation", rec));
    }

    @Test
    void theWttaResponseShowsTheStatusOnTheChosenDate() {
        String wtta = ID + "maatregel/wtta-toelatingsstelsel";
        Map<String, String> werk = Map.of("theme", ID + "thema/werk");
        assertEquals("uitgesteld", statusOf(run("problems-responses", Map.of("theme", ID + "thema/werk", "asOf", REPORT_DATE)), "response", wtta));
        assertEquals("aangenomen", statusOf(run("problems-responses", werk), "response", wtta));
        assertEquals("in-voorbereiding", statusOf(run("problems-responses", Map.of("theme", ID + "thema/werk", "asOf", "2025-05-01")),
                "response", wtta), "between the House vote and the report");
        assertFalse(run("problems-responses", Map.of("theme", ID + "thema/werk", "asOf", "2024-01-01")).stream()
                .anyMatch(r -> wtta.equals(r.get("response")) && r.get("status") != null), "no status before the first assessment");
    }

    @Test
    void everyDateBetweenTwoAssessmentDatesGivesTheSameAnswer() {
        // The server may normalise asOf to the greatest assessment date not after it; that is only safe if the
        // queries compare asOf with nothing but "assessment date <= asOf".
        for (String id : AS_OF_QUESTIONS) {
            assertEquals(run(id, Map.of("asOf", REPORT_DATE)), run(id, Map.of("asOf", "2025-08-31")), id);
            assertEquals(run(id, Map.of("asOf", "2025-11-11")), run(id, Map.of("asOf", "2026-02-15")), id);
        }
    }

    @Test
    void theGoodLandlordshipActAnswersTheCouplingOfWorkAndHousingOnlyOnceInForce() {
        String coupling = ID + "probleem/koppeling-werk-wonen";
        assertTrue(run("unaddressed-problems", Map.of("asOf", "2023-06-30")).stream().anyMatch(r -> coupling.equals(r.get("problem"))),
                "before 1 July 2023 nothing in force addressed the coupling");
        assertFalse(run("unaddressed-problems", Map.of("asOf", "2023-07-01")).stream().anyMatch(r -> coupling.equals(r.get("problem"))));
    }

    @Test
    void asOfDefaultsToTodayAndRefusesAnythingButADate() {
        PreparedQuery q = catalog.get("recommendation-status");
        Map<Var, Node> bound = catalog.bind(q, Map.of(), "nl", List.of()).bindings();
        // Today, as the answer for today is computed: the latest status date on or before it.
        assertEquals(catalog.normaliseAsOf(LocalDate.now()).toString(),
                bound.get(Var.alloc("__asOf_date")).getLiteralLexicalForm());
        assertEquals(catalog.bind(q, Map.of("asOf", LocalDate.now().toString()), "nl", List.of()).key(),
                catalog.bind(q, Map.of(), "nl", List.of()).key(), "no date and today's date are the same question");
        ParameterException e = assertThrows(ParameterException.class,
                () -> catalog.bind(q, Map.of("asOf", "27 juni 2025"), "nl", List.of()));
        assertEquals("asOf", e.parameter());
    }

    @Test
    void theStatusQuestionsOfferTheReportDateAsAView() {
        for (String id : AS_OF_QUESTIONS) {
            PreparedQuery q = catalog.get(id);
            assertEquals(Parameter.Type.DATE, q.parameter("asOf").type(), id);
            assertEquals(QueryCatalog.TODAY, q.parameter("asOf").defaultValue(), id);
            assertEquals(List.of(Map.of("asOf", REPORT_DATE)), q.views(), id);
        }
    }

    @Test
    void theFiguresAnswerShowsMoreThan15000AgenciesAsALowerBound() {
        for (String lang : List.of("nl", "en")) {
            PreparedQuery q = catalog.get("figures");
            Map<String, String> row = table(catalog.bind(q, Map.of(), lang, List.of())).stream()
                    .filter(r -> (ID + "cijfer/uitzendbureaus-aantal").equals(r.get("figure"))).findFirst().orElseThrow();
            assertEquals("15000", row.get("value"));
            assertEquals("nl".equals(lang) ? "ondergrens" : "lower bound", row.get("bound"));
            assertEquals(null, row.get("approximate"));
        }
    }

    @Test
    void theLawPageOfTheWttaGivesTheStartOfTheAdmissionDuty() {
        assertTrue(run("law", Map.of("law", ID + "wet/wtta")).stream()
                .anyMatch(r -> "plannedAdmissionDuty".equals(r.get("aspect")) && "2028-01-01".equals(r.get("date"))));
    }

    @Test
    void theStatusHistoryOfTheWttaSaysWhoseViewEachStatusIs() {
        List<Map<String, String>> rows = run("status-history", Map.of("resource", ID + "maatregel/wtta-toelatingsstelsel"));
        // the last two are scheduled (data/changes/): in force on 2027-01-01, admission duty from 2028-01-01
        assertEquals(List.of("kamerbrief", "kamerstemming", "rapport", "kamerstemming", "officiele-bekendmaking", "vakbron", "vakbron"),
                rows.stream().map(r -> r.get("view").replaceAll(".*/", "")).toList());
    }
}
