package nl.arbeidsmigratie.kg.sparql;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Reply;
import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Request;

/**
 * One worker process as the server sees it: started with its command, ready once it says so, sent requests, and
 * ended with {@link Process#destroyForcibly()} whenever a query in it must stop. A reader thread hands each reply to
 * the request waiting for it; when the process ends, every request still waiting fails with {@link Gone}.
 */
final class Worker {
    /** The worker ended before it replied (ended by the server, out of memory, or crashed). */
    static final class Gone extends RuntimeException {
        private static final long serialVersionUID = 1L;
        Gone() { super("the query worker ended", null, false, false); }
    }

    private final Process process;
    private final DataOutputStream requests;
    private final Map<Long, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final java.util.function.Consumer<Worker> onEnd;
    private volatile boolean ended;

    private Worker(Process process, java.util.function.Consumer<Worker> onEnd) {
        this.process = process;
        this.onEnd = onEnd;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        Thread reader = new Thread(this::readReplies, "worker-" + process.pid() + "-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /** @param onEnd told (once, on the reader thread) when the process has ended, for whatever reason */
    static Worker start(List<String> command, java.util.function.Consumer<Worker> onEnd) throws IOException {
        // The worker's own messages (warnings, a crash) go to the server's standard error.
        return new Worker(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start(), onEnd);
    }

    /** Waits until the worker has loaded its graph; false when it ended first or took longer than {@code millis}. */
    boolean awaitReady(long millis) {
        try {
            ready.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    boolean alive() { return !ended && process.isAlive(); }

    long pid() { return process.pid(); }

    /** Sends {@code r}; the future completes with the reply, or with {@link Gone}. */
    CompletableFuture<Reply> send(Request r) {
        CompletableFuture<Reply> f = new CompletableFuture<>();
        waiting.put(r.id(), f);
        if (ended) f.completeExceptionally(new Gone());
        try {
            synchronized (requests) {
                r.write(requests);
            }
        } catch (IOException e) {
            end();
        }
        return f;
    }

    /** The process's exit status once it has ended, waiting at most {@code millis}; null if it still runs. */
    Integer exitStatus(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Ends the process at once; whatever it was running fails with {@link Gone}. */
    void end() {
        ended = true;
        process.destroyForcibly();
        failWaiting();
    }

    /** Ends the process and waits (briefly) until the operating system has taken it away. */
    void endAndWait() {
        end();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readReplies() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16))) {
            if (in.readInt() != WorkerProtocol.READY) throw new IOException("not a query worker");
            ready.complete(null);
            while (true) {
                Reply reply = Reply.read(in);
                CompletableFuture<Reply> f = waiting.remove(reply.id());
                if (f != null) f.complete(reply);
            }
        } catch (IOException e) {
            // the process ended (or was ended): nothing more will come
        } finally {
            ended = true;
            ready.completeExceptionally(new Gone());
            failWaiting();
            process.destroyForcibly();
            onEnd.accept(this);
        }
    }

    private void failWaiting() {
        for (Long id : List.copyOf(waiting.keySet())) {
            CompletableFuture<Reply> f = waiting.remove(id);
            if (f != null) f.completeExceptionally(new Gone());
        }
    }
}
