package nl.arbeidsmigratie.kg.sparql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

import nl.arbeidsmigratie.kg.digest.Sha256;

/**
 * What the endpoint remembers of query texts that cost it dearly, so that the same text asked again and again cannot
 * hold every worker. Without this, two addresses sending one small regular expression every 30 s (it backtracks until
 * its deadline) kept both ad-hoc slots busy for good, and 64 mixed clients saw 2 in 100 ad-hoc queries answered.
 * Texts are known by the SHA-256 of their exact characters (the server never parses an ad-hoc query):
 * <ul>
 * <li>a text whose worker had to be ended (it ran past its deadline plus grace, or out of the worker's memory) is
 *     refused at once for {@link #COOL_DOWN_MILLIS}: each such run costs a worker, and a new worker costs a core for
 *     about two seconds. After a deadline, the same text with a longer {@code timeout=} may still run.</li>
 * <li>a text that a worker had for {@link #LONG_MILLIS} or more, or until its deadline, or that is running and has run
 *     that long already (the same query sent from many places at once), is "slow": slow texts share
 *     {@code slots - 1} of the slots (with one slot, that one), so one slot always stays for queries not known to be
 *     slow. A slow text that is answered quickly later is slow no more; one not let in for ten minutes is forgotten.</li>
 * </ul>
 * A text never seen before always gets its chance: this cannot stop someone who changes every query, only the common
 * case of the same costly query asked again (a retry loop, a dashboard, a link passed around).
 */
final class QueryCosts {
    static final long COOL_DOWN_MILLIS = 60_000;
    static final long LONG_MILLIS = 1_000;
    /** A slow text not asked again for this long is forgotten. */
    static final long SLOW_FORGOTTEN_MILLIS = 10 * 60_000;
    private static final int REMEMBERED = 10_000;

    /**
     * How a run ended, as far as the cost to the endpoint goes: answered (200), failed (the worker replied with an
     * error, e.g. Jena's own timeout or a 406), not run (no worker took it, or its worker ended for another reason),
     * or its own worker had to be ended.
     */
    enum Outcome { ANSWERED, FAILED, NOT_RUN, WORKER_ENDED_AT_DEADLINE, WORKER_ENDED_OUT_OF_MEMORY }

    /** A refusal: what to tell the client, and when it may ask again. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final long retryAfterSeconds;

        Refused(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** A run let in: {@link #leave} says how it went. */
    record Turn(String key, long timeoutMillis, boolean slow, long startMillis) {}

    private record Ended(long atMillis, boolean memory, long timeoutMillis) {}

    private final LongSupplier clockMillis;
    private final int slowSlots;
    private final Semaphore slowLane;
    private final Map<String, Ended> ended = lru();
    /** Key: text; value: {when last seen slow, how long it ran}. */
    private final Map<String, long[]> slow = lru();
    /** Key: text; value: when each of its runs now running started. */
    private final Map<String, List<Long>> running = new HashMap<>();

    QueryCosts(int slots) {
        // A monotonic clock: a step of the wall clock must not shorten or lengthen a cool-down.
        this(slots, () -> System.nanoTime() / 1_000_000);
    }

    QueryCosts(int slots, LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.slowSlots = Math.max(1, slots - 1);
        this.slowLane = new Semaphore(slowSlots);
    }

    static String key(String queryText) {
        return Sha256.hex(queryText);
    }

    /** Lets the text run, or says why it must not now; a run let in must be given to {@link #leave}. */
    Turn enter(String key, long timeoutMillis) throws Refused {
        long now = clockMillis.getAsLong();
        synchronized (this) {
            Ended e = ended.get(key);
            // Refused within the cool-down, unless the worker was ended at a deadline and this run may take longer.
            if (e != null && now - e.atMillis() < COOL_DOWN_MILLIS && (e.memory() || timeoutMillis <= e.timeoutMillis())) {
                long left = Math.max(1, (COOL_DOWN_MILLIS - (now - e.atMillis()) + 999) / 1000);
                long ago = (now - e.atMillis()) / 1000;
                String what = e.memory() ? "needed more memory than this endpoint gives one query"
                        : "ran past its time limit of " + seconds(e.timeoutMillis()) + " s";
                throw new Refused("the same query " + what + " " + ago + " s ago and its query worker had to be ended; "
                        + "to spare the endpoint it is refused for " + COOL_DOWN_MILLIS / 1000 + " s after that: retry after "
                        + left + " s" + (e.memory() ? ", or ask for less (LIMIT, fewer variables)"
                        : ", with a longer timeout=, or change it"), left);
            }
            long[] s = slow.get(key);
            if (s != null && now - s[0] > SLOW_FORGOTTEN_MILLIS) {
                slow.remove(key);
                s = null;
            }
            List<Long> starts = running.get(key);
            String why;
            if (s != null) why = "this query took " + seconds(s[1]) + " s when it was last asked";
            else if (starts != null && now - starts.get(0) >= LONG_MILLIS)
                why = "the same query, asked a moment ago, has been running for " + seconds(now - starts.get(0)) + " s";
            else return run(new Turn(key, timeoutMillis, false, now));
            if (!slowLane.tryAcquire())
                throw new Refused(why + "; at most " + slowSlots
                        + " such slow " + (slowSlots == 1 ? "query runs" : "queries run") + " at once, so that quick queries "
                        + "still get a turn, and that many run now: retry after 2 s", 2);
            if (s != null) s[0] = now;
            return run(new Turn(key, timeoutMillis, true, now));
        }
    }

    private Turn run(Turn turn) {
        running.computeIfAbsent(turn.key(), k -> new ArrayList<>(1)).add(turn.startMillis());
        return turn;
    }

    /** Records how the run went, and gives back its place among the slow queries if it had one. */
    void leave(Turn turn, long ranMillis, Outcome outcome) {
        long now = clockMillis.getAsLong();
        String key = turn.key();
        long timeoutMillis = turn.timeoutMillis();
        synchronized (this) {
            switch (outcome) {
                case WORKER_ENDED_OUT_OF_MEMORY -> ended.put(key, new Ended(now, true, timeoutMillis));
                case WORKER_ENDED_AT_DEADLINE -> {
                    ended.put(key, new Ended(now, false, timeoutMillis));
                    slow.put(key, new long[] {now, ranMillis});
                }
                // Only an answer shows that a text is quick: a quick error (a 406, a short timeout=) does not.
                case ANSWERED -> {
                    if (ranMillis >= LONG_MILLIS) slow.put(key, new long[] {now, ranMillis});
                    else slow.remove(key);
                }
                case FAILED -> {
                    if (ranMillis >= LONG_MILLIS) slow.put(key, new long[] {now, ranMillis});
                }
                case NOT_RUN -> { }
            }
            List<Long> starts = running.get(key);
            starts.remove(Long.valueOf(turn.startMillis()));
            if (starts.isEmpty()) running.remove(key);
            if (turn.slow()) slowLane.release();
        }
    }

    /** Slow queries running now, for tests. */
    int slowRunning() { return slowSlots - slowLane.availablePermits(); }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
