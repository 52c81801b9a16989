package nl.arbeidsmigratie.kg.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nl.arbeidsmigratie.kg.testsupport.Graphs;

/**
 * Walks every {@code queries/*.rq}: it parses, its header is complete, it runs on the real graph in both
 * languages, and the rows its {@code #+ expect:} lines name (facts of the report) are there.
 */
class PreparedQueriesTest {
    /** The ids the endpoint issue asks for; more may exist. */
    static final Set<String> REQUIRED = Set.of("problems-responses", "recommendation-status", "unaddressed-problems",
            "status-history", "law", "actor", "enforcement", "critiques", "migrant-groups", "figures", "timeline",
            "causes", "agenda", "sources", "search");
    private static QueryCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = QueryCatalog.build(Graphs.real());
    }

    static Stream<String> ids() {
        return QueryCatalog.build(Graphs.real()).all().stream().map(PreparedQuery::id);
    }

    /** The rows of a bound question as the pages see them: column → plain text. */
    private static List<Map<String, String>> table(BoundQuery b) {
        return Answer.render(b.key(), catalog.run(b, 30_000), "test").table().strings();
    }

    @Test
    void everyRequiredQuestionExists() {
        for (String id : REQUIRED) assertTrue(catalog.get(id) != null, "missing queries/" + id + ".rq");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void headerHasTitlesDescriptionsAndTagsInBothLanguages(String id) {
        PreparedQuery q = catalog.get(id);
        for (String key : List.of("summary", "title_nl", "description", "description_nl", "tags"))
            assertFalse(q.header().getOrDefault(key, List.of()).isEmpty(), id + " lacks #+ " + key);
        assertFalse(q.expectations().isEmpty(), id + " states no '#+ expect:' row");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void runsOnTheRealGraphAndReturnsTheRowsTheReportRequires(String id) {
        PreparedQuery q = catalog.get(id);
        for (String lang : List.of("nl", "en")) {
            var rows = table(catalog.bind(q, q.example(), lang, List.of()));
            assertFalse(rows.isEmpty(), id + " returns no rows (" + lang + ")");
            for (Map<String, String> expect : q.expectations()) {
                boolean found = rows.stream().anyMatch(r -> expect.entrySet().stream()
                        .allMatch(e -> e.getValue().equals(r.get(e.getKey()))));
                assertTrue(found, id + " (" + lang + ") lacks a row with " + expect);
            }
            for (String col : q.resultVariables()) {
                if (!col.endsWith("Label") || !q.resultVariables().contains(col.substring(0, col.length() - 5))) continue;
                String iriCol = col.substring(0, col.length() - 5);
                for (Map<String, String> r : rows)
                    if (r.get(iriCol) != null && r.get(iriCol).startsWith("http"))
                        assertTrue(r.get(col) != null && !r.get(col).isBlank(),
                                id + ": " + iriCol + " " + r.get(iriCol) + " has no " + col + " (" + lang + ")");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void labelsFollowTheRequestedLanguage(String id) {
        PreparedQuery q = catalog.get(id);
        var nl = table(catalog.bind(q, q.example(), "nl", List.of()));
        var en = table(catalog.bind(q, q.example(), "en", List.of()));
        if (q.resultVariables().stream().anyMatch(c -> c.endsWith("Label")))
            assertNotEquals(nl, en, id + " gives the same labels in nl and en");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void iriParametersOnlyAcceptValuesFromTheGraph(String id) {
        PreparedQuery q = catalog.get(id);
        for (Parameter p : q.parameters()) {
            if (p.type() != Parameter.Type.IRI) continue;
            assertFalse(p.allowedValues().isEmpty(), id + "." + p.name());
            ParameterException e = assertThrows(ParameterException.class, () -> catalog.bind(q,
                    Map.of(p.name(), "https://w3id.org/arbeidsmigratie/id/nope/nope"), "nl", List.of()));
            assertTrue(e.parameter().equals(p.name()) && !e.allowed().isEmpty());
        }
        assertThrows(ParameterException.class, () -> catalog.bind(q, Map.of("nonsense", "1"), "nl", List.of()));
    }
}
