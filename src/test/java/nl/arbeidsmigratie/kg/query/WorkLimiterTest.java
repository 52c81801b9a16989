package nl.arbeidsmigratie.kg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Slots are capped in total and per client: one client gets at most half of them. */
class WorkLimiterTest {
    @Test
    void oneClientGetsAtMostHalfTheSlots() {
        WorkLimiter slots = new WorkLimiter(4, 10);
        assertTrue(WorkLimiter.asClient("a", slots::tryAcquire));
        assertTrue(WorkLimiter.asClient("a", slots::tryAcquire));
        assertFalse(WorkLimiter.asClient("a", slots::tryAcquire), "a third slot for one client");
        assertTrue(WorkLimiter.asClient("b", slots::tryAcquire));
        assertTrue(WorkLimiter.asClient("c", slots::tryAcquire));
        assertFalse(WorkLimiter.asClient("d", slots::tryAcquire), "a fifth slot");
        WorkLimiter.asClient("a", () -> { slots.release(); return null; });
        assertTrue(WorkLimiter.asClient("d", slots::tryAcquire));
        assertEquals(4, slots.inUse());
    }

    @Test
    void aSingleSlotStillServesOneClient() {
        WorkLimiter slots = new WorkLimiter(1, 10);
        assertEquals(1, slots.perClient());
        assertTrue(WorkLimiter.asClient("a", slots::tryAcquire));
        assertFalse(WorkLimiter.asClient("b", slots::tryAcquire));
    }
}
