package nl.arbeidsmigratie.kg.query;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queries running now in this process (ad-hoc SPARQL and live prepared questions), each with a way to abort it.
 * The heap guard asks it for the one that has allocated most since it started, by the JVM's per-thread allocation
 * counter, and aborts that one first; an aborted query answers 503 with Retry-After.
 */
public final class RunningWork {
    private static final Set<Handle> RUNNING = ConcurrentHashMap.newKeySet();
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private RunningWork() {}

    /** One running query; close it when the query is done. */
    public static final class Handle implements AutoCloseable {
        private final long threadId;
        private final long allocatedAtStart;
        private final Runnable abort;
        private volatile boolean abortedForMemory;

        private Handle(Runnable abort) {
            this.threadId = Thread.currentThread().getId();
            this.allocatedAtStart = allocated(threadId);
            this.abort = abort;
        }

        /** Bytes this query's thread allocated since it started (garbage included): how hungry it is. */
        public long allocatedSinceStart() {
            return Math.max(0, allocated(threadId) - allocatedAtStart);
        }

        /** True once the heap guard has aborted it. */
        public boolean abortedForMemory() { return abortedForMemory; }

        void abortForMemory() {
            abortedForMemory = true;
            abort.run();
        }

        @Override public void close() { RUNNING.remove(this); }
    }

    /** Registers the query the current thread is about to run. */
    public static Handle start(Runnable abort) {
        Handle h = new Handle(abort);
        RUNNING.add(h);
        return h;
    }

    public static int count() { return RUNNING.size(); }

    /** Aborts the running query that allocated most; false when none runs. */
    public static boolean abortLargest() {
        List<Handle> all = new ArrayList<>(RUNNING);
        all.removeIf(Handle::abortedForMemory);
        Handle largest = all.stream().max(Comparator.comparingLong(Handle::allocatedSinceStart)).orElse(null);
        if (largest == null) return false;
        largest.abortForMemory();
        return true;
    }

    /** Aborts every running query; returns how many. */
    public static int abortAll() {
        int n = 0;
        for (Handle h : new ArrayList<>(RUNNING)) {
            if (h.abortedForMemory()) continue;
            h.abortForMemory();
            n++;
        }
        return n;
    }

    private static long allocated(long threadId) {
        return THREADS == null ? 0 : THREADS.getThreadAllocatedBytes(threadId);
    }

    private static com.sun.management.ThreadMXBean threads() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() ? t : null;
    }
}
