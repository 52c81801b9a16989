package nl.arbeidsmigratie.kg.sparql;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The row cap, never silent. A query without a LIMIT, or with one above the cap, is cut at the cap, and the answer
 * then carries {@code X-SPARQL-MaxRows: cap} (the header Virtuoso and other public endpoints send). SELECT asks
 * for one row more than the cap: if it comes, the result was cut. CONSTRUCT and DESCRIBE are capped at the cap in
 * solutions, and a one-row probe past the cap tells whether more solutions were left out.
 */
final class RowCap {
    /** The response header that says a result was cut, and at how many rows. */
    static final String HEADER = "X-SPARQL-MaxRows";

    private RowCap() {}

    /** True when the cap, not the query's own LIMIT, bounds the result. */
    static boolean applies(Query q, long max) {
        return !q.isAskType() && (!q.hasLimit() || q.getLimit() > max);
    }

    /** The query as it runs: SELECT one row past the cap, the other forms at the cap. */
    static Query capped(Query q, long max) {
        Query c = q.cloneQuery();
        if (applies(q, max)) c.setLimit(q.isSelectType() ? max + 1 : max);
        return c;
    }

    /** A SELECT result cut to the cap, or null when it was within it. */
    static RowSetRewindable cut(RowSetRewindable rows, long max) {
        if (rows.size() <= max) return null;
        List<Binding> kept = new ArrayList<>((int) max);
        for (long i = 0; i < max; i++) kept.add(rows.next());
        List<Var> vars = rows.getResultVars();
        return RowSetStream.create(vars, kept.iterator()).rewindable();
    }

    /**
     * A query with one solution exactly when {@code capped} (a CONSTRUCT or DESCRIBE at the cap) left solutions out:
     * the same pattern, dataset and modifiers as SELECT, starting right after the cap, for one row.
     */
    static Query probe(Query capped, long max) {
        Query p = capped.cloneQuery();
        p.setQuerySelectType();
        // SELECT * is not allowed with GROUP BY: there the grouping variables are the row.
        p.setQueryResultStar(!p.hasGroupBy());
        if (p.hasGroupBy())
            for (Var v : p.getGroupBy().getVars()) if (!p.getProjectVars().contains(v)) p.addResultVar(v);
        p.setOffset((capped.hasOffset() ? capped.getOffset() : 0) + max);
        p.setLimit(1);
        return p;
    }
}
