package nl.arbeidsmigratie.kg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nl.arbeidsmigratie.kg.testsupport.Graphs;
import nl.arbeidsmigratie.kg.testsupport.Report;

/**
 * End to end, every prepared question: run as the page first shows it (its defaults; the example where a required
 * parameter has no default), in both languages, on a pinned "today" and on the report's date, and compared row by
 * row with the hand-reviewed answer in {@code queries/expected/}. Beside the comparison, checks that hold for every
 * answer: no row twice, one row per thing the question lists, a status wherever the graph has one, and the report
 * credited for a dated statement only where it states that date.
 *
 * <p>Regenerate the expected files after a deliberate change with {@code -Dqueries.regenerate=true} and review the
 * diff (queries/README.md, "Expected answers").
 */
class QuestionAnswersTest {
    /** The "today" of every default-date run, so the expected files do not change with the calendar. */
    static final LocalDate PINNED_TODAY = LocalDate.of(2026, 12, 6);
    static final LocalDate REPORT_DATE = LocalDate.of(2025, 6, 27);
    static final Path EXPECTED = Path.of("queries", "expected");
    private static final boolean REGENERATE = Boolean.getBoolean("queries.regenerate");
    private static final String ID = "https://w3id.org/arbeidsmigratie/id/";
    private static final String REPORT = ID + "bron/rapport";

    /** The columns that name one row: no two rows of an answer share them. */
    static final Map<String, List<String>> ROW_KEY = Map.ofEntries(
            Map.entry("actor", List.of("role", "target")),
            Map.entry("body-progress", List.of("body", "item", "role")),
            Map.entry("agenda", List.of("item")),
            Map.entry("causes", List.of("cause", "effect")),
            Map.entry("critiques", List.of("critique", "by")),
            Map.entry("enforcement", List.of("enforcer", "law", "figure")),
            Map.entry("figures", List.of("figure")),
            Map.entry("law", List.of("aspect", "item", "value", "date")),
            Map.entry("migrant-groups", List.of("characteristic")),
            Map.entry("problems-responses", List.of("theme", "problem", "response")),
            Map.entry("recommendation-status", List.of("recommendation")),
            Map.entry("roemer-table", List.of("row")),
            Map.entry("search", List.of("resource")),
            Map.entry("sources", List.of("via", "claim", "work")),
            Map.entry("status-history", List.of("assessment")),
            Map.entry("timeline", List.of("date", "event", "kind")),
            Map.entry("unaddressed-problems", List.of("problem")));

    private static QueryCatalog catalog;
    private static Graph graph;
    private static String reportText;

    @BeforeAll
    static void load() throws IOException {
        catalog = QueryCatalog.build(Graphs.real());
        graph = Graphs.real().all();
        reportText = Report.text();
    }

    static Stream<String> ids() {
        return QueryCatalog.build(Graphs.real()).all().stream().map(PreparedQuery::id).sorted();
    }

    /** The parameters the page opens with: none (the defaults), unless a required parameter has no default. */
    static Map<String, String> opening(PreparedQuery q) {
        boolean defaultsSuffice = q.parameters().stream().allMatch(p -> !p.required() || p.defaultValue() != null);
        return defaultsSuffice ? Map.of() : q.example();
    }

    static boolean takesAsOf(PreparedQuery q) {
        return q.parameter(QueryCatalog.AS_OF) != null;
    }

