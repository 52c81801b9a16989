package nl.arbeidsmigratie.kg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

import nl.arbeidsmigratie.kg.api.ApiModule;
import nl.arbeidsmigratie.kg.dump.DumpModule;
import nl.arbeidsmigratie.kg.history.HistoryModule;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.linkeddata.LinkedDataModule;
import nl.arbeidsmigratie.kg.reconcile.ReconcileModule;
import nl.arbeidsmigratie.kg.sparql.SparqlModule;
import nl.arbeidsmigratie.kg.sparql.WorkerPool;
import nl.arbeidsmigratie.kg.web.WebModule;

/**
 * One process serving everything: embedded Fuseki with each feature installed as a {@code FusekiModule} (SPARQL,
 * API, linked data, dumps, web), and the HTTP concerns every path shares set once here on Jetty: bind address,
 * buffers, threads, connection and time limits for slow clients, request bodies read before anything else
 * ({@link BodyGate}), one log line per request ({@link RequestLog}), plain error answers ({@link PlainErrors}), gzip,
 * the heap guard and graceful stop. SECURITY.md lists every limit with its reason.
 */
public final class KgServer {
    /** Jena 5.6 gives every response a 5 MiB Jetty buffer (apache/jena#4084); 32 KiB avoids full-GC stalls. */
    private static final int OUTPUT_BUFFER = 32 * 1024;
    /** Request line and headers; a GET query travels in the request line. */
    private static final int HEADER_LIMIT = 64 * 1024;
    /** Threads: enough that pages and pings never wait behind the (capped) queries; bodies are read without one. */
    static final int MIN_THREADS = 8;
    static final int MAX_THREADS = 128;
    /** Open connections at most; past it Jetty stops accepting and cuts idle ones after {@link #BUSY_IDLE_MILLIS}. */
    static final int MAX_CONNECTIONS = 1_000;
    /** Open connections per client address at most, so that one client cannot take all {@link #MAX_CONNECTIONS}. */
    static final int MAX_CONNECTIONS_PER_CLIENT = 250;
    /**
     * Above this many open connections, each new one closes the longest-idle connection (idle at least
     * {@link #MIN_IDLE_TO_CLOSE_MILLIS}) of the address holding the most: the total stays far below
     * {@link #MAX_CONNECTIONS}, where Jetty would stop accepting, so a new client always gets in.
     */
    static final int CROWDED_CONNECTIONS = 400;
    static final long MIN_IDLE_TO_CLOSE_MILLIS = 1_000;
    static final long IDLE_MILLIS = 30_000;
    static final long BUSY_IDLE_MILLIS = 5_000;
    /** A request line and headers must be complete within this time; a body, within this time after them. */
    static final long HEADER_DEADLINE_MILLIS = 10_000;
    static final long BODY_DEADLINE_MILLIS = 10_000;
    /** A backstop only: the SPARQL answers stop at 32 MiB well before, and the largest dump is a few MiB. */
    static final long RESPONSE_BACKSTOP_BYTES = 256L << 20;
    /** Smaller bodies are not worth compressing: the gzip frame would eat the gain. */
    private static final int MIN_GZIP_BYTES = 512;
    /** Grace beyond the query timeout, so that on stop every query in flight can still answer. */
    private static final long STOP_GRACE_MILLIS = 5_000;
    /** How long start-up waits for the query workers. */
    private static final long WORKER_START_MILLIS = 180_000;

    private final FusekiServer fuseki;
    private final RequestGuard guard;
    private final ServerContext ctx;
    private final WorkerPool workers;

    private KgServer(FusekiServer fuseki, RequestGuard guard, ServerContext ctx, WorkerPool workers) {
        this.fuseki = fuseki;
        this.guard = guard;
        this.ctx = ctx;
        this.workers = workers;
    }

    /** @param workerLaunch how to start the query workers that answer ad-hoc SPARQL ({@link QueryWorkers}) */
    public static KgServer create(ServerContext ctx, WorkerPool.Launch workerLaunch) {
        RequestGuard guard = new RequestGuard(ctx.dataVersion(), ctx.sparqlSlots(), ctx.answers()::questionsWaiting);
        WorkerPool workers = WorkerPool.start(workerLaunch);
        FusekiServer fuseki = FusekiServer.create()
                .fusekiModules(FusekiModules.create(List.of(new SparqlModule(ctx, workers), new ApiModule(ctx),
                        new LinkedDataModule(ctx), new DumpModule(ctx), new ReconcileModule(ctx), new WebModule(ctx),
                        new HistoryModule(ctx))))
                .port(ctx.options().port())
                .enablePing(true)
                .enableStats(false)
                .enableMetrics(false)
                .enableTasks(false)
                .enableCors(false)
                .numServerThreads(MIN_THREADS, MAX_THREADS)
                .addFilter("/*", guard)
                .build();
        tune(fuseki.getJettyServer(), ctx);
        return new KgServer(fuseki, guard, ctx, workers);
    }

