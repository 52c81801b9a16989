package nl.arbeidsmigratie.kg.sparql;

import java.io.IOException;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;

/**
 * The SPARQL query service with the public-endpoint limits: no SERVICE anywhere in a query ({@link ServiceCheck}),
 * only the extension functions Jena registers itself ({@link SafeFunctions}: no {@code java:}, no {@code afn:wait}),
 * a row cap on every query form that says when it cut ({@link RowCap}), a server-side timeout a client may only
 * lower, and the deadline, memory and parse limits of {@link QueryGuard}. Answers are gathered (within their limits)
 * before the first byte is sent, so a timeout is an error status, not a truncated 200; they are negotiated and sent
 * by {@link SparqlResults}.
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
        String service = ServiceCheck.firstService(query);
        if (service != null)
            ServletOps.errorBadRequest("SERVICE is disabled on this endpoint (the query has SERVICE " + service
                    + "): queries run on this graph only");
        SparqlResults.choose(action, query);
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        QueryExecDatasetBuilder builder = QueryExec.newBuilder().dataset(dataset).query(RowCap.capped(query, maxRows))
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
        QueryExecResult result = guard.run(queryExec, requestQuery,
                () -> super.executeQuery(action, queryExec, requestQuery, queryStringLog));
        if (requestQuery.isSelectType()) {
            RowSetRewindable rows = result.rowSet().rewindable();
            RowSetRewindable cut = RowCap.cut(rows, maxRows);
            if (cut != null) SparqlResults.markCut(action);
            return new QueryExecResult(cut != null ? cut : rows);
        }
        if ((requestQuery.isConstructType() || requestQuery.isDescribeType()) && RowCap.applies(requestQuery, maxRows)) {
            try (QueryExec probe = createQueryExec(action, RowCap.probe(queryExec.getQuery(), maxRows), queryExec.getDataset())) {
                if (probe.select().hasNext()) SparqlResults.markCut(action);
            }
        }
        return result;
    }

    /** Answers in the format {@link SparqlResults#choose} picked, saying so when the row cap cut the result. */
    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue qPrologue) {
        try {
            if (SparqlResults.send(action, result, maxRows)) return;
        } catch (IOException e) {
            ServletOps.errorOccurred(e);
        }
        super.sendResults(action, result, qPrologue);
    }
}
