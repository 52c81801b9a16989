package nl.arbeidsmigratie.kg.sparql;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * The two things a public endpoint refuses in an otherwise valid query, found before it runs:
 * <ul>
 * <li>{@code SERVICE} anywhere (a query must not make this server call other hosts);</li>
 * <li>a {@code java:} function or property function: Jena loads and instantiates any class on the class path that such
 * an IRI names.</li>
 * </ul>
 * It walks the query's algebra with Jena's {@link Walker} and an expression visitor, so that it reaches nested groups,
 * OPTIONAL, UNION, MINUS, GRAPH, LATERAL, sub-queries, {@code EXISTS} in filters, BIND, projections, GROUP BY and
 * HAVING, and the WHERE clause of CONSTRUCT and DESCRIBE. Jena's walker does not enter ORDER BY conditions or
 * aggregates (an {@code EXISTS} can sit in either), so those are walked here.
 */
final class QueryChecks {
    private static final String JAVA = "java:";

    private QueryChecks() {}

    /** Why {@code query} is refused, or null when it may run. */
    static String refusal(Query query) {
        Finder finder = new Finder();
        Walker.walk(Algebra.compile(query), finder, finder.exprs);
        if (finder.service != null)
            return "SERVICE is disabled on this endpoint (the query has SERVICE " + finder.service
                    + "): queries run on this graph only";
        if (finder.java != null)
            return "java: functions are not offered on this endpoint (the query names " + finder.java + ")";
        return null;
    }

    private static final class Finder extends OpVisitorBase {
        String service;
        String java;
        final ExprVisitorBase exprs = new ExprVisitorBase() {
            @Override public void visit(ExprFunctionN f) {
                if (f instanceof E_Function fn && fn.getFunctionIRI().startsWith(JAVA) && java == null) java = fn.getFunctionIRI();
            }
        };

        @Override public void visit(OpService s) {
            if (service == null) service = FmtUtils.stringForNode(s.getService());
        }

        @Override public void visit(OpBGP bgp) { bgp.getPattern().forEach(this::predicate); }
        @Override public void visit(OpTriple t) { predicate(t.getTriple()); }
        @Override public void visit(OpQuadPattern q) { q.getPattern().getList().forEach(quad -> predicate(quad.asTriple())); }

        @Override public void visit(OpOrder o) { conditions(o.getConditions()); }
        @Override public void visit(OpTopN o) { conditions(o.getConditions()); }

        @Override public void visit(OpGroup g) {
            for (ExprAggregator a : g.getAggregators())
                if (a.getAggregator().getExprList() != null)
                    for (Expr e : a.getAggregator().getExprList()) walk(e);
        }

        private void predicate(Triple t) { javaIri(t.getPredicate()); }

        private void javaIri(Node n) {
            if (n != null && n.isURI() && n.getURI().startsWith(JAVA) && java == null) java = n.getURI();
        }

        private void conditions(List<SortCondition> conditions) {
            for (SortCondition c : conditions) walk(c.getExpression());
        }

        private void walk(Expr e) {
            Walker.walk(e, this, exprs);
        }
    }

}
