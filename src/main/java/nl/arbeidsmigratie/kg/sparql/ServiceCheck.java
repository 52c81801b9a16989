package nl.arbeidsmigratie.kg.sparql;

import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprVisitor;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * Finds {@code SERVICE} anywhere in a query. It walks the query's algebra, not its syntax tree, with Jena's
 * {@link Walker} and an expression visitor, so that it reaches nested groups, OPTIONAL, UNION, MINUS, GRAPH, LATERAL,
 * sub-queries, {@code EXISTS}/{@code NOT EXISTS} in filters, BIND, projections, GROUP BY and HAVING, and the WHERE
 * clause of CONSTRUCT and DESCRIBE. Jena's walker does not enter ORDER BY conditions or aggregates (an
 * {@code EXISTS} can sit in either), so those are walked here. (A walk of the syntax tree with
 * {@code ElementWalker}, as before, missed sub-queries and EXISTS.)
 */
final class ServiceCheck {
    private ServiceCheck() {}

    /** The endpoint named by the first SERVICE in {@code query}, as written ({@code <iri>} or {@code ?var}), or null. */
    static String firstService(Query query) {
        Finder finder = new Finder();
        Walker.walk(Algebra.compile(query), finder, finder.exprs);
        return finder.found;
    }

    private static final class Finder extends OpVisitorBase {
        final ExprVisitor exprs = new ExprVisitorBase();
        String found;

        @Override public void visit(OpService s) {
            if (found == null) found = FmtUtils.stringForNode(s.getService());
        }

        @Override public void visit(OpOrder o) { conditions(o.getConditions()); }
        @Override public void visit(OpTopN o) { conditions(o.getConditions()); }

        @Override public void visit(OpGroup g) {
            for (ExprAggregator a : g.getAggregators())
                if (a.getAggregator().getExprList() != null)
                    for (Expr e : a.getAggregator().getExprList()) walk(e);
        }

        private void conditions(List<SortCondition> conditions) {
            for (SortCondition c : conditions) walk(c.getExpression());
        }

        private void walk(Expr e) {
            Walker.walk(e, this, exprs);
        }
    }
}
