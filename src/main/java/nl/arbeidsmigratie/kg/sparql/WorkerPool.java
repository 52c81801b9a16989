package nl.arbeidsmigratie.kg.sparql;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Reply;
import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Request;

/**
 * The query workers of the server: {@code processes} worker processes kept warm, each taking up to
 * {@code queriesPerProcess} queries at once (1 for the in-memory graph, so that ending one ends one query; all the
 * ad-hoc slots for a TDB2 store, which only one process may open). A query gets a worker, and the worker gets until the
 * query's deadline plus {@link #GRACE_MILLIS} (time for Jena's own timeout to answer); after that the worker is ended
 * and a fresh one started in the background. Nothing a query does inside Jena can outlive its deadline by more than
 * that grace and the time to end a process, and nothing it does touches the server's heap or threads.
 */
public final class WorkerPool implements AutoCloseable {
    /** After the deadline: Jena's own timeout usually answers within this; the process is ended only if not. */
    static final long GRACE_MILLIS = 250;
    /** How long a new worker may take to load its graph before it is given up and another started. */
    private static final long START_MILLIS = 120_000;
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    /** How to start a worker, and how many. */
    public record Launch(List<String> command, int processes, int queriesPerProcess) {}

    /** Why a query got no answer from a worker; {@code status} is what the client is told. */
    static final class NoAnswer extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        /** What it cost: whether the query's own worker had to be ended, and why. */
        final QueryCosts.Outcome outcome;
        /** How long the worker had it (0 when none took it). */
        final long ranMillis;

        NoAnswer(int status, String message, QueryCosts.Outcome outcome, long ranMillis) {
            super(message, null, false, false);
            this.status = status;
            this.outcome = outcome;
            this.ranMillis = ranMillis;
        }
    }

    /** A worker's reply, and how long the worker had the query (not counting the wait for a free worker). */
    record Answered(Reply reply, long ranMillis) {}

    /** The exit status of a JVM that {@code -XX:+ExitOnOutOfMemoryError} ended. */
    private static final int OUT_OF_MEMORY_EXIT = 3;

    private final Launch launch;
    /** One entry per query a live worker can take now. */
    private final LinkedBlockingQueue<Worker> free = new LinkedBlockingQueue<>();
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "query-worker-starter");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    /** Counts down once per worker of the first start. */
    private final java.util.concurrent.CountDownLatch started;
    private volatile boolean closed;

    private WorkerPool(Launch launch) {
        this.launch = launch;
        this.started = new java.util.concurrent.CountDownLatch(launch.processes());
    }

    /** Starts every worker in the background, at once. */
    public static WorkerPool start(Launch launch) {
        WorkerPool pool = new WorkerPool(launch);
        for (int i = 0; i < launch.processes(); i++) pool.starter.submit(pool::startOne);
        return pool;
    }

    /**
     * Waits until every worker of the first start can take a query (the server says it is ready only then, so that a
     * query past its deadline always leaves a warm worker for the next); false after {@code millis}.
     */
    public boolean awaitWorkers(long millis) throws InterruptedException {
        return started.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Workers ended because a query passed its deadline or a worker died, since the start. */
    public long workersEnded() { return ended.get(); }

    /**
     * Runs one query on a worker and returns its reply.
     *
     * @param deadlineNanos {@link System#nanoTime()} by which the query must be done
     */
    Answered run(Request partial, long deadlineNanos, long timeoutMillis) throws NoAnswer, InterruptedException {
        Worker w = take(deadlineNanos);
        if (w == null) throw new NoAnswer(503, "no query worker was free within the time limit; retry in a moment", QueryCosts.Outcome.NOT_RUN, 0);
        long left = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        Request r = new Request(ids.incrementAndGet(), partial.query(), partial.defaultGraphs(), partial.namedGraphs(),
                partial.formatParameter(), partial.accept(), partial.initialTimeoutMillis(), left, timeoutMillis, partial.maxRows());
        long sent = System.nanoTime();
        var reply = w.send(r);
        try {
            Reply answer = reply.get(left + GRACE_MILLIS, TimeUnit.MILLISECONDS);
            giveBack(w);
            return new Answered(answer, (System.nanoTime() - sent) / 1_000_000);
        } catch (TimeoutException e) {
            replace(w);
            throw new NoAnswer(503, "the query took longer than " + seconds(timeoutMillis)
                    + " s, the time limit of this endpoint", QueryCosts.Outcome.WORKER_ENDED_AT_DEADLINE,
                    (System.nanoTime() - sent) / 1_000_000);
        } catch (ExecutionException e) {
            long ran = (System.nanoTime() - sent) / 1_000_000;
            Integer exit = w.exitStatus(2_000);
            replace(w);
            // A worker shared by several queries (TDB2) may have been ended for another's sake; one that died of
            // something else than its heap (ended from outside, crashed) says nothing about the query either.
            if (launch.queriesPerProcess() > 1)
                throw new NoAnswer(503, "the query was ended with another one that passed its time limit, or needed more memory than this endpoint gives; retry",
                        QueryCosts.Outcome.NOT_RUN, ran);
            if (exit == null || exit != OUT_OF_MEMORY_EXIT)
                throw new NoAnswer(503, "the query worker ended while it ran the query; retry", QueryCosts.Outcome.NOT_RUN, ran);
            throw new NoAnswer(503, "the query needed more memory than this endpoint gives one query; ask for less (LIMIT, fewer variables)",
                    QueryCosts.Outcome.WORKER_ENDED_OUT_OF_MEMORY, ran);
        }
    }

    private Worker take(long deadlineNanos) throws InterruptedException {
        while (true) {
            long wait = deadlineNanos - System.nanoTime();
            if (wait <= 0) return null;
            Worker w = free.poll(wait, TimeUnit.NANOSECONDS);
            if (w == null || w.alive()) return w;
        }
    }

    private void giveBack(Worker w) {
        if (w.alive()) free.add(w);
    }

    /** Ends {@code w} (once) and starts another in its place. */
    private void replace(Worker w) {
        if (!workers.remove(w)) return;
        ended.incrementAndGet();
        w.end();
        if (!closed) starter.submit(this::startOne);
    }

    private void startOne() {
        while (!closed) {
            try {
                long t0 = System.nanoTime();
                Worker w = Worker.start(launch.command(), this::replace);
                if (w.awaitReady(START_MILLIS) && !closed) {
                    workers.add(w);
                    for (int i = 0; i < launch.queriesPerProcess(); i++) free.add(w);
                    started.countDown();
                    // bench/adhoc.sh reads this line: the time to start (and so to replace) a worker.
                    LOG.info("query worker {} ready in {} ms", w.pid(), (System.nanoTime() - t0) / 1_000_000);
                    return;
                }
                w.end();
                if (!closed) LOG.warn("a query worker did not start; trying again");
            } catch (IOException e) {
                LOG.warn("cannot start a query worker: {}", e.getMessage());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Ends every worker. */
    @Override
    public void close() {
        closed = true;
        starter.shutdownNow();
        for (Worker w : workers) w.endAndWait();
        workers.clear();
        free.clear();
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
