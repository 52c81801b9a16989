package nl.arbeidsmigratie.kg.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.Graphs;

/** The one answer cache: failures complete every waiter, live answers stay within bounds, keys are canonical. */
class AnswersTest {
    private static QueryCatalog catalog;
    private static ExecutorService threads;

    @BeforeAll
    static void load() {
        catalog = QueryCatalog.build(Graphs.real());
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    private static BoundQuery search(String q) {
        return catalog.bind(catalog.get("search"), Map.of("q", q), "nl", List.of());
    }

    private static Answer fake(BoundQuery b, int bytesPerFormat) {
        byte[][] bodies = new byte[ResultFormat.values().length][];
        for (int i = 0; i < bodies.length; i++) bodies[i] = new byte[bytesPerFormat];
        return new Answer(b.key(), bodies, "test");
    }

    @Test
    void aFailedComputationCompletesEveryWaiterAndIsNotKept() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch computing = new CountDownLatch(1);
        Answers answers = new Answers(Map.of(), b -> {
            calls.incrementAndGet();
            computing.countDown();
            sleep(300);
            throw new IllegalStateException("the computation broke");
        }, 10, 1 << 20);
        BoundQuery b = search("wet");
        Future<Answer> first = threads.submit(() -> answers.answer(b));
        assertTrue(computing.await(5, TimeUnit.SECONDS));
        Future<Answer> second = threads.submit(() -> answers.answer(b));
        for (Future<Answer> f : List.of(first, second)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
        assertEquals(1, calls.get(), "the second request waited for the first computation");
        assertEquals(0, answers.liveCount(), "a failure is not kept");
        Future<Answer> third = threads.submit(() -> answers.answer(b));
        assertThrows(ExecutionException.class, () -> third.get(5, TimeUnit.SECONDS));
        assertEquals(2, calls.get(), "the next identical request computes again instead of waiting forever");
    }

    @Test
    void aBusyServerAnswersUnavailableToEveryWaiterThenRecovers() throws Exception {
        WorkLimiter none = new WorkLimiter(1);
        assertTrue(none.tryAcquire());
        Answers busy = new Answers(catalog, Map.of(), none, 30_000, 10, 1 << 20);
        BoundQuery b = search("nla");
        List<Future<Answer>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) waiting.add(threads.submit(() -> busy.answer(b)));
        for (Future<Answer> f : waiting) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
            assertInstanceOf(Answers.Unavailable.class, e.getCause());
        }
        none.release();
        assertTrue(busy.answer(b).body(ResultFormat.JSON).length > 0, "answered once a slot is free");
    }

    @Test
    void liveAnswersStayWithinTheirBoundsUnder10000DistinctSearches() {
        int maxEntries = 100;
        long maxBytes = 200 * 1024;
        Answers answers = new Answers(Map.of(), b -> fake(b, 1024), maxEntries, maxBytes);
        for (int i = 0; i < 10_000; i++) {
            answers.answer(search("junk-" + i));
            assertTrue(answers.liveCount() <= maxEntries && answers.liveBytes() <= maxBytes,
                    "after " + (i + 1) + " searches: " + answers.liveCount() + " entries, " + answers.liveBytes() + " bytes");
        }
        assertTrue(answers.liveCount() > 0);
    }

    @Test
    void theLiveCacheKeepsWhatIsAskedAgain() {
        AtomicInteger calls = new AtomicInteger();
        Answers answers = new Answers(Map.of(), b -> { calls.incrementAndGet(); return fake(b, 10); }, 100, 1 << 20);
        Answer a = answers.answer(search("Wtta"));
        assertSame(a, answers.answer(search("Wtta")));
        assertEquals(1, calls.get());
    }

    @Test
    void spellingsOfTheSameQuestionShareOneKey() {
        PreparedQuery law = catalog.get("law");
        String wtta = "https://w3id.org/arbeidsmigratie/id/wet/wtta";
        AnswerKey full = catalog.bind(law, Map.of("law", wtta), "nl", List.of()).key();
        assertEquals(full, catalog.bind(law, Map.of("law", "wet/wtta"), "nl", List.of()).key(), "short IRI");
        assertEquals(full, catalog.bind(law, Map.of("law", wtta), "NL", List.of()).key(), "language case");
        assertEquals(full, catalog.bind(law, Map.of("law", wtta, "format", "XmL"), " nl", List.of("format")).key(),
                "the format is not part of the question");
        PreparedQuery critiques = catalog.get("critiques");
        assertEquals(catalog.bind(critiques, Map.of(), "nl", List.of()).key(),
                catalog.bind(critiques, Map.of("by", ""), "nl", List.of()).key(), "an empty optional value is no value");
    }

    @Test
    void datesBetweenTwoStatusDatesNormaliseToTheEarlierOne() {
        List<java.time.LocalDate> dates = catalog.statusDates();
        assertTrue(dates.size() >= 2, "the graph has dated assessments");
        java.time.LocalDate a = dates.get(dates.size() - 2), b = dates.get(dates.size() - 1);
        assertEquals(a, catalog.normaliseAsOf(a));
        assertEquals(a, catalog.normaliseAsOf(b.minusDays(1)));
        assertEquals(b, catalog.normaliseAsOf(b.plusYears(10)));
        assertEquals(dates.get(0).minusDays(1), catalog.normaliseAsOf(java.time.LocalDate.of(1900, 1, 1)));
    }

    @Test
    void precomputedAnswersAreTheBytesALiveRunGives() {
        Map<String, Answer> precomputed = Answers.precompute(catalog);
        assertTrue(precomputed.size() > 1_000, "every closed question in both languages: " + precomputed.size());
        Answers live = new Answers(catalog, Map.of(), new WorkLimiter(1), 0, 10, 1 << 20);
        List<String> keys = new ArrayList<>(new TreeMap<>(precomputed).keySet());
        for (int i = 0; i < keys.size(); i += 37) {
            Answer ready = precomputed.get(keys.get(i));
            AnswerKey k = ready.key();
            Map<String, String> raw = new TreeMap<>(k.params());
            Answer fresh = live.answer(catalog.bind(catalog.get(k.queryId()), raw, k.lang(), List.of()));
            for (ResultFormat f : ResultFormat.values())
                assertArrayEquals(ready.body(f), fresh.body(f), k + " " + f);
            assertEquals(ready.etag(ResultFormat.JSON), fresh.etag(ResultFormat.JSON));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
