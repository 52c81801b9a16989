package nl.arbeidsmigratie.kg.sparql;

import java.util.function.Supplier;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.QueryExecResult;

import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.query.RunningWork;
import nl.arbeidsmigratie.kg.query.WorkLimiter;

/**
 * The deadline, memory and parse limits of one SPARQL request, around Fuseki's own steps:
 * <ol>
 * <li>before parsing, {@link QueryText} refuses text that would parse slowly or nest deeply (400);</li>
 * <li>the deadline starts before parsing, so parse time counts against the time limit;</li>
 * <li>the execution carries a {@link Budget} (so {@link SafeEngine} runs it), spills big sorts to disk and is
 * registered with {@link RunningWork} for the heap guard;</li>
 * <li>answers are gathered within {@link BoundedResults}' byte and triple limits;</li>
 * <li>every way it can end becomes a short answer without Java names: a limit 400, the deadline 503, the heap guard
 * 503 with Retry-After, a stack overflow 400.</li>
 * </ol>
 */
final class QueryGuard {
    private static final String ATTRIBUTE = QueryGuard.class.getName();
    private final long timeoutMillis;

    /** Per request: its budget and its entry among the running queries. */
    private static final class State {
        Budget budget;
        long timeoutMillis;
        RunningWork.Handle running;
    }

    QueryGuard(long timeoutMillis, long maxRows) {
        this.timeoutMillis = timeoutMillis;
        SafeEngine.install();
        XmlSafe.register();
        // ORDER BY … LIMIT n keeps only the best n (every query here has a LIMIT of at most the row cap); the
        // threshold must stay below the spill threshold, or DISTINCT would reorder.
        ARQ.getContext().set(ARQ.topNSortingThreshold, (int) Math.min(maxRows + 1, Limits.SPILL_THRESHOLD - 1));
    }

    /** Around Fuseki's parse-and-run of one query string. */
    void execute(HttpAction action, String queryString, long requestTimeoutMillis, Runnable parseAndRun) {
        State state = new State();
        state.timeoutMillis = requestTimeoutMillis;
        state.budget = new Budget(requestTimeoutMillis);
        action.getRequest().setAttribute(ATTRIBUTE, state);
        // The lowest priority: a query may keep a core busy until its deadline; pages, pings and prepared questions
        // go first. (serve starts the JVM with -XX:ThreadPriorityPolicy=1, so that this is the thread's nice value.)
        Thread thread = Thread.currentThread();
        int priority = thread.getPriority();
        thread.setPriority(Thread.MIN_PRIORITY);
        try {
            QueryText.check(queryString);
            parseAndRun.run();
        } catch (ActionErrorException e) {
            action.getRequest().setAttribute(Responses.REASON, e.getMessage());
            throw e;
        } catch (LimitExceeded e) {
            refuse(action, e.status(), e.getMessage());
        } catch (QueryCancelledException e) {
            if (state.running != null && state.running.abortedForMemory()) shortOfMemory(action);
            else refuse(action, 503, "the query took longer than " + seconds(requestTimeoutMillis)
                    + " s, the time limit of this endpoint");
        } catch (StackOverflowError e) {
            refuse(action, 400, "the query nests too deeply for this endpoint");
        } catch (OutOfMemoryError e) {
            shortOfMemory(action);
        } finally {
            if (state.running != null) state.running.close();
            thread.setPriority(priority);
        }
    }

    /** The builder of the execution: budget in its context, the time left as its timeout, spilling on. */
    QueryExec build(HttpAction action, QueryExecDatasetBuilder builder) {
        State state = state(action);
        long left = state.timeoutMillis - state.budget.elapsedMillis();
        if (left <= 0) throw new QueryCancelledException();
        QueryExec exec = builder.set(Budget.SYMBOL, state.budget)
                .set(ARQ.spillToDiskThreshold, Limits.SPILL_THRESHOLD)
                .timeout(left, java.util.concurrent.TimeUnit.MILLISECONDS)
                .build();
        state.budget.attach(exec.getContext());
        // A request may build a second execution (the row cap's probe): the first one is done by then.
        if (state.running != null) state.running.close();
        state.running = RunningWork.start(exec::abort);
        return exec;
    }

    /** SELECT, CONSTRUCT and DESCRIBE gathered within the limits; ASK as Fuseki does; JSON queries refused. */
    QueryExecResult run(QueryExec exec, Query query, Supplier<QueryExecResult> fuseki) {
        if (query.isSelectType()) return new QueryExecResult(BoundedResults.select(exec, Limits.MAX_RESULT_BYTES));
        if (query.isConstructType())
            return new QueryExecResult(BoundedResults.construct(exec, Limits.MAX_RESULT_BYTES, Limits.MAX_TRIPLES));
        if (query.isDescribeType())
            return new QueryExecResult(BoundedResults.describe(exec, Limits.MAX_RESULT_BYTES, Limits.MAX_TRIPLES));
        if (query.isJsonType()) throw new LimitExceeded("JSON queries are not offered here; use SELECT");
        return fuseki.get();
    }

    long serverTimeoutMillis() { return timeoutMillis; }

    private static void shortOfMemory(HttpAction action) {
        action.getResponse().setHeader("Retry-After", Integer.toString(WorkLimiter.RETRY_AFTER_SECONDS));
        refuse(action, 503, "the server is short of memory; retry after " + WorkLimiter.RETRY_AFTER_SECONDS + " s");
    }

    /** Answers with a short message, kept for the request's log line too. */
    private static void refuse(HttpAction action, int status, String message) {
        action.getRequest().setAttribute(Responses.REASON, message);
        ServletOps.error(status, message);
    }

    private static State state(HttpAction action) {
        Object s = action.getRequest().getAttribute(ATTRIBUTE);
        if (s instanceof State state) return state;
        State fresh = new State();
        fresh.budget = new Budget(0);
        return fresh;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
