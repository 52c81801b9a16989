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
    private static volatile boolean pressure;
    private static boolean installed;

    private HeapGuard() {}

    /** True while the heap is too full for new ad-hoc queries. */
    static boolean underPressure() { return pressure; }

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
            pressure = true;
            int n = RunningWork.abortAll();
            if (n > 0) LOG.warn("heap {}% full after a collection: aborted all {} running queries", percent(share), n);
        } else if (share >= ABORT_ONE) {
            pressure = true;
            if (RunningWork.abortLargest())
                LOG.warn("heap {}% full after a collection: aborted the query that allocated most", percent(share));
        } else if (share < CALM) {
            pressure = false;
        }
    }

    private static long percent(double share) { return Math.round(share * 100); }
}