    /** Bind address, buffers, limits, logging, gzip and graceful stop, set on Jetty before it starts. */
    private static void tune(Server jetty, ServerContext ctx) {
        for (Connector c : jetty.getConnectors()) {
            if (c instanceof ServerConnector sc) {
                sc.setHost(ctx.options().host());
                sc.setIdleTimeout(IDLE_MILLIS);
                sc.addBean(new ConnectionsPerClient(MAX_CONNECTIONS_PER_CLIENT, CROWDED_CONNECTIONS, MIN_IDLE_TO_CLOSE_MILLIS));
            }
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER);
                http.getHttpConfiguration().setRequestHeaderSize(HEADER_LIMIT);
                http.getHttpConfiguration().setSendServerVersion(false);
            }
        }
        NetworkConnectionLimit connections = new NetworkConnectionLimit(MAX_CONNECTIONS, jetty);
        connections.setEndPointIdleTimeout(BUSY_IDLE_MILLIS);
        jetty.addBean(connections);
        jetty.addBean(new SlowHeaders(jetty, HEADER_DEADLINE_MILLIS));
        jetty.setRequestLog(new RequestLog());
        PlainErrors errors = new PlainErrors();
        jetty.setErrorHandler(errors);
        for (ServletContextHandler context : jetty.getDescendants(ServletContextHandler.class)) {
            context.setErrorHandler(errors);
            // A form may be as large as any body BodyGate lets through (Jetty's own default is 200,000 bytes).
            context.setMaxFormContentSize(ctx.options().maxRequestBytes());
        }
        // Jetty's GzipHandler compresses every compressible answer (pages, API, SPARQL results, RDF), honours
        // Accept-Encoding q-values (gzip;q=0), skips what is already compressed and suffixes ETags of the gzip variant.
        // It never inflates request bodies: BodyGate refuses those with a Content-Encoding.
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(MIN_GZIP_BYTES);
        gzip.setIncludedMethods("GET", "HEAD", "POST");
        gzip.setInflateBufferSize(-1);
        gzip.setHandler(jetty.getHandler());
        SizeLimitHandler responseLimit = new SizeLimitHandler(-1, RESPONSE_BACKSTOP_BYTES);
        responseLimit.setHandler(gzip);
        BodyGate bodies = new BodyGate(ctx.options().maxRequestBytes(), BODY_DEADLINE_MILLIS);
        bodies.setHandler(responseLimit);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(bodies);
        ResponseHeaders headers = new ResponseHeaders();
        headers.setHandler(graceful);
        jetty.setHandler(headers);
        jetty.setStopTimeout(ctx.options().timeoutSeconds() * 1000L + STOP_GRACE_MILLIS);
        HeapGuard.install();
    }

    /**
     * Starts, then sends one request down each kind of path (a question, a page, a SPARQL query, a resource) so the
     * code they run is loaded before the first reader arrives; only then does {@code /$/ping} answer 200.
     */
    public KgServer start() {
        fuseki.start();
        // Ready means the query workers have loaded the graph.
        try {
            if (!workers.awaitWorkers(WORKER_START_MILLIS))
                throw new IllegalStateException("no query worker started within " + WORKER_START_MILLIS / 1000 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        warmUp();
        guard.ready();
        return this;
    }

    private void warmUp() {
        String base = "http://" + (ctx.options().host().contains(":") ? "[" + ctx.options().host() + "]"
                : ctx.options().host().equals("0.0.0.0") ? "127.0.0.1" : ctx.options().host()) + ":" + port();
        for (String path : List.of("/api/queries/agenda?format=json", "/api/queries/agenda?format=csv", "/q/agenda",
                "/kg/sparql?query=ASK%7B%7D", "/id/bron/rapport", "/")) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
                c.setRequestProperty("Accept-Encoding", "gzip");
                try (InputStream in = c.getInputStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                c.disconnect();
            } catch (IOException e) {
                // a warm-up that fails only costs the first reader a few milliseconds
            }
        }
    }

    public int port() { return fuseki.getHttpPort(); }

    /** Stops accepting requests, lets in-flight ones finish (at most the query timeout plus 5 s), then stops. */
    public void stop() {
        fuseki.stop();
        workers.close();
    }

    /** {@code serve}: start, print where it listens, and block until the JVM is told to stop. */
    public static boolean runUntilStopped(ServerContext ctx, WorkerPool.Launch workerLaunch, PrintStream out, PrintStream err) {
        KgServer server = create(ctx, workerLaunch);
        try {
            server.start();
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                err.println("error: port " + ctx.options().port() + " on " + ctx.options().host()
                        + " is already in use; choose another with --port");
            } else {
                err.println("error: cannot start the server: " + e.getMessage());
            }
            server.workers.close();
            return false;
        }
        String host = ctx.options().host().contains(":") ? "[" + ctx.options().host() + "]" : ctx.options().host();
        // One println, not printf: printf writes in pieces, and the request log of the last warm-up request (written
        // by a Jetty thread after its answer went out) could land inside the line that says where we listen.
        out.println(String.format("Arbeidsmigratie KG %s listening on http://%s:%d/ (%d triples; SPARQL at /kg/sparql)",
                ctx.dataVersion(), host, server.port(), ctx.kg().all().size()));
        out.flush();
        if (ClassArchive.training()) {
            server.stop();
            return true;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "graceful-stop"));
        try {
            server.fuseki.join();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) return true;
            if (t.getMessage() != null && t.getMessage().contains("Address already in use")) return true;
        }
        return false;
    }
}
