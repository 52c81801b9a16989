package nl.arbeidsmigratie.kg.query;

import static nl.arbeidsmigratie.kg.testsupport.Graphs.ask;
import static nl.arbeidsmigratie.kg.testsupport.Graphs.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.Graphs;

/**
 * Issue 18, "what the questions return": each of its points pinned on the real graph and the prepared questions
 * (point 2, the link kinds, is in HonestModelTest).
 */
class WhatTheQuestionsReturnTest {
    private static final String ID = "https://w3id.org/arbeidsmigratie/id/";
    private static final String REPORT = ID + "bron/rapport";
    private static final LocalDate TODAY = QuestionAnswersTest.PINNED_TODAY;
    private static QueryCatalog catalog;
    private static Graph g;

    @BeforeAll
    static void load() {
        catalog = QueryCatalog.build(Graphs.real());
        g = Graphs.real().all();
    }

    private static List<Map<String, String>> run(String id, Map<String, String> params, String lang) {
        PreparedQuery q = catalog.get(id);
        BoundQuery b = catalog.bind(q, params, lang, List.of(), TODAY);
        return Answer.render(b.key(), catalog.run(b, 60_000), "test").table().strings();
    }

    // 1. The 90 FTE of the undated page stand beside the report, not after it.

    @Test
    void theNinetyFteOfTheUndatedPageAreBesideTheReportInBothLanguages() {
        String f = "cijfer:nla-toezicht-uitzendbureaus-90-fte-later";
        assertTrue(ask(g, f + " rdfs:label ?nl, ?en FILTER(lang(?nl) = 'nl' && CONTAINS(?nl, 'naast het rapport')"
                + " && lang(?en) = 'en' && CONTAINS(?en, 'beside the report'))"));
        assertFalse(ask(g, f + " (rdfs:label|rdfs:comment|dct:description) ?t FILTER(REGEX(?t, '\\\\blater\\\\b', 'i'))"),
                "the undated page is called later");
        assertFalse(ask(g, "?x (rdfs:comment|rdfs:label) ?t FILTER(CONTAINS(?t, 'Later data: cijfer:nla-toezicht'))"));
    }

    // 3. "Not immediate" is supported; "further delay after the report" is not.

    @Test
    void theAgendaAssessmentSaysNotImmediateButNotFurtherDelay() {
        String a = "beoordeling:agenda-kort-wtta-direct-2025-11-11";
        assertFalse(ask(g, a + " (dct:description|rdfs:comment) ?t FILTER(CONTAINS(?t, 'Dat is verdere vertraging')"
                + " || CONTAINS(?t, 'That is further delay'))"));
        assertTrue(ask(g, a + " dct:description ?t FILTER(lang(?t) = 'nl' && CONTAINS(?t, 'geen onmiddellijke invoering')"
                + " && CONTAINS(?t, 'zeggen de bronnen niet'))"));
    }

    // 4. causes gives each link once, as its most specific kind, for every problem.

    @Test
    void causesGivesEveryLinkOnceAsItsMostSpecificKindForEveryProblem() {
        Set<String> seenLinks = new HashSet<>();
        for (Parameter.AllowedValue problem : catalog.get("causes").parameter("problem").allowedValues()) {
            Set<String> pairs = new HashSet<>();
            for (Map<String, String> r : run("causes", Map.of("problem", problem.value()), "nl")) {
                String pair = r.get("cause") + " " + r.get("effect");
                assertTrue(pairs.add(pair), problem.value() + ": the link " + pair + " twice");
                String asserted = String.join(" ", values(Graphs.real().asserted(), "SELECT ?p { <" + r.get("cause") + "> ?p <"
                        + r.get("effect") + "> VALUES ?p { am:causes am:worsens am:sustains am:contributesTo } }"));
                assertEquals(asserted, r.get("link"), pair + " is given as another kind than the data states");
                seenLinks.add(pair);
            }
        }
        assertEquals(values(Graphs.real().asserted(), "SELECT ?c { ?c ?p ?e VALUES ?p { am:causes am:worsens am:sustains"
                + " am:contributesTo } ?e a am:Problem }").size(), seenLinks.size(), "every asserted link shows up on some chain");
    }

    // 5. timeline credits each dated statement to its own source, as law does.

