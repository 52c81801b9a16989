package nl.arbeidsmigratie.kg.server;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.arbeidsmigratie.kg.query.RunningWork;

/**
 * Watches the heap after every garbage collection and stops queries before the JVM runs out: above
 * {@link #ABORT_ONE} of the maximum heap still in use after a collection, it aborts the running query that has
 * allocated most; above {@link #ABORT_ALL}, every running query. Aborted queries answer 503 with Retry-After. While
 * the heap stays above {@link #ABORT_ONE} (until a collection brings it under {@link #CALM}), new ad-hoc queries are
 * refused the same way. The per-query limits (strings, answers, held values) keep ordinary queries far from this; the
 * guard is for what they do not count (joins, sorts and groups in flight, many queries at once).
 */
final class HeapGuard {
    static final double ABORT_ONE = 0.70;
    static final double ABORT_ALL = 0.85;
    static final double CALM = 0.55;
    private static final Logger LOG = LoggerFactory.getLogger("nl.arbeidsmigratie.kg.memory");
    /** Pressure lasts until a collection shows the heap calm, or at most this long without a new alarm. */
    private static final long PRESSURE_NANOS = 10_000_000_000L;
    private static volatile long pressureSince = Long.MIN_VALUE;
    private static volatile long lastCollect;
    private static boolean installed;

    private HeapGuard() {}

    /** True while the heap is too full for new ad-hoc queries. */
    static boolean underPressure() {
        long since = pressureSince;
        return since != Long.MIN_VALUE && System.nanoTime() - since < PRESSURE_NANOS;
    }

    static synchronized void install() {
        if (installed) return;
        installed = true;
        long max = Runtime.getRuntime().maxMemory();
        Set<String> heapPools = new HashSet<>();
        ManagementFactory.getMemoryPoolMXBeans().forEach(p -> { if (p.getType() == MemoryType.HEAP) heapPools.add(p.getName()); });
        NotificationListener listener = (notification, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = 0;
            for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet())
                if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
            afterCollection(used, max);
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
            if (gc instanceof NotificationEmitter emitter) emitter.addNotificationListener(listener, null, null);
    }

    static void afterCollection(long used, long max) {
        double share = (double) used / max;
        if (share >= ABORT_ALL) {
            pressureSince = System.nanoTime();
            int n = RunningWork.abortAll();
            if (n > 0) LOG.warn("heap {}% full after a collection: aborted all {} running queries", percent(share), n);
            collectSoon();
        } else if (share >= ABORT_ONE) {
            pressureSince = System.nanoTime();
            if (RunningWork.abortLargest())
                LOG.warn("heap {}% full after a collection: aborted the query that allocated most", percent(share));
            collectSoon();
        } else if (share < CALM) {
            pressureSince = Long.MIN_VALUE;
        }
    }

    /**
     * The aborted query's memory is garbage now, but an idle server may not collect it for a long while (and new
     * queries are refused meanwhile): ask for a collection once the query has unwound, at most once per 5 s. serve
     * starts the JVM with -XX:+ExplicitGCInvokesConcurrent, so this is a concurrent cycle, not a long pause.
     */
    private static void collectSoon() {
        long now = System.nanoTime();
        if (now - lastCollect < 5_000_000_000L) return;
        lastCollect = now;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            System.gc();
        }, "heap-guard-collect");
        t.setDaemon(true);
        t.start();
    }

    private static long percent(double share) { return Math.round(share * 100); }
}
