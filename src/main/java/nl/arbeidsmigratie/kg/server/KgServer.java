package nl.arbeidsmigratie.kg.server;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

import nl.arbeidsmigratie.kg.api.ApiServlet;
import nl.arbeidsmigratie.kg.dump.Dumps;
import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.linkeddata.DumpServlet;
import nl.arbeidsmigratie.kg.linkeddata.ResourceServlet;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.web.WebPages;

/**
 * One process serving everything: embedded Fuseki (read-only SPARQL and GSP read at {@code /kg}), the
 * prepared-question API, linked-data pages, dumps and the web page. Public-endpoint limits are set here.
 */
public final class KgServer {
    /** Jena 5.6 gives every response a 5 MiB Jetty buffer (apache/jena#4084); 32 KiB avoids full-GC stalls. */
    private static final int OUTPUT_BUFFER = 32 * 1024;
    private static final int HEADER_LIMIT = 64 * 1024;
    /** Grace beyond the query timeout, so that on stop every query in flight can still answer. */
    private static final long STOP_GRACE_MILLIS = 5_000;

    private final FusekiServer fuseki;
    private final ServerContext context;

    private KgServer(FusekiServer fuseki, ServerContext context) {
        this.fuseki = fuseki;
        this.context = context;
    }

    public static KgServer create(KnowledgeGraph kg, ServerOptions options) {
        // Public endpoint: queries may never reach out to other hosts.
        ARQ.globalServiceAllowed = false;
        ARQ.getContext().set(ARQ.httpServiceAllowed, false);
        QueryCatalog catalog = QueryCatalog.load(kg);
        Path dumps = options.dumps() != null ? options.dumps() : buildDumps(kg);
        ServerContext ctx = new ServerContext(kg, catalog, options, dumps, new WorkLimiter(options.maxConcurrent()));

        ResourceServlet resources = new ResourceServlet(ctx);
        DumpServlet dumpFiles = new DumpServlet(ctx);
        FusekiServer.Builder b = FusekiServer.create()
                .fusekiModules(FusekiModules.empty())
                .port(options.port())
                .enablePing(true)
                .enableStats(false)
                .enableMetrics(false)
                .enableTasks(false)
                .enableCors(false)
                .registerOperation(Operation.Query, new SafeQueryService(ctx.timeoutMillis(), options.maxRows()))
                .add("/kg", kg.dataset(), false)
                .addFilter("/*", new RequestGuard(kg.dataVersion(), ctx.limiter()))
                .addServlet("/api/*", new ApiServlet(ctx))
                .addServlet("/id/*", resources)
                .addServlet("/def", resources)
                .addServlet("/dumps/*", dumpFiles)
                .addServlet("/.well-known/void", dumpFiles);
        WebPages.install(b, ctx);
        FusekiServer fuseki = b.build();
        tune(fuseki.getJettyServer(), options);
        return new KgServer(fuseki, ctx);
    }

    private static Path buildDumps(KnowledgeGraph kg) {
        try {
            Path dir = Files.createTempDirectory("arbeidsmigratie-dumps-");
            dir.toFile().deleteOnExit();
            Dumps.write(kg, dir);
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().deleteOnExit());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bind address, buffers, request-size limit and graceful stop, set on Jetty before it starts. */
    private static void tune(Server jetty, ServerOptions options) {
        for (Connector c : jetty.getConnectors()) {
            if (c instanceof ServerConnector sc) sc.setHost(options.host());
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER);
                http.getHttpConfiguration().setRequestHeaderSize(HEADER_LIMIT);
                http.getHttpConfiguration().setSendServerVersion(false);
            }
        }
        SizeLimitHandler sizeLimit = new SizeLimitHandler(options.maxRequestBytes(), -1);
        sizeLimit.setHandler(jetty.getHandler());
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(sizeLimit);
        jetty.setHandler(graceful);
        jetty.setStopTimeout(options.timeoutSeconds() * 1000L + STOP_GRACE_MILLIS);
    }

    public KgServer start() {
        fuseki.start();
        return this;
    }

    public int port() { return fuseki.getHttpPort(); }

    /** Stops accepting requests, lets in-flight ones finish (at most the query timeout plus 5 s), then stops. */
    public void stop() { fuseki.stop(); }

    public ServerContext context() { return context; }

    /** {@code serve}: start, print where it listens, and block until the JVM is told to stop. */
    public static boolean runUntilStopped(KnowledgeGraph kg, ServerOptions options, PrintStream out, PrintStream err) {
        KgServer server = create(kg, options);
        try {
            server.start();
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                err.println("error: port " + options.port() + " on " + options.host()
                        + " is already in use; choose another with --port");
            } else {
                err.println("error: cannot start the server: " + e.getMessage());
            }
            return false;
        }
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        out.printf("Arbeidsmigratie KG %s listening on http://%s:%d/ (%d triples; SPARQL at /kg/sparql)%n",
                kg.dataVersion(), host, server.port(), kg.all().size());
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
