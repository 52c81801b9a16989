package nl.arbeidsmigratie.kg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.Graphs;

/**
 * The safe engine on the real graph, in process: each query below ran away (time or memory) on Jena's own engine.
 * Each test fails when its protection is taken out of {@link SafeEngine}, {@link SafeExprs}, {@link SafeAggregates}
 * or {@link SafeFunctions}.
 */
class SafeEngineTest {
    private static DatasetGraph dataset;
    private static final FunctionRegistry FUNCTIONS = new SafeFunctions(FunctionRegistry.get());
    private static final PropertyFunctionRegistry PROPERTY_FUNCTIONS = new SafeFunctions.Properties(PropertyFunctionRegistry.get());

    @BeforeAll
    static void load() {
        dataset = Graphs.real().dataset();
        new QueryGuard(30_000, 10_000);
    }

    /** Runs a query as the endpoint does: budget, safe functions, timeout; all rows materialised. */
    static RowSetRewindable run(String query, long timeoutMillis) {
        Budget budget = new Budget(timeoutMillis);
        try (QueryExec exec = QueryExec.newBuilder().dataset(dataset)
                .query(QueryFactory.create(query, Syntax.syntaxARQ))
                .set(Budget.SYMBOL, budget)
                .set(ARQConstants.registryFunctions, FUNCTIONS)
                .set(ARQConstants.registryPropertyFunctions, PROPERTY_FUNCTIONS)
                .set(org.apache.jena.query.ARQ.spillToDiskThreshold, Limits.SPILL_THRESHOLD)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
            budget.attach(exec.getContext());
            return exec.select().rewindable();
        }
    }

    static String value(String query) {
        RowSetRewindable rows = run(query, 10_000);
        if (!rows.hasNext()) return null;
        var b = rows.next();
        var v = b.get(rows.getResultVars().get(0));
        return v == null ? null : v.isLiteral() ? v.getLiteralLexicalForm() : v.toString();
    }

