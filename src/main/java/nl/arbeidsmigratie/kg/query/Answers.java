package nl.arbeidsmigratie.kg.query;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.apache.jena.query.QueryCancelledException;

/**
 * The one answer cache of the prepared questions, shared by {@code /api/queries/…}, {@code /q/…} and the CLI.
 *
 * <ul>
 * <li>Every answer whose parameters come from closed sets was computed at build ({@link #precompute}) and is stored in
 * the jar: it is served without running a query.</li>
 * <li>Anything else (free text, another date) is computed once per canonical key; concurrent identical requests wait
 * for that one computation. Every computation completes its entry, with the answer or with the failure, so no
 * request ever waits for an entry nobody will complete. Failures are not kept.</li>
 * <li>Live answers sit in a small LRU bounded in entries and bytes, so junk searches cannot fill the memory.</li>
 * </ul>
 */
public final class Answers {
    /** Default budget for live answers: enough for every search a reader makes, small beside the heap. */
    public static final int MAX_LIVE_ENTRIES = 2_000;
    public static final long MAX_LIVE_BYTES = 64L * 1024 * 1024;
    private static final int MAGIC = 0x4b47_4131; // "KGA1"

    /** The question cannot be answered now (no free slot, or the time limit passed): 503 with Retry-After. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) { super(message); }
    }

    private record Entry(CompletableFuture<Answer> future, long[] size) {}

    private final Map<String, Answer> precomputed;
    private final Function<BoundQuery, Answer> compute;
    private final WorkLimiter slots;
    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry> live = new LinkedHashMap<>(64, 0.75f, true);
    private long liveBytes;

    /**
     * @param slots how many questions may be computed at once (others get {@link Unavailable})
     * @param timeoutMillis the time limit of one computation; ≤ 0 for none
     */
    public Answers(QueryCatalog catalog, Map<String, Answer> precomputed, WorkLimiter slots, long timeoutMillis,
                   int maxEntries, long maxBytes) {
        this(precomputed, b -> compute(catalog, slots, timeoutMillis, b), maxEntries, maxBytes, slots);
    }

    /** With any computation: lets tests drive the cache with failures and floods. */
    Answers(Map<String, Answer> precomputed, Function<BoundQuery, Answer> compute, int maxEntries, long maxBytes) {
        this(precomputed, compute, maxEntries, maxBytes, null);
    }

