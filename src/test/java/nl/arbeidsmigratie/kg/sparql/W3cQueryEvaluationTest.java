package nl.arbeidsmigratie.kg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Reply;
import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Request;

/**
 * Every W3C SPARQL 1.0 and 1.1 query-evaluation test, answered twice on the same dataset and the same query text:
 * through the endpoint's path (what a query worker runs: {@link AdHocExecution}, its reply bytes read back as a client
 * would) and through plain ARQ; each answer is compared with the test's expected result. Wherever plain ARQ passes,
 * the endpoint must pass, except the cases in {@link #INTENDED} (SECURITY.md's table of intended differences). The
 * counts are written to {@code target/test-artifacts/w3c-query-evaluation.tsv}.
 *
 * <p>Adaptations, the same for both paths: the query text gets {@code BASE <the query file>} in front (the endpoint
 * parses with Fuseki's base, not the file's), and files named in FROM / FROM NAMED are loaded as named graphs of the
 * dataset (an endpoint reads no files; both paths then pick them with Jena's dynamic datasets).
 */
class W3cQueryEvaluationTest {
    /** Tests the endpoint answers differently from plain ARQ on purpose, with the reason. */
    static final Map<String, String> INTENDED = Map.of();

    enum Outcome { PASS, FAIL, ERROR }

    @Test
    void theEndpointPassesEveryTestPlainArqPasses() throws IOException {
        List<W3cSuite.Case> cases = W3cSuite.queryEvaluationTests();
        assertTrue(cases.size() > 400, "found only " + cases.size() + " tests");
        Map<String, String> rows = new TreeMap<>();
        int arqPass = 0, endpointPass = 0;
        List<String> regressions = new ArrayList<>();
        for (W3cSuite.Case c : cases) {
            Outcome arq = run(c, false);
            Outcome ours = run(c, true);
            if (arq == Outcome.PASS) arqPass++;
            if (ours == Outcome.PASS) endpointPass++;
            rows.put(c.name(), arq + "\t" + ours);
            if (arq == Outcome.PASS && ours != Outcome.PASS && !INTENDED.containsKey(c.name()))
                regressions.add(c.name() + " (" + ours + ")");
        }
        Path out = Path.of("target/test-artifacts/w3c-query-evaluation.tsv");
        Files.createDirectories(out.getParent());
        StringBuilder b = new StringBuilder("# test\tplain ARQ\tendpoint\n");
        rows.forEach((k, v) -> b.append(k).append('\t').append(v).append('\n'));
        b.append("# ").append(cases.size()).append(" tests; plain ARQ passes ").append(arqPass).append(", the endpoint ")
                .append(endpointPass).append('\n');
        Files.writeString(out, b.toString());
        System.out.println("W3C query evaluation: " + cases.size() + " tests; plain ARQ passes " + arqPass
                + ", the endpoint passes " + endpointPass);
        assertEquals(List.of(), regressions, "tests plain ARQ passes and the endpoint does not");
    }

    /** The endpoint's path fails a test that plain ARQ passes, when the endpoint answers differently: seen red. */
    @Test
    void theHarnessTellsAWrongAnswerFromARightOne() {
        W3cSuite.Case c = W3cSuite.queryEvaluationTests().stream()
                .filter(t -> t.name().endsWith("aggregates/agg-multiple-having")).findFirst().orElseThrow();
        assertEquals(Outcome.PASS, run(c, true));
        assertEquals(Outcome.PASS, run(c, false));
        W3cSuite.Case wrong = new W3cSuite.Case(c.name(), c.query(), c.data(), c.graphData(),
                W3cSuite.queryEvaluationTests().stream().filter(t -> t.name().endsWith("aggregates/agg01")).findFirst()
                        .orElseThrow().result());
        assertEquals(Outcome.FAIL, run(wrong, true));
    }

