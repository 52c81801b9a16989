package nl.arbeidsmigratie.kg.sparql;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.Timeouts;

import nl.arbeidsmigratie.kg.http.Negotiation;
import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Reply;
import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Request;

/**
 * The SPARQL query service of {@code /kg/sparql} and {@code /kg/query}. Fuseki reads the protocol (GET, POST form, POST
 * body, the checks on {@code query=}); this class then hands the query text, the protocol's dataset, the format
 * wishes and the deadline to a {@link WorkerPool worker process}, which parses, checks, runs and writes it with plain
 * Jena ({@link AdHocExecution}), and relays the reply. The server itself never parses or runs an ad-hoc query. The
 * deadline starts when the request does; a client's {@code timeout=} (Fuseki's forms: {@code s} or
 * {@code first,overall}) may only lower it.
 */
final class AdHocQueryService extends SPARQL_QueryDataset {
    /** Says that a result was cut at the row cap, and at how many rows (the header Virtuoso and others send). */
    static final String MAX_ROWS_HEADER = "X-SPARQL-MaxRows";
    private final WorkerPool workers;
    private final QueryCosts costs;
    private final long timeoutMillis;
    private final long maxRows;

    AdHocQueryService(WorkerPool workers, QueryCosts costs, long timeoutMillis, long maxRows) {
        this.workers = workers;
        this.costs = costs;
        this.timeoutMillis = timeoutMillis;
        this.maxRows = maxRows;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        long start = System.nanoTime();
        long[] timeouts = timeouts(action);
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeouts[1]);
        Request request = new Request(0, queryString, values(action, "default-graph-uri"), values(action, "named-graph-uri"),
                formatParameter(action), accept(action), timeouts[0], timeouts[1], timeouts[1], maxRows);
        QueryCosts.Turn turn;
        try {
            turn = costs.enter(QueryCosts.key(queryString), timeouts[1]);
        } catch (QueryCosts.Refused e) {
            action.getResponse().setHeader("Retry-After", Long.toString(e.retryAfterSeconds));
            refuse(action, 503, e.getMessage());
            return;
        }
        Reply reply;
        QueryCosts.Outcome outcome = QueryCosts.Outcome.NOT_RUN;
        long ran = 0;
        try {
            WorkerPool.Answered answered = workers.run(request, deadline, timeouts[1]);
            reply = answered.reply();
            ran = answered.ranMillis();
            outcome = reply.status() == 200 ? QueryCosts.Outcome.ANSWERED : QueryCosts.Outcome.FAILED;
        } catch (WorkerPool.NoAnswer e) {
            outcome = e.outcome;
            ran = e.ranMillis;
            if (e.status == 503) action.getResponse().setHeader("Retry-After", "2");
            refuse(action, e.status, e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(action, 503, "the server is stopping");
            return;
        } finally {
            costs.leave(turn, ran, outcome);
        }
        if (reply.status() != 200) {
            refuse(action, reply.status(), reply.message());
            return;
        }
        ServletOps.setNoCache(action);
        action.setResponseHeader("Vary", "Accept");
        if (reply.cut()) action.setResponseHeader(MAX_ROWS_HEADER, Long.toString(maxRows));
        ServletOps.success(action);
        action.setResponseContentType(reply.contentType());
        action.setResponseContentLength(reply.body().length);
        try {
            OutputStream out = action.getResponseOutputStream();
            out.write(reply.body());
        } catch (IOException e) {
            ServletOps.errorOccurred(e);
        }
    }

    /** Never called: {@link #execute(String, HttpAction)} hands the query over unparsed. */
    @Override
    protected void validateQuery(HttpAction action, Query query) {}

    /**
     * {first-result, overall} in milliseconds: the server's limit, lowered by a client's {@code timeout=} read with
     * Jena's own parser of Fuseki's forms; -1 for no first-result limit.
     */
    private long[] timeouts(HttpAction action) {
        String t = action.getRequestParameter("timeout");
        if (t == null || t.isBlank()) return new long[] {-1, timeoutMillis};
        Pair<Long, Long> p;
        try {
            p = Timeouts.parseTimeoutStr(t.strip(), TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            p = null;
        }
        if (p == null) {
            // Also seconds with a fraction ("2.5"), as this endpoint has always taken them.
            try {
                double seconds = Double.parseDouble(t.strip());
                if (seconds > 0 && seconds < 1e9) p = Pair.create(-1L, (long) (seconds * 1000));
            } catch (NumberFormatException e) {
                p = null;
            }
        }
        if (p == null) {
            ServletOps.errorBadRequest("timeout must be seconds ('5', '2.5') or Fuseki's 'first,overall' ('1,5'), not '" + t + "'");
            return null;
        }
        long first = p.getLeft() == null ? -1 : p.getLeft();
        long overall = p.getRight() == null || p.getRight() < 0 ? first : p.getRight();
        if (overall <= 0) overall = timeoutMillis;
        return new long[] {first > 0 ? Math.min(first, timeoutMillis) : -1, Math.min(overall, timeoutMillis)};
    }

    private static List<String> values(HttpAction action, String name) {
        String[] v = action.getRequest().getParameterValues(name);
        return v == null ? List.of() : Arrays.stream(v).filter(s -> !s.isBlank()).toList();
    }

    /** The first of {@code output=}, {@code format=}, {@code results=}, as {@code name=value}; "" when none. */
    private static String formatParameter(HttpAction action) {
        for (String p : EndpointFormats.PARAMETERS) {
            String v = action.getRequestParameter(p);
            if (v != null) return p + "=" + v;
        }
        return "";
    }

    /** Plain Fuseki lets {@code accept=} stand in for the header (for links and HTML forms): so does this endpoint. */
    private static String accept(HttpAction action) {
        String a = action.getRequestParameter("accept");
        if (a == null) a = Negotiation.accept(action.getRequest());
        return a == null ? "" : a;
    }

    /** Answers with a short message, kept for the request's log line too. */
    private static void refuse(HttpAction action, int status, String message) {
        action.getRequest().setAttribute(Responses.REASON, message);
        ServletOps.error(status, message);
    }
}
