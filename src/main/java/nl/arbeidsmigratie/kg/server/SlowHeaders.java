package nl.arbeidsmigratie.kg.server;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes connections that take too long to send a request's headers. The idle timeout cannot: a client that sends
 * one header line every 10 s is never idle for long, and used to keep its connection (and a file descriptor)
 * forever. Once a second this looks at every connection whose parser is inside a request line or its headers, and
 * closes those that have been so for longer than the deadline. Jetty has no such setting of its own.
 */
final class SlowHeaders extends AbstractLifeCycle implements Runnable {
    private final Server server;
    private final long deadlineNanos;
    private final Map<EndPoint, Long> since = new IdentityHashMap<>();
    private Scheduler.Task task;

    SlowHeaders(Server server, long deadlineMillis) {
        this.server = server;
        this.deadlineNanos = deadlineMillis * 1_000_000;
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        if (task != null) task.cancel();
    }

    private void schedule() {
        if (isRunning() || isStarting()) task = server.getScheduler().schedule(this, 1, TimeUnit.SECONDS);
    }

    @Override
    public void run() {
        try {
            long now = System.nanoTime();
            Map<EndPoint, Long> seen = new IdentityHashMap<>();
            for (Connector c : server.getConnectors()) {
                for (EndPoint ep : c.getConnectedEndPoints()) {
                    if (!(ep.getConnection() instanceof HttpConnection http)) continue;
                    var parser = http.getParser();
                    if (parser.isStart() || !parser.inHeaderState()) continue;
                    long first = since.getOrDefault(ep, now);
                    seen.put(ep, first);
                    if (now - first > deadlineNanos) ep.close(new java.util.concurrent.TimeoutException("request headers too slow"));
                }
            }
            since.clear();
            since.putAll(seen);
        } finally {
            schedule();
        }
    }
}