    static List<Map<String, String>> run(PreparedQuery q, Map<String, String> raw, String lang, LocalDate today) {
        BoundQuery b = catalog.bind(q, raw, lang, List.of(), today);
        return Answer.render(b.key(), catalog.run(b, 60_000), "test").table().strings();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyQuestionGivesItsReviewedAnswerInBothLanguagesOnBothDates(String id) throws IOException {
        PreparedQuery q = catalog.get(id);
        List<String> problems = new ArrayList<>();
        for (String lang : QueryCatalog.LANGS) {
            Map<LocalDate, List<Map<String, String>>> byDate = new LinkedHashMap<>();
            for (LocalDate date : List.of(PINNED_TODAY, REPORT_DATE)) {
                Map<String, String> raw = new LinkedHashMap<>(opening(q));
                // the default-date run leaves asOf out, so the default ("today", pinned here) is what is tested
                if (takesAsOf(q) && date.equals(REPORT_DATE)) raw.put(QueryCatalog.AS_OF, date.toString());
                byDate.put(date, run(q, raw, lang, date));
            }
            if (!takesAsOf(q))
                assertEquals(byDate.get(PINNED_TODAY), byDate.get(REPORT_DATE), id + " (" + lang + ") depends on the day without asOf");
            for (var e : byDate.entrySet()) {
                if (!takesAsOf(q) && e.getKey().equals(REPORT_DATE)) continue;
                String name = id + "." + lang + (takesAsOf(q) ? "." + e.getKey() : "") + ".tsv";
                String actual = tsv(q.resultVariables(), e.getValue());
                Path file = EXPECTED.resolve(name);
                if (REGENERATE) {
                    Files.createDirectories(EXPECTED);
                    Files.writeString(file, actual, StandardCharsets.UTF_8);
                } else if (!Files.exists(file)) {
                    problems.add(file + " is missing (regenerate with -Dqueries.regenerate=true and review it)");
                } else {
                    String expected = Files.readString(file, StandardCharsets.UTF_8);
                    if (!expected.equals(actual)) problems.add(firstDifference(file, expected, actual));
                }
                try {
                    checkEveryAnswer(q, lang, e.getKey(), e.getValue());
                } catch (AssertionError wrong) {
                    problems.add(wrong.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    /** Checks that hold whatever the expected file says. */
    private static void checkEveryAnswer(PreparedQuery q, String lang, LocalDate date, List<Map<String, String>> rows) {
        String where = q.id() + " (" + lang + ", " + date + ")";
        assertFalse(rows.isEmpty(), where + " is empty");
        Set<Map<String, String>> seen = new HashSet<>();
        for (Map<String, String> r : rows) assertTrue(seen.add(r), where + " gives a row twice: " + r);
        List<String> key = ROW_KEY.get(q.id());
        assertTrue(key != null, q.id() + " names no row key in ROW_KEY");
        Set<List<String>> keys = new HashSet<>();
        for (Map<String, String> r : rows) {
            List<String> k = key.stream().map(c -> String.valueOf(r.get(c))).toList();
            assertTrue(keys.add(k), where + " lists " + key + " = " + k + " in more than one row");
        }
        String asOf = takesAsOf(q) ? date.toString() : null;
        for (String itemColumn : List.of("response", "recommendation")) {
            if (!q.resultVariables().contains("status") || !q.resultVariables().contains(itemColumn) || asOf == null) continue;
            for (Map<String, String> r : rows) {
                String item = r.get(itemColumn);
                if (item == null || r.get("status") != null) continue;
                assertFalse(Graphs.ask(graph, "<" + item + "> am:hasStatus/am:asOf ?d FILTER(?d <= '" + asOf + "'^^xsd:date)"),
                        where + ": " + item + " has a status on " + asOf + " but the row shows none");
                assertFalse(Graphs.ask(graph, "<" + item + "> eli:in_force ?f"),
                        where + ": " + item + " is in force in the graph but the row shows no status");
            }
        }
        for (String dateColumn : List.of("date", "statusDate")) {
            if (!q.resultVariables().contains(dateColumn) || !q.resultVariables().contains("source")) continue;
            for (Map<String, String> r : rows) {
                String d = r.get(dateColumn), src = r.get("source");
                if (d == null || src == null || !List.of(src.split(" ")).contains(REPORT)) continue;
                assertTrue(reportStates(d), where + ": the report is credited for " + d + ", a date it does not state: " + r);
            }
        }
    }

    /** Whether the report names this date: its own date, the day ("1 juli 2023"), or a year it names ("2020"). */
    static boolean reportStates(String isoDate) {
        if (isoDate.equals(REPORT_DATE.toString())) return true;
        if (isoDate.matches("\\d{4}")) return reportText.contains(isoDate);
        LocalDate d = LocalDate.parse(isoDate);
        String month = d.getMonth().getDisplayName(TextStyle.FULL, Locale.forLanguageTag("nl"));
        return reportText.contains(d.getDayOfMonth() + " " + month + " " + d.getYear())
                || reportText.contains(month + " " + d.getYear());
    }

    /** One header line of column names, one line per row; a cell's tab, newline and backslash escaped. */
    static String tsv(List<String> columns, List<Map<String, String>> rows) {
        StringBuilder b = new StringBuilder(String.join("\t", columns)).append('\n');
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                String v = r.get(c);
                cells.add(v == null ? "" : v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
            }
            b.append(String.join("\t", cells)).append('\n');
        }
        return b.toString();
    }

    private static String firstDifference(Path file, String expected, String actual) {
        List<String> e = expected.lines().toList(), a = actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : "(nothing)", al = i < a.size() ? a.get(i) : "(nothing)";
            if (!el.equals(al))
                return file + " differs at line " + (i + 1) + " (" + (e.size() - 1) + " rows expected, " + (a.size() - 1)
                        + " given):\n  expected: " + el + "\n  actual:   " + al;
        }
        return file + " differs in line endings";
    }
}