    @Test
    void theTimelineCreditsVotesAndActsToTheirOwnSourcesNotTheReport() {
        List<Map<String, String>> rows = run("timeline", Map.of(), "nl");
        Map<String, String> expected = Map.of(
                "adoptedHouse " + ID + "wet/wtta", ID + "bron/normecvro-wtta-2027",
                "adoptedSenate " + ID + "wet/wtta", ID + "bron/zipconomy-eerste-kamer-wtta " + ID + "bron/nau-toelatingsplicht-uitlener",
                "renamed " + ID + "organisatie/nla", ID + "bron/feiten-na-rapport");
        // The sources of one row come joined by GROUP_CONCAT, whose order SPARQL leaves open: compared as a set.
        expected.forEach((key, source) -> assertEquals(new java.util.TreeSet<>(List.of(source.split(" "))),
                new java.util.TreeSet<>(List.of(rows.stream().filter(r -> key.equals(r.get("kind") + " " + r.get("event")))
                        .findFirst().orElseThrow().get("source").split(" "))), key));
        for (Map<String, String> r : rows)
            if ("lawDated".equals(r.get("kind")))
                assertFalse(r.get("source").contains(REPORT), "the report states no date of an act: " + r);
        // law gives the same source for the same statement
        assertTrue(run("law", Map.of("law", ID + "wet/wtta"), "nl").stream().anyMatch(r -> "adoptedHouse".equals(r.get("aspect"))
                && (ID + "bron/normecvro-wtta-2027").equals(r.get("source"))));
    }

    // 6. A project judgement is "our reading of the named sources", not the view of a vote.

    @Test
    void judgementsOnTheRecommendationAndTheDutyAreOurReadingNotTheVote() {
        for (String a : List.of("agenda-kort-wtta-direct-2025-11-11", "wtta-bevorderingsplicht-2025-11-11"))
            assertTrue(ask(g, "beoordeling:" + a + " am:assessmentKind beoordelingssoort:eigen-lezing"), a);
        assertTrue(ask(g, "beoordelingssoort:eigen-lezing rdfs:label 'Onze lezing van de genoemde bronnen'@nl,"
                + " 'Our reading of the named sources'@en"));
        assertTrue(run("status-history", Map.of("resource", ID + "maatregel/wtta-bevorderingsplicht"), "en").stream()
                .anyMatch(r -> "2025-11-11".equals(r.get("date")) && r.get("view").endsWith("/eigen-lezing")));
    }

    // 7. A law in force without a dated assessment says so, in the same words, in every question.

    @Test
    void lawsInForceWithoutADatedAssessmentAreInForceInTheSameWordsEverywhere() {
        for (String lang : List.of("nl", "en")) {
            String words = "nl".equals(lang) ? "In werking, geen gedateerde beoordeling" : "In force, no dated assessment";
            for (String date : List.of(TODAY.toString(), QuestionAnswersTest.REPORT_DATE.toString())) {
                List<Map<String, String>> rows = run("problems-responses", Map.of("asOf", date), lang);
                for (String law : List.of("wet/arbeidsomstandighedenwet", "wet/wet-brp", "wet/wet-minimumloon")) {
                    List<Map<String, String>> lawRows = rows.stream().filter(r -> (ID + law).equals(r.get("response"))).toList();
                    assertFalse(lawRows.isEmpty(), law);
                    for (Map<String, String> r : lawRows) {
                        assertEquals(ID + "status/in-werking", r.get("status"), law + " " + date);
                        assertEquals(words, r.get("statusLabel"), law + " " + date);
                        assertEquals(null, r.get("statusDate"), law + " has no dated assessment");
                    }
                }
                assertFalse(rows.stream().anyMatch(r -> r.get("response") != null && r.get("status") == null
                        && ask(g, "<" + r.get("response") + "> eli:in_force ?f")), "a law in force without a status");
                // a law in force without an assessment, wherever unaddressed-problems lists it, carries the same words
                for (Map<String, String> r : run("unaddressed-problems", Map.of("asOf", date), lang))
                    for (String m : r.getOrDefault("measures", "").split(" \\| "))
                        if (m.startsWith("Arbeidsomstandighedenwet") || m.startsWith("Working Conditions Act")
                                || m.startsWith("Wet basisregistratie") || m.startsWith("Wet minimumloon") || m.startsWith("Minimum Wage"))
                            assertTrue(m.endsWith("(" + words + ")"), m);
            }
        }
        assertTrue(catalog.get("unaddressed-problems").text().contains("\"In werking, geen gedateerde beoordeling\""));
        assertTrue(catalog.get("problems-responses").text().contains("\"In werking, geen gedateerde beoordeling\""));
    }

