package nl.arbeidsmigratie.kg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Reply;
import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Request;
import nl.arbeidsmigratie.kg.testsupport.Graphs;

/**
 * A corpus of queries over the real graph ({@code src/test/resources/sparql/differential.rq}, the seven examples of
 * issue 16 first), each answered by the endpoint's path ({@link AdHocExecution}, as a worker runs it) and by plain ARQ
 * with Jena's own writers, in JSON, XML, CSV and TSV: the bytes must be the same.
 */
class DifferentialTest {
    private static final List<Lang> FORMATS = List.of(ResultSetLang.RS_JSON, ResultSetLang.RS_XML, ResultSetLang.RS_CSV,
            ResultSetLang.RS_TSV);
    private static final List<String> ACCEPT = List.of("application/sparql-results+json", "application/sparql-results+xml",
            "text/csv", "text/tab-separated-values");

    static Stream<Arguments> corpus() throws IOException {
        String text;
        try (InputStream in = DifferentialTest.class.getResourceAsStream("/sparql/differential.rq")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (String block : text.split("(?m)^#---\\s*$")) {
            String q = block.lines().filter(l -> !l.startsWith("# ")).reduce("", (a, b) -> a + b + "\n").strip();
            if (!q.isEmpty()) out.add(Arguments.of(++i, q));
        }
        assertTrue(out.size() >= 50, "the corpus has " + out.size() + " queries");
        return out.stream();
    }

    @ParameterizedTest(name = "query {0}")
    @MethodSource("corpus")
    void theEndpointAnswersByteForByteAsPlainArq(int n, String query) {
        DatasetGraph dsg = Graphs.real().dataset();
        for (int f = 0; f < FORMATS.size(); f++) {
            Reply ours = AdHocExecution.answer(new Request(n, query, List.of(), List.of(), "", ACCEPT.get(f), -1, 60_000, 60_000, 100_000),
                    new FrozenDataset(dsg));
            assertEquals(200, ours.status(), query + "\n" + ours.message());
            assertEquals(plain(query, dsg, FORMATS.get(f)), new String(ours.body(), StandardCharsets.UTF_8),
                    FORMATS.get(f).getName() + " of\n" + query);
        }
    }

    /** Plain ARQ as plain Fuseki runs it: the same parse, Jena's writer. */
    static String plain(String query, DatasetGraph dsg, Lang lang) {
        Query q = QueryFactory.create(query, AdHocExecution.BASE, Syntax.syntaxARQ);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (QueryExec exec = QueryExec.newBuilder().dataset(dsg).query(q).build()) {
            if (q.isAskType()) ResultsWriter.create().lang(lang).build().write(out, exec.ask());
            else ResultsWriter.create().lang(lang).build().write(out, exec.select());
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
