package nl.arbeidsmigratie.kg.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.resultset.ResultsWriter;

import nl.arbeidsmigratie.kg.digest.Sha256;

/**
 * One computed answer, rendered once in every {@link ResultFormat}: the API, the CLI and the web page's table and
 * downloads all serve these same bytes. Its ETags depend only on the data version and the canonical question, so
 * they are the same after a restart and on every replica.
 */
public final class Answer {
    private final AnswerKey key;
    private final byte[][] bodies;
    private final String tag;
    private volatile Table table;

    Answer(AnswerKey key, byte[][] bodies, String dataVersion) {
        if (bodies.length != ResultFormat.values().length) throw new IllegalArgumentException("one body per format");
        this.key = key;
        this.bodies = bodies;
        this.tag = digest(dataVersion + "\n" + key.canonical());
    }

    static Answer render(AnswerKey key, RowSetRewindable rows, String dataVersion) {
        byte[][] bodies = new byte[ResultFormat.values().length][];
        for (ResultFormat f : ResultFormat.values()) {
            rows.reset();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResultsWriter.create().lang(f.lang).build().write(out, rows);
            bodies[f.ordinal()] = out.toByteArray();
        }
        return new Answer(key, bodies, dataVersion);
    }

    public AnswerKey key() { return key; }
    public byte[] body(ResultFormat f) { return bodies[f.ordinal()]; }
    byte[][] bodies() { return bodies; }

    /** A strong ETag per format, e.g. {@code "3fa2…-json"}. */
    public String etag(ResultFormat f) { return "\"" + tag + "-" + f.paramName() + "\""; }

    /** Bytes held, for the cache's budget. */
    public long size() {
        long n = 0;
        for (byte[] b : bodies) n += b.length;
        return n;
    }

    /** The answer as a table of RDF terms, for pages; read back from the JSON once, on first use. */
    public Table table() {
        Table t = table;
        if (t == null) {
            t = Table.read(body(ResultFormat.JSON));
            table = t;
        }
        return t;
    }

    /** Column names and rows (variable → term; unbound variables are absent). */
    public record Table(List<String> vars, List<Map<String, Node>> rows) {
        static Table read(byte[] json) {
            RowSet rs = RowSet.adapt(ResultSetMgr.read(new ByteArrayInputStream(json), ResultSetLang.RS_JSON));
            List<String> vars = rs.getResultVars().stream().map(v -> v.getVarName()).toList();
            List<Map<String, Node>> rows = new ArrayList<>();
            rs.forEachRemaining(b -> {
                Map<String, Node> row = new LinkedHashMap<>();
                b.vars().forEachRemaining(v -> row.put(v.getVarName(), b.get(v)));
                rows.add(row);
            });
            return new Table(vars, List.copyOf(rows));
        }

        /** Each cell as plain text: an IRI, or a literal's lexical form. */
        public List<Map<String, String>> strings() {
            List<Map<String, String>> out = new ArrayList<>();
            for (Map<String, Node> row : rows) {
                Map<String, String> m = new LinkedHashMap<>();
                row.forEach((k, n) -> m.put(k, n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString()));
                out.add(m);
            }
            return out;
        }
    }

    static String digest(String s) {
        return Sha256.hex(s).substring(0, 20);
    }
}