    static long millis(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    @Test
    void regexIsLinearAndStopsAtTheDeadline() {
        // Exponential on java.util.regex; instant on RE2.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertEquals("false", value("SELECT (REGEX(\"" + "a".repeat(40) + "\", \"(.*a){20}b\") AS ?x) {}")));
        // Linear but slow (a large program times 792,000 characters: seconds on RE2): stopped by the deadline, not by
        // finishing.
        String input = "abcdefghijk".repeat(9_000);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            long ms = millis(() -> assertThrows(QueryCancelledException.class, () ->
                    run("SELECT ?x { BIND(\"" + input + "\" AS ?s0) BIND(CONCAT(?s0, ?s0) AS ?s1) BIND(CONCAT(?s1, ?s1) AS ?s2) "
                            + "BIND(CONCAT(?s2, ?s2) AS ?s) BIND(REGEX(?s, \"(a|b|c|d|e|f|g|h|i|j|k){1,1000}z\") AS ?x) }", 500)));
            assertTrue(ms < 3_000, "took " + ms + " ms");
        });
    }

    @Test
    void regexKeepsItsMeaning() {
        assertEquals("true", value("SELECT (REGEX(\"Wet goed verhuurderschap\", \"^wet\\\\s+GOED\", \"i\") AS ?x) {}"));
        assertEquals("true", value("SELECT (REGEX(\"a.b\", \".\", \"q\") AS ?x) {}"));
        assertEquals("false", value("SELECT (REGEX(\"axb\", \"a.b\", \"q\") AS ?x) {}"));
        assertEquals("true", value("SELECT (REGEX(\"ab\", \"a b\", \"x\") AS ?x) {}"));
        assertEquals("b-a", value("SELECT (REPLACE(\"a-b\", \"(a)-(b)\", \"$2-$1\") AS ?x) {}"));
        assertEquals("x$y", value("SELECT (REPLACE(\"x-y\", \"-\", \"\\\\$\") AS ?x) {}"));
        assertEquals("true", value("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (fn:matches(\"abc\", \"B\", \"i\") AS ?x) {}"));
    }

    @Test
    void regexFeaturesRe2LacksAreRefusedByName() {
        LimitExceeded e = assertThrows(LimitExceeded.class, () -> run("SELECT (REGEX(\"aa\", \"(a)\\\\1\") AS ?x) {}", 5_000));
        assertTrue(e.getMessage().contains("back-references"), e.getMessage());
        e = assertThrows(LimitExceeded.class, () -> run("SELECT (REGEX(\"a\", \"" + "a".repeat(Limits.MAX_PATTERN + 1) + "\") AS ?x) {}", 5_000));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void replaceCannotBuildAHugeString() {
        String big = "x".repeat(20_000);
        long ms = millis(() -> assertThrows(LimitExceeded.class,
                () -> run("SELECT (REPLACE(\"" + big + "\", \".\", \"" + big + "\") AS ?x) {}", 10_000)));
        assertTrue(ms < 2_000, "took " + ms + " ms");
    }

    @Test
    void doublingConcatStopsAtTheStringLimit() {
        StringBuilder q = new StringBuilder("SELECT ?v27 { BIND(\"xxxxxxxxxx\" AS ?v0) ");
        for (int i = 1; i <= 27; i++) q.append("BIND(CONCAT(?v").append(i - 1).append(", ?v").append(i - 1).append(") AS ?v").append(i).append(") ");
        LimitExceeded e = assertThrows(LimitExceeded.class, () -> run(q.append("}").toString(), 10_000));
        assertTrue(e.getMessage().contains("string longer than " + Limits.MAX_STRING), e.getMessage());
        // Inside a FILTER too (Jena swallows any other exception there, row by row).
        assertThrows(LimitExceeded.class, () -> run(q.toString().replace("SELECT ?v27 {", "SELECT * {")
                .replace("}", "FILTER(STRLEN(CONCAT(?v27, ?v27)) > 0) }"), 10_000));
    }

    @Test
    void groupConcatStopsAtTheStringLimit() {
        long ms = millis(() -> assertThrows(LimitExceeded.class, () -> run(
                "SELECT (GROUP_CONCAT(STR(?o)) AS ?x) { ?a ?b ?c . ?s ?p ?o }", 30_000)));
        assertTrue(ms < 20_000, "took " + ms + " ms");
    }

    @Test
    void countDistinctOverACrossProductStopsAtTheHeldValuesLimit() {
        LimitExceeded e = assertThrows(LimitExceeded.class,
                () -> run("SELECT (COUNT(DISTINCT *) AS ?n) { ?a ?b ?c . ?d ?e ?f }", 30_000));
        assertTrue(e.getMessage().contains("distinct values"), e.getMessage());
        assertEquals("790", value("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }").length() > 0 ? "790" : "");
    }

    static QueryExec exec(String query) {
        Budget budget = new Budget(30_000);
        QueryExec exec = QueryExec.newBuilder().dataset(dataset).query(QueryFactory.create(query, Syntax.syntaxARQ))
                .set(Budget.SYMBOL, budget).set(ARQConstants.registryFunctions, FUNCTIONS)
                .timeout(30_000, TimeUnit.MILLISECONDS).build();
        budget.attach(exec.getContext());
        return exec;
    }

    @Test
    void answersStopAtTheirByteAndTripleLimits() {
        String rows = "SELECT ?s ?big { ?s ?p ?o BIND(CONCAT(STR(?o), \"" + "y".repeat(100_000) + "\") AS ?big) } LIMIT 10000";
        try (QueryExec e = exec(rows)) {
            LimitExceeded x = assertThrows(LimitExceeded.class, () -> BoundedResults.select(e, Limits.MAX_RESULT_BYTES));
            assertTrue(x.getMessage().contains("larger than 32 MiB"), x.getMessage());
        }
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < 1_000; i++) template.append("?s <urn:p").append(i).append("> ?o . ");
        try (QueryExec e = exec("CONSTRUCT { " + template + "} WHERE { ?s ?p ?o } LIMIT 10000")) {
            LimitExceeded x = assertThrows(LimitExceeded.class, () -> BoundedResults.construct(e, Limits.MAX_RESULT_BYTES, Limits.MAX_TRIPLES));
            assertTrue(x.getMessage().contains("more than 100000 triples"), x.getMessage());
        }
        try (QueryExec e = exec("DESCRIBE ?s WHERE { ?s ?p ?o } LIMIT 10000")) {
            assertThrows(LimitExceeded.class, () -> BoundedResults.describe(e, 1 << 20, Limits.MAX_TRIPLES));
        }
        try (QueryExec e = exec("SELECT * { ?s ?p ?o } LIMIT 100")) {
            assertEquals(100, BoundedResults.select(e, Limits.MAX_RESULT_BYTES).rewindable().size());
        }
        // A value bound but not projected is neither counted nor kept: each row kept holds only what it shows (Jena's
        // projected row would keep the 100 KB string under it, uncounted).
        try (QueryExec e = exec("SELECT ?s { ?s ?p ?o BIND(CONCAT(STR(?o), \"" + "y".repeat(100_000) + "\") AS ?big) } LIMIT 100")) {
            var kept = BoundedResults.select(e, Limits.MAX_RESULT_BYTES);
            while (kept.hasNext()) {
                var row = kept.next();
                assertFalse(row instanceof org.apache.jena.sparql.engine.binding.BindingProject, "a projection kept whole");
            }
        }
    }

    @Test
    void sortingStopsAtTheDeadline() {
        // Preemptive: without the protection the sort does not stop at all, and the test must fail, not hang. Both
        // queries take far longer than the deadline on any machine (the closure alone took 2 s here; this is its square).
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            long ms = millis(() -> assertThrows(QueryCancelledException.class,
                    () -> run("SELECT ?s ?o { ?s (<urn:x>|!<urn:x>)* ?m . ?m (<urn:x>|!<urn:x>)* ?o } ORDER BY ?o LIMIT 10000", 2_000)));
            assertTrue(ms < 6_000, "took " + ms + " ms");
            ms = millis(() -> assertThrows(QueryCancelledException.class,
                    () -> run("SELECT ?a ?o { ?a ?b ?c . ?s ?p ?o } ORDER BY (CONCAT(STR(?o), STR(?a))) OFFSET 20000 LIMIT 10", 2_000)));
            assertTrue(ms < 6_000, "took " + ms + " ms");
        });
    }

    @Test
    void javaFunctionsLoadedEarlierInTheProcessStayOut() {
        String uri = "java:org.apache.jena.sparql.function.library.FN_StrConcat";
        FunctionRegistry.get().put(uri, org.apache.jena.sparql.function.library.FN_StrConcat.class);
        try {
            assertEquals(null, new SafeFunctions(FunctionRegistry.get()).get(uri));
        } finally {
            FunctionRegistry.get().remove(uri);
        }
    }

    @Test
    void functionsJenaWouldLoadByNameAreUnknown() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertEquals(null, value("SELECT ?x { BIND(<http://jena.apache.org/ARQ/function#wait>(60000) AS ?x) }")));
        assertEquals(null, value("SELECT ?x { BIND(<http://jena.apache.org/ARQ/function#sprintf>(\"%999999999d\", 1) AS ?x) }"));
        assertEquals(null, value("SELECT ?x { BIND(<java:org.apache.jena.sparql.function.library.FN_StrConcat>(\"a\", \"b\") AS ?x) }"));
        assertFalse(run("SELECT ?x { ?x <http://jena.apache.org/ARQ/property#concat> (\"a\" \"b\") }", 5_000).hasNext());
        assertEquals("ab", value("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (fn:concat(\"a\", \"b\") AS ?x) {}"));
    }

    @Test
    void xmlResultsNeverCarryCharactersXmlCannot() throws Exception {
        RowSet rows = run("SELECT ?x { VALUES ?x { \"a\\u0000b\" \"c\\u0001d\" \"e\\uFFFEf\" \"tab\\there\" } }", 5_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsWriter.create().lang(ResultSetLang.RS_XML).build().write(out, rows);
        String xml = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(xml.contains("a\uFFFDb") && xml.contains("c\uFFFDd") && xml.contains("e\uFFFDf") && xml.contains("tab&#x0009;here"), xml);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }
}
