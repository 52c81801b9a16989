package nl.arbeidsmigratie.kg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.Graphs;

class CompactJsonTest {
    @Test
    void writesTheSameResultsAsJenasJsonWriterOnTheRealGraph() throws Exception {
        for (String q : List.of(
                "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 3000",
                "SELECT ?s ?label ?missing WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label "
                        + "OPTIONAL { ?s <urn:nothing> ?missing } } ORDER BY ?s ?label",
                "SELECT (COUNT(*) AS ?n) (1.5 AS ?d) (\"a\\\"b\\\\c\\n\\u0001é😀\" AS ?str) WHERE { ?s ?p ?o }")) {
            RowSetRewindable rows;
            try (QueryExec exec = QueryExec.dataset(Graphs.real().dataset()).query(q).build()) {
                rows = exec.select().rewindable();
            }
            ByteArrayOutputStream jena = new ByteArrayOutputStream();
            ResultsWriter.create().lang(ResultSetLang.RS_JSON).build().write(jena, rows);
            rows.reset();
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            CompactJson.Out out = new CompactJson.Out(ours);
            CompactJson.write(out, rows);
            out.flush();
            JSON.parseAny(new ByteArrayInputStream(ours.toByteArray()));
            assertTrue(ResultSetCompare.equalsByTermAndOrder(read(jena.toByteArray()), read(ours.toByteArray())), q);
            assertTrue(ours.size() < jena.size(), "compact output is smaller");
        }
    }

    @Test
    void escapesControlCharactersAndKeepsUnicode() throws Exception {
        Var v = Var.alloc("x");
        RowSet rows = RowSetStream.create(List.of(v), List.of(BindingFactory.binding(v, NodeFactory.createLiteralString("tab\there \"q\" \u0000 ü"))).iterator());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompactJson.Out out = new CompactJson.Out(bytes);
        CompactJson.write(out, rows);
        out.flush();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"x\":{\"type\":\"literal\",\"value\":"
                + "\"tab\\there \\\"q\\\" \\u0000 ü\"}}]}}\n", s);
    }

    private static ResultSetRewindable read(byte[] json) {
        return ResultSetFactory.makeRewindable(ResultSetMgr.read(new ByteArrayInputStream(json), ResultSetLang.RS_JSON));
    }
}
