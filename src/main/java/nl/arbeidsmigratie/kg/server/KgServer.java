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
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

import nl.arbeidsmigratie.kg.api.ApiModule;
import nl.arbeidsmigratie.kg.dump.DumpModule;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.linkeddata.LinkedDataModule;
import nl.arbeidsmigratie.kg.sparql.SparqlModule;
import nl.arbeidsmigratie.kg.web.WebModule;

/**
 * One process serving everything: embedded Fuseki with each feature installed as a {@code FusekiModule} (SPARQL,
 * API, linked data, dumps, web), and the HTTP concerns every path shares set once here on Jetty: bind address,
 * buffers, the request-size limit, gzip and graceful stop.
 */
public final class KgServer {
    /** Jena 5.6 gives every response a 5 MiB Jetty buffer (apache/jena#4084); 32 KiB avoids full-GC stalls. */
    private static final int OUTPUT_BUFFER = 32 * 1024;
    private static final int HEADER_LIMIT = 64 * 1024;
    /** Smaller bodies are not worth compressing: the gzip frame would eat the gain. */
    private static final int MIN_GZIP_BYTES = 512;
    /** Grace beyond the query timeout, so that on stop every query in flight can still answer. */
    private static final long STOP_GRACE_MILLIS = 5_000;

    private final FusekiServer fuseki;
    private final RequestGuard guard;
    private final ServerContext ctx;

    private KgServer(FusekiServer fuseki, RequestGuard guard, ServerContext ctx) {
        this.fuseki = fuseki;
        this.guard = guard;
        this.ctx = ctx;
    }

    public static KgServer create(ServerContext ctx) {
        RequestGuard guard = new RequestGuard(ctx.dataVersion(), ctx.sparqlSlots());
        FusekiServer fuseki = FusekiServer.create()
                .fusekiModules(FusekiModules.create(List.of(new SparqlModule(ctx), new ApiModule(ctx),
                        new LinkedDataModule(ctx), new DumpModule(ctx), new WebModule(ctx))))
                .port(ctx.options().port())
                .enablePing(true)
                .enableStats(false)
                .enableMetrics(false)
                .enableTasks(false)
                .enableCors(false)
                .addFilter("/*", guard)
                .build();
        tune(fuseki.getJettyServer(), ctx);
        return new KgServer(fuseki, guard, ctx);
    }

    /** Bind address, buffers, request-size limit, gzip and graceful stop, set on Jetty before it starts. */
    private static void tune(Server jetty, ServerContext ctx) {
        for (Connector c : jetty.getConnectors()) {
            if (c instanceof ServerConnector sc) sc.setHost(ctx.options().host());
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER);
                http.getHttpConfiguration().setRequestHeaderSize(HEADER_LIMIT);
                http.getHttpConfiguration().setSendServerVersion(false);
            }
        }
        // Jetty's GzipHandler compresses every compressible answer (pages, API, SPARQL results, RDF), honours
        // Accept-Encoding q-values (gzip;q=0), skips what is already compressed and suffixes ETags of the gzip variant.
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(MIN_GZIP_BYTES);
        gzip.setIncludedMethods("GET", "HEAD", "POST");
        gzip.setInflateBufferSize(-1);
        gzip.setHandler(jetty.getHandler());
        SizeLimitHandler sizeLimit = new SizeLimitHandler(ctx.options().maxRequestBytes(), -1);
        sizeLimit.setHandler(gzip);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(sizeLimit);
        jetty.setHandler(graceful);
        jetty.setStopTimeout(ctx.options().timeoutSeconds() * 1000L + STOP_GRACE_MILLIS);
    }

    /**
     * Starts, then sends one request down each kind of path (a question, a page, a SPARQL query, a resource) so the
     * code they run is loaded before the first reader arrives; only then does {@code /$/ping} answer 200.
     */
    public KgServer start() {
        fuseki.start();
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
    public void stop() { fuseki.stop(); }

    /** {@code serve}: start, print where it listens, and block until the JVM is told to stop. */
    public static boolean runUntilStopped(ServerContext ctx, PrintStream out, PrintStream err) {
        KgServer server = create(ctx);
        try {
            server.start();
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                err.println("error: port " + ctx.options().port() + " on " + ctx.options().host()
                        + " is already in use; choose another with --port");
            } else {
                err.println("error: cannot start the server: " + e.getMessage());
            }
            return false;
        }
        String host = ctx.options().host().contains(":") ? "[" + ctx.options().host() + "]" : ctx.options().host();
        // One println, not printf: printf writes in pieces, and the request log of the last warm-up request (written
        // by a Jetty thread after its answer went out) could land inside the line that says where we listen.
        out.println(String.format("Arbeidsmigratie KG %s listening on http://%s:%d/ (%d triples; SPARQL at /kg/sparql)",
                ctx.dataVersion(), host, server.port(), ctx.kg().all().size()));
        out.flush();
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
