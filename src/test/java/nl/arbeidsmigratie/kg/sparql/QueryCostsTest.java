package nl.arbeidsmigratie.kg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.sparql.QueryCosts.Outcome;
import nl.arbeidsmigratie.kg.sparql.QueryCosts.Refused;
import nl.arbeidsmigratie.kg.sparql.QueryCosts.Turn;

class QueryCostsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final QueryCosts costs = new QueryCosts(2, now::get);
    private static final String REGEX = QueryCosts.key("ASK { FILTER(REGEX(\"aaaa\", \"(.*a){20}b\")) }");
    private static final String QUICK = QueryCosts.key("ASK {}");

    @Test
    void aTextWhoseWorkerWasEndedAtItsDeadlineIsRefusedForAMinuteWithThatDeadline() throws Refused {
        costs.leave(costs.enter(REGEX, 2_000), 2_250, Outcome.WORKER_ENDED_AT_DEADLINE);
        now.addAndGet(15_000);
        Refused r = assertThrows(Refused.class, () -> costs.enter(REGEX, 2_000));
        assertTrue(r.getMessage().contains("ran past its time limit of 2 s 15 s ago"), r.getMessage());
        assertEquals(45, r.retryAfterSeconds);
        assertThrows(Refused.class, () -> costs.enter(REGEX, 1_500), "a shorter limit would only end another worker");
        // With a longer time limit it may try: it is then slow, and holds the slow lane.
        Turn longer = costs.enter(REGEX, 30_000);
        assertTrue(longer.slow());
        costs.leave(longer, 400, Outcome.ANSWERED);
        now.addAndGet(45_000);
        costs.leave(costs.enter(REGEX, 2_000), 10, Outcome.ANSWERED);
        assertEquals(0, costs.slowRunning());
    }

    @Test
    void aTextThatRanOutOfMemoryIsRefusedWhateverItsDeadline() throws Refused {
        costs.leave(costs.enter(REGEX, 30_000), 300, Outcome.WORKER_ENDED_OUT_OF_MEMORY);
        Refused r = assertThrows(Refused.class, () -> costs.enter(REGEX, 5_000));
        assertTrue(r.getMessage().contains("more memory"), r.getMessage());
        costs.enter(QUICK, 30_000);
    }

    @Test
    void slowTextsShareAllSlotsButOneAndQuickOnesAlwaysGetIn() throws Refused {
        costs.leave(costs.enter(REGEX, 30_000), 1_500, Outcome.ANSWERED);
        Turn first = costs.enter(REGEX, 30_000);
        assertTrue(first.slow());
        Refused r = assertThrows(Refused.class, () -> costs.enter(REGEX, 30_000));
        assertTrue(r.getMessage().contains("took 1.5 s when it was last asked; at most 1 such slow query runs"), r.getMessage());
        Turn quick = costs.enter(QUICK, 30_000);
        assertFalse(quick.slow());
        costs.leave(quick, 5, Outcome.ANSWERED);
        costs.leave(first, 1_600, Outcome.ANSWERED);
        assertEquals(0, costs.slowRunning());
        Turn again = costs.enter(REGEX, 30_000);
        // A run that was quick this time: the text is no longer held to be slow.
        costs.leave(again, 20, Outcome.ANSWERED);
        assertFalse(costs.enter(REGEX, 30_000).slow());
    }

    @Test
    void aRunThatGotNoWorkerTeachesNothing() throws Refused {
        costs.leave(costs.enter(REGEX, 30_000), 29_000, Outcome.NOT_RUN);
        assertFalse(costs.enter(REGEX, 30_000).slow());
    }

    @Test
    void aSlowTextNotAskedForTenMinutesIsForgotten() throws Refused {
        costs.leave(costs.enter(REGEX, 30_000), 5_000, Outcome.ANSWERED);
        now.addAndGet(QueryCosts.SLOW_FORGOTTEN_MILLIS + 1);
        assertFalse(costs.enter(REGEX, 30_000).slow());
    }

    @Test
    void theSameTextRunningForASecondAlreadyIsSlowForTheNextWhoAsks() throws Refused {
        Turn first = costs.enter(REGEX, 30_000);
        Turn second = costs.enter(REGEX, 30_000);
        assertFalse(second.slow(), "not slow yet: nothing has run for a second");
        costs.leave(second, 3, Outcome.ANSWERED);
        now.addAndGet(1_200);
        Turn third = costs.enter(REGEX, 30_000);
        assertTrue(third.slow());
        Refused r = assertThrows(Refused.class, () -> costs.enter(REGEX, 30_000));
        assertTrue(r.getMessage().contains("has been running for 1.2 s"), r.getMessage());
        costs.leave(third, 2_000, Outcome.ANSWERED);
        costs.leave(first, 2_000, Outcome.ANSWERED);
        assertEquals(0, costs.slowRunning());
    }

    @Test
    void aQuickErrorDoesNotMakeASlowTextQuick() throws Refused {
        costs.leave(costs.enter(REGEX, 30_000), 2_000, Outcome.FAILED);
        Turn slow = costs.enter(REGEX, 30_000);
        assertTrue(slow.slow(), "a reply after two seconds, even an error, is slow");
        costs.leave(slow, 3, Outcome.FAILED);
        assertTrue(costs.enter(REGEX, 30_000).slow(), "a 406 in 3 ms says nothing of how long the answer takes");
    }

    @Test
    void anExpiredRecordDoesNotHideAFreshOne() throws Refused {
        costs.leave(costs.enter(REGEX, 2_000), 300, Outcome.WORKER_ENDED_OUT_OF_MEMORY);
        now.addAndGet(QueryCosts.COOL_DOWN_MILLIS + 1);
        costs.leave(costs.enter(REGEX, 2_000), 2_250, Outcome.WORKER_ENDED_AT_DEADLINE);
        Refused r = assertThrows(Refused.class, () -> costs.enter(REGEX, 2_000));
        assertTrue(r.getMessage().contains("time limit of 2 s 0 s ago"), r.getMessage());
    }
}
