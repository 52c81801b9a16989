package nl.arbeidsmigratie.kg.query;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps concurrent heavy work (query execution). A request that cannot get a permit within a short wait is
 * answered 503 with Retry-After instead of queueing without bound.
 */
public final class WorkLimiter {
    public static final int RETRY_AFTER_SECONDS = 2;
    private static final long WAIT_MILLIS = 250;
    private final Semaphore permits;

    public WorkLimiter(int maxConcurrent) {
        this.permits = new Semaphore(maxConcurrent, true);
    }

    public boolean tryAcquire() {
        try {
            return permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void release() { permits.release(); }
}