    private Answers(Map<String, Answer> precomputed, Function<BoundQuery, Answer> compute, int maxEntries, long maxBytes,
                    WorkLimiter slots) {
        this.slots = slots;
        this.precomputed = Collections.unmodifiableMap(precomputed);
        this.compute = compute;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The answer to a bound question: precomputed, cached, or computed now. */
    public Answer answer(BoundQuery b) {
        String key = b.key().canonical();
        Answer ready = precomputed.get(key);
        if (ready != null) return ready;
        Entry entry;
        boolean mine = false;
        synchronized (live) {
            entry = live.get(key);
            if (entry == null) {
                entry = new Entry(new CompletableFuture<>(), new long[1]);
                live.put(key, entry);
                mine = true;
            }
        }
        if (mine) {
            try {
                Answer a = compute.apply(b);
                entry.future().complete(a);
                keep(key, entry, a.size());
            } catch (RuntimeException | Error e) {
                synchronized (live) {
                    live.remove(key, entry);
                }
                entry.future().completeExceptionally(e);
            }
        }
        try {
            return entry.future().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private void keep(String key, Entry entry, long size) {
        synchronized (live) {
            if (live.get(key) != entry) return;
            entry.size()[0] = size;
            liveBytes += size;
            Iterator<Map.Entry<String, Entry>> it = live.entrySet().iterator();
            while ((live.size() > maxEntries || liveBytes > maxBytes) && it.hasNext()) {
                Map.Entry<String, Entry> eldest = it.next();
                if (!eldest.getValue().future().isDone()) continue;
                liveBytes -= eldest.getValue().size()[0];
                it.remove();
            }
        }
    }

    private static Answer compute(QueryCatalog catalog, WorkLimiter slots, long timeoutMillis, BoundQuery b) {
        if (!slots.tryAcquire())
            throw new Unavailable("too many questions at once; retry after " + WorkLimiter.RETRY_AFTER_SECONDS + " s");
        RunningWork.Handle[] running = new RunningWork.Handle[1];
        // Below pages and pings, above ad-hoc SPARQL (see SECURITY.md: thread priorities).
        Thread thread = Thread.currentThread();
        int priority = thread.getPriority();
        thread.setPriority(Thread.NORM_PRIORITY - 2);
        try {
            return Answer.render(b.key(), catalog.run(b, timeoutMillis, exec -> running[0] = RunningWork.start(exec::abort)),
                    catalog.dataVersion());
        } catch (QueryCancelledException e) {
            if (running[0] != null && running[0].abortedForMemory())
                throw new Unavailable("the server is short of memory; retry after " + WorkLimiter.RETRY_AFTER_SECONDS + " s");
            throw new Unavailable("the question took longer than " + timeoutMillis / 1000 + " s");
        } finally {
            if (running[0] != null) running[0].close();
            slots.release();
            thread.setPriority(priority);
        }
    }

    public int precomputedCount() { return precomputed.size(); }

    /** True when {@code a} is one of the answers computed at build (so it never changes while the server runs). */
    public boolean isPrecomputed(Answer a) { return precomputed.get(a.key().canonical()) == a; }

    /**
     * True while every question slot is taken and a reader waits for one: then ad-hoc SPARQL, which has lower priority,
     * takes no new CPU (the request guard refuses it for the moment).
     */
    public boolean questionsWaiting() { return slots != null && slots.contended(); }

    /** Live answers held now, and their bytes: for tests and the bounds they check. */
    public int liveCount() { synchronized (live) { return live.size(); } }
    public long liveBytes() { synchronized (live) { return liveBytes; } }

    /** Every answer with closed parameter values, computed on the frozen graph (at build). Sorted by key. */
    public static Map<String, Answer> precompute(QueryCatalog catalog) {
        Map<String, Answer> out = new TreeMap<>();
        for (BoundQuery b : catalog.closedQuestions()) {
            String key = b.key().canonical();
            if (!out.containsKey(key))
                out.put(key, Answer.render(b.key(), catalog.run(b, 0), catalog.dataVersion()));
        }
        return out;
    }

    /** Writes answers in key order, so the same answers always give the same bytes. */
    public static void write(Map<String, Answer> answers, OutputStream raw) throws IOException {
        DataOutputStream out = new DataOutputStream(raw);
        out.writeInt(MAGIC);
        out.writeInt(answers.size());
        for (Answer a : new TreeMap<>(answers).values()) {
            AnswerKey k = a.key();
            out.writeUTF(k.queryId());
            out.writeUTF(k.lang());
            out.writeInt(k.params().size());
            for (Map.Entry<String, String> p : k.params().entrySet()) {
                out.writeUTF(p.getKey());
                out.writeUTF(p.getValue());
            }
            for (byte[] body : a.bodies()) {
                out.writeInt(body.length);
                out.write(body);
            }
        }
        out.flush();
    }

    public static Map<String, Answer> read(InputStream raw, String dataVersion) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (in.readInt() != MAGIC) throw new IOException("not an answers file");
        int n = in.readInt();
        Map<String, Answer> out = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String id = in.readUTF();
            String lang = in.readUTF();
            int params = in.readInt();
            TreeMap<String, String> p = new TreeMap<>();
            for (int j = 0; j < params; j++) p.put(in.readUTF(), in.readUTF());
            byte[][] bodies = new byte[ResultFormat.values().length][];
            for (int f = 0; f < bodies.length; f++) bodies[f] = in.readNBytes(in.readInt());
            AnswerKey key = new AnswerKey(id, lang, p);
            out.put(key.canonical(), new Answer(key, bodies, dataVersion));
        }
        return out;
    }
}
