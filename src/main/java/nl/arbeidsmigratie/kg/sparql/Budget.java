package nl.arbeidsmigratie.kg.sparql;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * What one query may still spend: its deadline, its cancel signal (set by Jena's timeout, by {@code abort()} and by
 * the heap guard) and the values its aggregates hold. Put into the query's context, where the safe expressions,
 * comparators and aggregates of {@link SafeEngine} find it. Work that Jena cannot interrupt (a regular expression, a
 * sort comparison) calls {@link #check()} often, so every query stops at its deadline whatever it is doing.
 */
public final class Budget {
    static final Symbol SYMBOL = Symbol.create("arbeidsmigratie:budget");

    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final boolean hasDeadline;
    private volatile AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicLong held = new AtomicLong();

    /** @param timeoutMillis the time left for the query; ≤ 0 means no deadline */
    public Budget(long timeoutMillis) {
        this.hasDeadline = timeoutMillis > 0;
        this.deadlineNanos = startNanos + (hasDeadline ? timeoutMillis * 1_000_000 : 0);
    }

    /** Shares the cancel signal of the query execution, so that a timeout or an abort also stops our own work. */
    public void attach(Context executionContext) {
        AtomicBoolean signal = Context.getCancelSignal(executionContext);
        if (signal != null) cancel = signal;
    }

    /** Throws {@link QueryCancelledException} once the query is cancelled or past its deadline. */
    public void check() {
        if (cancel.get() || hasDeadline && System.nanoTime() - deadlineNanos > 0) {
            cancel.set(true);
            throw new QueryCancelledException();
        }
    }

    /** Time since the query arrived (parsing included). */
    long elapsedMillis() { return (System.nanoTime() - startNanos) / 1_000_000; }

    /** The cheap half of {@link #check()}, for the innermost loops. */
    boolean cancelled() { return cancel.get(); }

    /** Counts one more value held by an aggregate; refuses past {@link Limits#MAX_HELD_VALUES}. */
    void hold() {
        if (held.incrementAndGet() > Limits.MAX_HELD_VALUES)
            throw new LimitExceeded("the query's aggregates hold more than " + Limits.MAX_HELD_VALUES
                    + " distinct values; group or filter more narrowly");
    }

    static Budget of(Context context) {
        Object b = context == null ? null : context.get(SYMBOL);
        return b instanceof Budget budget ? budget : null;
    }

    /** Refuses a string longer than {@link Limits#MAX_STRING}. */
    static void checkLength(long length) {
        if (length > Limits.MAX_STRING)
            throw new LimitExceeded("the query builds a string longer than " + Limits.MAX_STRING
                    + " characters, the limit of this endpoint");
    }
}