    // 8. The duty to promote registration is a requirement of the bill, not shown to be in the act.

    @Test
    void theDutyToPromoteRegistrationIsARequirementOfTheBillNotOfTheAdoptedAct() {
        String duty = ID + "eis/wtta-bevorderingsplicht-registratie";
        assertFalse(ask(g, "wet:wtta am:requires <" + duty + ">"));
        assertTrue(ask(g, "wet:wtta am:requiredByBill <" + duty + ">"));
        for (String lang : List.of("nl", "en")) {
            List<Map<String, String>> rows = run("law", Map.of("law", ID + "wet/wtta"), lang);
            Map<String, String> row = rows.stream().filter(r -> duty.equals(r.get("item"))).findFirst().orElseThrow();
            assertEquals("requiredByBill", row.get("aspect"));
            assertTrue(row.get("aspectLabel").contains("nl".equals(lang) ? "niet bevestigd" : "not confirmed"), row.get("aspectLabel"));
            assertFalse(rows.stream().anyMatch(r -> "requires".equals(r.get("aspect")) && duty.equals(r.get("item"))));
        }
    }

    // 9. "Eind 2023" keeps the report's words and a true precision; the NAU has one English name.

    @Test
    void endOf2023IsTheYearWithTheReportsWordsNotDecember() {
        for (String f : List.of("vacatures-per-100-werklozen-2023", "ondernemers-personeelstekort-belemmering-2023")) {
            assertTrue(ask(g, "cijfer:" + f + " am:refPeriod ?p ; am:periodAsStated 'eind 2023'@nl ."
                    + " ?p am:datePrecision precisie:jaar ; skos:notation '2023'"), f);
            assertFalse(ask(g, "cijfer:" + f + " am:refPeriod/am:datePrecision precisie:maand"), f);
        }
        assertTrue(run("figures", Map.of(), "nl").stream().anyMatch(r -> (ID + "cijfer/vacatures-per-100-werklozen-2023")
                .equals(r.get("figure")) && "2023".equals(r.get("period")) && "eind 2023".equals(r.get("periodAsStated"))));
    }

    @Test
    void theNauHasOneEnglishName() {
        String name = values(g, "SELECT ?n { organisatie:nau rdfs:label ?n FILTER(lang(?n) = 'en') }").get(0);
        assertEquals("Netherlands Authority for the Labour Lending Market", name);
        // every English text that names the NAU in full ("… Authority … (NAU") uses that name
        java.util.regex.Pattern named = java.util.regex.Pattern.compile("([A-Z][A-Za-z ]*Authority[A-Za-z ]*) \\(NAU");
        List<String> other = values(g, "SELECT ?t { ?s ?p ?t FILTER(isLiteral(?t) && lang(?t) = 'en' && CONTAINS(?t, '(NAU')) }")
                .stream().flatMap(t -> named.matcher(t).results().map(m -> m.group(1)))
                .filter(n -> !n.endsWith(name)).distinct().toList();
        assertTrue(other.isEmpty(), "another English name for the NAU: " + other);
    }

    // One row per thing.

    @Test
    void recommendationStatusGivesOneRowPerRecommendation() {
        int recommendations = values(g, "SELECT DISTINCT ?r { ?r a am:Recommendation ; am:partOf*/am:issuedBy ?by }").size();
        for (String date : List.of(TODAY.toString(), QuestionAnswersTest.REPORT_DATE.toString()))
            assertEquals(recommendations, run("recommendation-status", Map.of("asOf", date), "en").size(), date);
    }

    // 10. The two oddities, decided.

    @Test
    void theGermanBanIsNotAmongTheDutchStatesResponsesAndTheCommissionsStatementSaysWhatItIs() {
        assertFalse(run("problems-responses", Map.of(), "nl").stream()
                .anyMatch(r -> (ID + "maatregel/duits-verbod-uitzendconstructies").equals(r.get("response"))));
        assertTrue(ask(g, "maatregel:duits-verbod-uitzendconstructies dct:spatial land:duitsland"));
        assertTrue(ask(g, "aanbeveling:staatscommissie-migratie-geen-oplossing-vergrijzing skos:note ?n"
                + " FILTER(lang(?n) = 'en' && CONTAINS(?n, 'not a recommendation with an addressee'))"));
    }
}
