package nl.arbeidsmigratie.kg.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** Waiting for a slot holds a thread: the line is bounded, per client and in all. */
class WorkLimiterWaitTest {
    @Test
    void aClientMayHaveOnlyAFewRequestsWaiting() throws Exception {
        WorkLimiter slots = new WorkLimiter(2, 2_000);
        assertTrue(WorkLimiter.asClient("a", slots::tryAcquire));
        assertTrue(WorkLimiter.asClient("b", slots::tryAcquire));
        CountDownLatch waiting = new CountDownLatch(WorkLimiter.MAX_WAITING_PER_CLIENT);
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < WorkLimiter.MAX_WAITING_PER_CLIENT; i++) {
            Thread t = new Thread(() -> WorkLimiter.asClient("c", () -> {
                waiting.countDown();
                return slots.tryAcquire();
            }));
            t.start();
            waiters.add(t);
        }
        waiting.await();
        Thread.sleep(200);
        assertTrue(slots.contended());
        long start = System.nanoTime();
        assertFalse(WorkLimiter.asClient("c", slots::tryAcquire), "a fifth waiting request of one client");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 500, "it was refused at once, not after the wait");
        for (Thread t : waiters) t.join();
    }
}
