package nl.arbeidsmigratie.kg.sparql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Answers gathered in full before the first byte is sent, so that a timeout or a limit is an error status and never a
 * cut-off 200, and bounded while they are gathered: at most {@link Limits#MAX_RESULT_BYTES} (each value counted as it
 * will be written, escapes included) and, for CONSTRUCT and DESCRIBE, {@link Limits#MAX_TRIPLES} triples. Writing
 * then streams through Jetty's buffer; the whole body is never held as bytes.
 */
final class BoundedResults {
    private BoundedResults() {}

    static RowSet select(QueryExec exec, long maxBytes) {
        RowSet rows = exec.select();
        List<Var> vars = rows.getResultVars();
        List<Binding> kept = new ArrayList<>();
        long bytes = 64;
        while (rows.hasNext()) {
            Binding b = rows.next();
            bytes += 16;
            for (Iterator<Var> it = b.vars(); it.hasNext(); ) bytes += size(b.get(it.next()));
            if (bytes > maxBytes) throw tooBig(maxBytes);
            // A copy of the projected values only: Jena's projected row keeps the whole row under it, so a value
            // bound but not projected (a 1 MB string per row) would be held without being counted.
            kept.add(BindingFactory.copy(b));
        }
        return RowSetStream.create(vars, kept.iterator());
    }

    static DatasetGraph construct(QueryExec exec, long maxBytes, long maxTriples) {
        DatasetGraph out = DatasetGraphFactory.create();
        long bytes = 0;
        long n = 0;
        for (Iterator<Quad> it = exec.constructQuads(); it.hasNext(); ) {
            Quad q = it.next();
            bytes += size(q.getSubject()) + size(q.getPredicate()) + size(q.getObject()) + size(q.getGraph()) + 8;
            if (++n > maxTriples) throw tooMany(maxTriples);
            if (bytes > maxBytes) throw tooBig(maxBytes);
            out.add(q);
        }
        return out;
    }

    static Graph describe(QueryExec exec, long maxBytes, long maxTriples) {
        Graph out = GraphFactory.createDefaultGraph();
        long bytes = 0;
        long n = 0;
        for (Iterator<Triple> it = exec.describeTriples(); it.hasNext(); ) {
            Triple t = it.next();
            bytes += size(t.getSubject()) + size(t.getPredicate()) + size(t.getObject()) + 8;
            if (++n > maxTriples) throw tooMany(maxTriples);
            if (bytes > maxBytes) throw tooBig(maxBytes);
            out.add(t);
        }
        return out;
    }

    private static LimitExceeded tooBig(long maxBytes) {
        return new LimitExceeded("the answer would be larger than " + (maxBytes >> 20)
                + " MiB, the limit of this endpoint; ask for fewer rows (LIMIT) or shorter values");
    }

    private static LimitExceeded tooMany(long maxTriples) {
        return new LimitExceeded("the answer would have more than " + maxTriples
                + " triples, the limit of this endpoint; add a LIMIT or narrow the pattern");
    }

    /** Bytes a term takes in the most verbose result format: escapes at their longest, plus markup. */
    static long size(Node n) {
        if (n == null) return 0;
        if (n.isURI()) return 32 + chars(n.getURI());
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            return 48 + chars(n.getLiteralLexicalForm()) + (lang == null ? 0 : lang.length())
                    + chars(n.getLiteralDatatypeURI());
        }
        if (n.isTripleTerm()) {
            Triple t = n.getTriple();
            return 32 + size(t.getSubject()) + size(t.getPredicate()) + size(t.getObject());
        }
        return 48;
    }

    private static long chars(String s) {
        if (s == null) return 0;
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"' || c == '\'' || c == '\\') n += 6;
            else if (c < 0x80) n += 1;
            else if (c < 0x800 || Character.isSurrogate(c)) n += 2;
            else n += 3;
        }
        return n;
    }
}
