package nl.arbeidsmigratie.kg.query;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Caps concurrent heavy work (query execution), in total and per client. A request that cannot get a slot within its
 * wait is answered 503 with Retry-After instead of queueing without bound. One client (one remote address) may hold at
 * most half the slots (at least one), so a single client cannot take every slot and lock the others out. Waiting
 * holds a server thread, so at most {@link #MAX_WAITING} requests wait at once, {@link #MAX_WAITING_PER_CLIENT} of them
 * per client; beyond that a request is refused at once.
 *
 * <p>The client is the one {@link #asClient} names for the current request thread (the request guard sets it for
 * every request); work done outside a request counts as one anonymous client.
 */
public final class WorkLimiter {
    public static final int RETRY_AFTER_SECONDS = 2;
    /** How long an ad-hoc query waits for a slot before its 503. */
    public static final long WAIT_MILLIS = 250;
    public static final int MAX_WAITING = 32;
    public static final int MAX_WAITING_PER_CLIENT = 4;
    private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

    private final int max;
    private final int perClient;
    private final long waitMillis;
    private final Map<String, Integer> held = new HashMap<>();
    private final Map<String, Integer> waitingPerClient = new HashMap<>();
    private int total;
    private int waiting;

    public WorkLimiter(int maxConcurrent) {
        this(maxConcurrent, WAIT_MILLIS);
    }

    /** @param waitMillis how long a request may wait for a slot before it is refused */
    public WorkLimiter(int maxConcurrent, long waitMillis) {
        this.max = maxConcurrent;
        this.perClient = Math.max(1, maxConcurrent / 2);
        this.waitMillis = waitMillis;
    }

    /** Runs {@code work} with the current thread's requests counted as {@code client}'s. */
    public static <T> T asClient(String client, Supplier<T> work) {
        String before = CLIENT.get();
        CLIENT.set(client);
        try {
            return work.get();
        } finally {
            if (before == null) CLIENT.remove(); else CLIENT.set(before);
        }
    }

    /** The client the current request counts as. */
    public static String currentClient() {
        String c = CLIENT.get();
        return c == null ? "" : c;
    }

    /** A slot for the current client, waiting at most the limiter's wait; false when none came free. */
    public boolean tryAcquire() {
        String client = currentClient();
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        synchronized (this) {
            boolean free = total < max && held.getOrDefault(client, 0) < perClient;
            if (!free && (waiting >= MAX_WAITING || waitingPerClient.getOrDefault(client, 0) >= MAX_WAITING_PER_CLIENT))
                return false;
            waiting++;
            waitingPerClient.merge(client, 1, Integer::sum);
            try {
                while (total >= max || held.getOrDefault(client, 0) >= perClient) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) return false;
                    try {
                        wait(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            } finally {
                waiting--;
                waitingPerClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
            }
            total++;
            held.merge(client, 1, Integer::sum);
            return true;
        }
    }

    /** Gives back the slot the current client took. */
    public void release() {
        String client = currentClient();
        synchronized (this) {
            total--;
            held.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
            notifyAll();
        }
    }

    /** True while all slots are taken and someone waits for one. */
    public synchronized boolean contended() { return waiting > 0 && total >= max; }

    /** Slots in use now, for tests and the log. */
    public synchronized int inUse() { return total; }

    public int capacity() { return max; }
    public int perClient() { return perClient; }
}
