package nl.arbeidsmigratie.kg.sparql;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.ElementVisitorBase;

/**
 * The SPARQL query service with the public-endpoint limits: no SERVICE, only the extension functions Jena registers
 * itself ({@link SafeFunctions}: no {@code java:}, no {@code afn:wait}), a row cap on every query form, a
 * server-side timeout a client may only lower, and the deadline, memory and parse limits of {@link QueryGuard}.
 * Answers are gathered (within their limits) before the first byte is sent, so a timeout is an error status, not a
 * truncated 200.
 */
final class SafeQueryService extends SPARQL_QueryDataset {
    private final long timeoutMillis;
    private final long maxRows;
    private final FunctionRegistry functions = new SafeFunctions(FunctionRegistry.get());
    private final PropertyFunctionRegistry propertyFunctions = new SafeFunctions.Properties(PropertyFunctionRegistry.get());
    private final QueryGuard guard;

    SafeQueryService(long timeoutMillis, long maxRows) {
        this.timeoutMillis = timeoutMillis;
        this.maxRows = maxRows;
        this.guard = new QueryGuard(timeoutMillis, maxRows);
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        guard.execute(action, queryString, clientTimeout(action), () -> super.execute(queryString, action));
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        if (query.getQueryPattern() != null) {
            ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
                @Override public void visit(ElementService el) {
                    ServletOps.errorBadRequest("SERVICE is disabled on this endpoint: queries run on this graph only");
                }
            });
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        Query capped = query.cloneQuery();
        if (!capped.isAskType() && (!capped.hasLimit() || capped.getLimit() > maxRows)) capped.setLimit(maxRows);
        QueryExecDatasetBuilder builder = QueryExec.newBuilder().dataset(dataset).query(capped)
                .context(action.getContext())
                .set(ARQConstants.registryFunctions, functions)
                .set(ARQConstants.registryPropertyFunctions, propertyFunctions);
        return guard.build(action, builder);
    }

    /** The client's {@code timeout=} (seconds) if it is lower than the server's; never higher. */
    private long clientTimeout(HttpAction action) {
        String t = action.getRequestParameter("timeout");
        if (t == null) return timeoutMillis;
        try {
            double seconds = Double.parseDouble(t);
            if (seconds <= 0 || Double.isNaN(seconds)) return timeoutMillis;
            return Math.min(timeoutMillis, (long) (seconds * 1000));
        } catch (NumberFormatException e) {
            ServletOps.errorBadRequest("timeout must be a number of seconds, not '" + t + "'");
            return timeoutMillis;
        }
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query requestQuery,
                                           String queryStringLog) {
        return guard.run(queryExec, requestQuery,
                () -> super.executeQuery(action, queryExec, requestQuery, queryStringLog));
    }
}
