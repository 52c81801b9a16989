package nl.arbeidsmigratie.kg.sparql;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;

/**
 * Finds {@code SERVICE} anywhere in a query. It walks the query's algebra, not its syntax tree, with Jena's
 * {@link Walker} and an expression visitor, so nothing is out of its reach: nested groups, OPTIONAL, UNION, MINUS,
 * GRAPH, sub-queries, {@code EXISTS}/{@code NOT EXISTS} in filters, BIND, projections, GROUP BY, HAVING and ORDER BY,
 * and the WHERE clause of CONSTRUCT and DESCRIBE. (A walk of the syntax tree with {@code ElementWalker} misses
 * sub-queries and EXISTS.)
 */
final class ServiceCheck {
    private ServiceCheck() {}

    /** The endpoint named by the first SERVICE in {@code query} ({@code ?var} for a variable one), or null. */
    static String firstService(Query query) {
        Op op = Algebra.compile(query);
        String[] found = {null};
        Walker.walk(op, new OpVisitorBase() {
            @Override public void visit(OpService s) {
                if (found[0] == null) found[0] = s.getService().toString();
            }
        }, new ExprVisitorBase());
        return found[0];
    }
}