    static Outcome run(W3cSuite.Case c, boolean endpoint) {
        try {
            String text = "BASE <" + c.query().toUri() + ">\n" + Files.readString(c.query(), StandardCharsets.UTF_8);
            Query q = QueryFactory.create(text, Syntax.syntaxARQ);
            DatasetGraph dsg = dataset(c, q);
            String result = c.result() == null ? "" : c.result().getFileName().toString();
            boolean csv = result.endsWith(".csv");
            if (q.isSelectType() || q.isAskType()) {
                Expected expected = expected(c.result());
                if (endpoint) {
                    Reply reply = AdHocExecution.answer(request(text, csv ? "text/csv" : "application/sparql-results+json"), dsg);
                    if (reply.status() != 200) return Outcome.ERROR;
                    if (csv) return same(expected.text, new String(reply.body(), StandardCharsets.UTF_8));
                    SPARQLResult r = ResultsReader.create().lang(ResultSetLang.RS_JSON).build().readAny(new ByteArrayInputStream(reply.body()));
                    return r.isBoolean() ? same(expected.bool, r.getBooleanResult())
                            : compare(expected.rows, RowSet.adapt(r.getResultSet()).rewindable(), q);
                }
                try (QueryExec exec = QueryExec.newBuilder().dataset(dsg).query(q).build()) {
                    if (q.isAskType()) return same(expected.bool, exec.ask());
                    RowSetRewindable rows = exec.select().rewindable();
                    if (!csv) return compare(expected.rows, rows, q);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ResultsWriter.create().lang(ResultSetLang.RS_CSV).build().write(out, rows);
                    return same(expected.text, out.toString(StandardCharsets.UTF_8));
                }
            }
            Graph expected = RDFDataMgr.loadGraph(c.result().toUri().toString());
            Graph actual = GraphFactory.createDefaultGraph();
            if (endpoint) {
                Reply reply = AdHocExecution.answer(request(text, "application/n-triples"), dsg);
                if (reply.status() != 200) return Outcome.ERROR;
                RDFParser.source(new ByteArrayInputStream(reply.body())).lang(Lang.NTRIPLES).parse(actual);
            } else {
                try (QueryExec exec = QueryExec.newBuilder().dataset(dsg).query(q).build()) {
                    (q.isDescribeType() ? exec.describeTriples() : exec.constructTriples()).forEachRemaining(actual::add);
                }
            }
            return expected.isIsomorphicWith(actual) ? Outcome.PASS : Outcome.FAIL;
        } catch (Exception | StackOverflowError e) {
            return Outcome.ERROR;
        }
    }

    private static Request request(String text, String accept) {
        return new Request(1, text, List.of(), List.of(), "", accept, -1, 60_000, 60_000, 10_000);
    }

    /** Default graph from qt:data, named graphs from qt:graphData and from the files FROM / FROM NAMED name. */
    private static DatasetGraph dataset(W3cSuite.Case c, Query q) {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        for (Path p : c.data()) RDFDataMgr.read(dsg.getDefaultGraph(), p.toUri().toString());
        for (Path p : c.graphData()) load(dsg, W3cSuite.iri(p), p);
        List<String> named = new ArrayList<>(q.getGraphURIs());
        named.addAll(q.getNamedGraphURIs());
        for (String u : named) {
            if (!u.startsWith("file:")) continue;
            Path p = Path.of(java.net.URI.create(u));
            if (Files.isRegularFile(p)) load(dsg, org.apache.jena.graph.NodeFactory.createURI(u), p);
        }
        return dsg;
    }

    private static void load(DatasetGraph dsg, Node name, Path p) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFDataMgr.read(g, p.toUri().toString());
        dsg.addGraph(name, g);
    }

    private record Expected(RowSetRewindable rows, Boolean bool, String text) {}

    private static Expected expected(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".csv")) return new Expected(null, null, Files.readString(file));
        Lang lang = name.endsWith(".srx") ? ResultSetLang.RS_XML : name.endsWith(".srj") ? ResultSetLang.RS_JSON
                : name.endsWith(".tsv") ? ResultSetLang.RS_TSV : null;
        if (lang != null) {
            try (InputStream in = Files.newInputStream(file)) {
                SPARQLResult r = ResultsReader.create().lang(lang).build().readAny(in);
                return r.isBoolean() ? new Expected(null, r.getBooleanResult(), null)
                        : new Expected(RowSet.adapt(r.getResultSet()).rewindable(), null, null);
            }
        }
        // Result sets written in RDF (the DAWG result-set vocabulary).
        Model m = RDFDataMgr.loadModel(file.toUri().toString());
        var bool = m.listObjectsOfProperty(m.createProperty("http://www.w3.org/2001/sw/DataAccess/tests/result-set#boolean"));
        if (bool.hasNext()) return new Expected(null, bool.next().asLiteral().getBoolean(), null);
        return new Expected(RowSet.adapt(ResultSetFactory.makeRewindable(m)).rewindable(), null, null);
    }

    private static Outcome compare(RowSetRewindable expected, RowSetRewindable actual, Query q) {
        if (expected == null) return Outcome.FAIL;
        expected.reset();
        actual.reset();
        boolean ordered = q.hasOrderBy();
        boolean byTerm = ordered ? ResultSetCompare.equalsByTermAndOrder(expected, actual) : ResultSetCompare.equalsByTerm(expected, actual);
        expected.reset();
        actual.reset();
        boolean byValue = byTerm || (ordered ? ResultSetCompare.equalsByValueAndOrder(expected, actual)
                : ResultSetCompare.equalsByValue(expected, actual));
        return byValue ? Outcome.PASS : Outcome.FAIL;
    }

    private static Outcome same(Object expected, Object actual) {
        if (expected instanceof String e && actual instanceof String a)
            return e.replace("\r\n", "\n").strip().equals(a.replace("\r\n", "\n").strip()) ? Outcome.PASS : Outcome.FAIL;
        return expected != null && expected.equals(actual) ? Outcome.PASS : Outcome.FAIL;
    }
}
