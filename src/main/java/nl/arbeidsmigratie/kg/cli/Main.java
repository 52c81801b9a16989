package nl.arbeidsmigratie.kg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.arbeidsmigratie.kg.dump.Dumps;
import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.http.ServerOptions;
import nl.arbeidsmigratie.kg.load.KgInputException;
import nl.arbeidsmigratie.kg.query.Answer;
import nl.arbeidsmigratie.kg.query.Answers;
import nl.arbeidsmigratie.kg.query.BoundQuery;
import nl.arbeidsmigratie.kg.query.ParameterException;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.query.ResultFormat;
import nl.arbeidsmigratie.kg.query.WorkLimiter;
import nl.arbeidsmigratie.kg.release.Release;
import nl.arbeidsmigratie.kg.release.Tdb2Store;
import nl.arbeidsmigratie.kg.server.HeapLauncher;
import nl.arbeidsmigratie.kg.server.KgServer;
import nl.arbeidsmigratie.kg.server.QueryWorkers;
import nl.arbeidsmigratie.kg.sparql.QueryWorker;
import nl.arbeidsmigratie.kg.sparql.WorkerPool;
import nl.arbeidsmigratie.kg.source.KgSource;

/**
 * {@code java -jar arbeidsmigratie-kg.jar COMMAND [options]}. Exit codes: 0 done, 1 bad usage, 2 bad input data
 * (the message names file and line/column, or focus node and rule), 3 cannot serve (e.g. port taken).
 */
public final class Main {
    static final int OK = 0, USAGE = 1, BAD_INPUT = 2, CANNOT_SERVE = 3;
    /**
     * Prepared questions computed live at once (free text, other dates); separate from the ad-hoc SPARQL slots, so
     * ad-hoc load never takes them. They take a fraction of a second, so a reader may wait (up to 15 s, in a bounded
     * line) rather than get a 503, and while one waits no new ad-hoc query starts.
     */
    private static final int QUESTION_SLOTS = 4;
    private static final long QUESTION_WAIT_MILLIS = 15_000;

    private static final String USAGE_TEXT = """
            Arbeidsmigratie KG: the knowledge graph of labour migration in the Netherlands.

            Usage: java -jar arbeidsmigratie-kg.jar COMMAND [options]

            Commands:
              serve      serve the web page, SPARQL endpoint, API, linked data and dumps
              build      write the dumps and their VoID/DCAT description (--out DIR)
              validate   check the ontology and data (syntax, SHACL shapes, violation queries)
              query ID   run a prepared question without a server
              release    build the release that mvn package stores in the jar (--out DIR)
              publish    record the sources' graph as a published release in releases/ and write CHANGELOG.md
              help       this text; COMMAND --help shows the options of one command

            serve, build and query use the graph that mvn package validated, inferred and stored in the jar.
            With --source DIR they (and validate) run the whole pipeline on ontology/, data/ and queries/ in DIR.
            """;

    private static final Map<String, String> HELP = Map.of(
            "serve", """
                    Usage: serve [--port 3030] [--host 127.0.0.1] [--public-url URL] [--timeout 30]
                                 [--max-rows 10000] [--max-concurrent N] [--source DIR] [--tdb2 DIR]
                      --port N            port to listen on (0 = any free port; the chosen one is printed)
                      --host H            interface to bind; 0.0.0.0 exposes the server to the network
                      --public-url URL    where readers reach the server (permalinks, citations, Link headers);
                                          without it links are relative, never taken from the Host header
                      --timeout S         server-side query timeout in seconds (clients may only lower it)
                      --max-rows N        most rows (or triples' solutions) any query returns
                      --max-concurrent N  ad-hoc SPARQL queries run at once (default: one per core, 2 to 4; half of
                                          them per client); more get 503 with Retry-After
                      --source DIR        validate, infer and serve the sources in DIR instead of the jar's release
                      --tdb2 DIR          serve the graph from the TDB2 store that 'build --tdb2 DIR' wrote, not memory
                    Memory: without a heap setting (-Xmx), serve runs the server in a child JVM with -Xmx a quarter of
                    the memory (256 MiB to 1 GiB) and bounded other pools, and prints the ceiling that implies; with
                    java -Xmx… -jar … serve it runs in that JVM. SECURITY.md lists every limit.
                    """,
            "build", """
                    Usage: build --out DIR [--source DIR]
                           build --tdb2 DIR [--add FILE]... [--source DIR]
                      Writes arbeidsmigratie.ttl, .nt.gz, .jsonld, .rdf, .trig (each uncompressed one also as .gz),
                      SHA256SUMS and void.ttl into DIR: the jar's release, or the sources in --source DIR.
                      With --tdb2: loads the graph into a new TDB2 store in DIR with Jena's bulk loader, for
                      'serve --tdb2 DIR'; --add FILE also loads an RDF file (e.g. the benchmark's synthetic data)
                      into that store only, never into the dumps.
                    """,
            "validate", """
                    Usage: validate [--source DIR]
                      Parses, infers and checks; prints the triple counts or every error found.
                    """,
            "query", """
                    Usage: query ID [--param name=value]... [--format csv|json|tsv|xml] [--lang nl|en] [--source DIR]
                      Runs the prepared question queries/ID.rq and prints its results. 'query --list' lists the ids.
                    """,
            "release", """
                    Usage: release --out DIR [--source DIR]
                      Runs the whole pipeline and writes what serve and query load: graph.rt, catalog.json,
                      answers.bin, dumps/, history/ and release.properties. mvn package runs it into the jar.
                    """,
            "publish", """
                    Usage: publish [--source DIR] [--archive DIR] [--date YYYY-MM-DD] [--unchecked]
                      Adds the graph of the sources (the current directory's with no --source) to the archive of
                      published releases (--archive, default releases/ beside the sources): its canonical N-Triples
                      (gzip) and a line in index.tsv; then writes CHANGELOG.md beside the archive. The date defaults
                      to project.build.outputTimestamp. A version already there is left as it is.
                      --unchecked  parse only, do not validate: to import an old commit's data into the history.
                    """);

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(QUERY_WORKER)) {
            queryWorker(args);
            return;
        }
        System.exit(run(args, System.out, System.err));
    }

    /** The internal command {@code serve} starts its query workers with (see {@link WorkerPool}). */
    public static final String QUERY_WORKER = "query-worker";

    /**
     * A query worker: loads the graph ({@code --tdb2 DIR}, {@code --release DIR}, or the jar's release), then answers
     * the requests on standard input on standard output, which from now on carries nothing else.
     */
    private static void queryWorker(String[] args) {
        java.io.OutputStream frames = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        System.setOut(System.err);
        List<String> a = List.of(args);
        try {
            if (a.contains("--tdb2")) {
                var store = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(a.get(a.indexOf("--tdb2") + 1));
                QueryWorker.serve(store, true, System.in, frames);
            } else {
                Path dir = a.contains("--release") ? Path.of(a.get(a.indexOf("--release") + 1)) : KgSource.bundled().releaseDir();
                QueryWorker.serve(Release.graphOnly(dir).dataset(), false, System.in, frames);
            }
            System.exit(0);
        } catch (IOException | RuntimeException e) {
            System.err.println("query worker: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || isHelp(args[0]) || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        if (!HELP.containsKey(command)) {
            err.println("Unknown command '" + command + "'.\n");
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Options o;
        try {
            o = Options.parse(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage() + "\n");
            err.print(HELP.get(command));
            return USAGE;
        }
        if (o.help) {
            out.print(HELP.get(command));
            return OK;
        }
        try {
            boolean fromSources = o.single.containsKey("source");
            KgSource source = fromSources ? KgSource.directory(Path.of(o.single.get("source"))) : KgSource.bundled();
            return switch (command) {
                case "validate" -> validate(source, o, out, err);
                case "build" -> build(source, fromSources, o, out, err);
                case "release" -> release(source, o, out, err);
                case "publish" -> publish(fromSources ? source : KgSource.directory(Path.of(".")), o, out);
                case "query" -> query(source, fromSources, o, out, err);
                default -> serve(source, fromSources, o, out, err, List.of(args).subList(1, args.length));
            };
        } catch (KgInputException e) {
            err.println("error: " + e.getMessage());
            err.println("Nothing was written or served.");
            return BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return USAGE;
        }
    }

    private static boolean isHelp(String a) { return a.equals("--help") || a.equals("-h"); }

    private static int validate(KgSource source, Options o, PrintStream out, PrintStream err) {
        o.expectNoPositional();
        KnowledgeGraph kg = KnowledgeGraph.build(source);
        printWarnings(kg, err);
        QueryCatalog catalog = QueryCatalog.build(kg);
        out.printf("valid: %d triples asserted, %d inferred; %d prepared questions (version %s)%n",
                kg.asserted().size(), kg.inferred().size(), catalog.all().size(), kg.dataVersion());
        return OK;
    }

    private static int build(KgSource source, boolean fromSources, Options o, PrintStream out, PrintStream err) {
        o.expectNoPositional();
        if (o.single.containsKey("tdb2")) {
            Release r = releaseFor(source, fromSources, err);
            long t0 = System.nanoTime();
            long n = Tdb2Store.build(r.kg(), Path.of(o.single.get("tdb2")), o.added.stream().map(Path::of).toList());
            out.printf("loaded %d triples into the TDB2 store %s in %.1f s%n", n, o.single.get("tdb2"),
                    (System.nanoTime() - t0) / 1e9);
            return OK;
        }
        String dir = o.single.get("out");
        if (dir == null) throw new IllegalArgumentException("--out DIR (or --tdb2 DIR) is required");
        Release r = fromSources ? null : Release.load(source);
        if (r == null) {
            KnowledgeGraph kg = KnowledgeGraph.build(source);
            printWarnings(kg, err);
            QueryCatalog.build(kg);
            Map<String, String> sums = Dumps.write(kg, Path.of(dir));
            out.printf("wrote %d dumps to %s: %d triples (%d asserted, %d inferred), version %s%n",
                    sums.size(), dir, kg.all().size(), kg.asserted().size(), kg.inferred().size(), kg.dataVersion());
        } else {
            int n = Dumps.copy(r.dumps(), Path.of(dir)).size();
            out.printf("wrote %d files to %s from the release: %d triples, version %s%n", n, dir,
                    r.kg().all().size(), r.kg().dataVersion());
        }
        return OK;
    }

    private static int release(KgSource source, Options o, PrintStream out, PrintStream err) {
        o.expectNoPositional();
        String dir = o.single.get("out");
        if (dir == null) throw new IllegalArgumentException("--out DIR is required");
        Release r = Release.build(source, Path.of(dir));
        printWarnings(r.kg(), err);
        out.printf("release %s: %d triples (%d asserted, %d inferred), %d precomputed answers, written to %s%n",
                r.kg().dataVersion(), r.kg().all().size(), r.kg().asserted().size(), r.kg().inferred().size(),
                r.answers().size(), dir);
        return OK;
    }

    private static int publish(KgSource source, Options o, PrintStream out) {
        o.expectNoPositional();
        Path archive = o.single.containsKey("archive") ? Path.of(o.single.get("archive")) : source.releasesArchive();
        var r = nl.arbeidsmigratie.kg.history.Publish.publish(source, archive, o.single.get("date"), !o.flags.contains("unchecked"));
        out.printf("%s %s (%s, %d asserted triples) in %s; CHANGELOG.md written%n", r.added() ? "published" : "already published",
                r.version(), r.date(), r.triples(), r.archive());
        return OK;
    }

    /** The jar's release; with --source (or when run from classes without one), the pipeline into a temp folder. */
    private static Release releaseFor(KgSource source, boolean fromSources, PrintStream err) {
        Release r = fromSources ? null : Release.load(source);
        if (r != null) return r;
        try {
            Path dir = Files.createTempDirectory("arbeidsmigratie-release-");
            Path release = dir.resolve("release");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            Release built = Release.build(source, release);
            printWarnings(built.kg(), err);
            return built;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    private static int query(KgSource source, boolean fromSources, Options o, PrintStream out, PrintStream err) {
        Release r = releaseFor(source, fromSources, err);
        QueryCatalog catalog = r.catalog();
        if (o.flags.contains("list")) {
            for (PreparedQuery q : catalog.all()) out.println(q.id() + "\t" + q.title("en"));
            return OK;
        }
        if (o.positional.size() != 1) throw new IllegalArgumentException("give exactly one query ID (see query --list)");
        PreparedQuery q = catalog.get(o.positional.get(0));
        if (q == null) {
            err.println("query: unknown id '" + o.positional.get(0) + "'. Known: "
                    + catalog.all().stream().map(PreparedQuery::id).toList());
            return USAGE;
        }
        ResultFormat format = ResultFormat.of(o.single.getOrDefault("format", "csv"));
        if (format == null) throw new IllegalArgumentException("--format must be one of " + ResultFormat.names());
        try {
            BoundQuery bound = catalog.bind(q, o.params, o.single.getOrDefault("lang", "nl"), List.of());
            Answers answers = new Answers(catalog, r.answers(), new WorkLimiter(1), 0, 1, Long.MAX_VALUE);
            out.write(answers.answer(bound).body(format));
            out.flush();
            return OK;
        } catch (ParameterException e) {
            err.println("query: " + e.getMessage() + (e.allowed().isEmpty() ? "" : "\nallowed: " + e.allowed()));
            return USAGE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int serve(KgSource source, boolean fromSources, Options o, PrintStream out, PrintStream err,
                             List<String> args) {
        o.expectNoPositional();
        ServerOptions options = ServerOptions.from(o.single);
        // Without heap settings of its own, the server runs in a child JVM that has them (see HeapLauncher).
        var child = HeapLauncher.relaunch(args, Main.class.getName(), err);
        if (child.isPresent()) return child.get();
        HeapLauncher.watchParent();
        boolean tdb2 = o.single.containsKey("tdb2");
        String heap = HeapLauncher.heapReport(QueryWorkers.processes(tdb2, options.maxConcurrent()));
        if (heap == null) {
            err.println("error: the JVM heap is " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; serve needs at least "
                    + HeapLauncher.MIN_HEAP_MIB + " MiB (start it with -Xmx" + HeapLauncher.MIN_HEAP_MIB + "m or more)");
            return CANNOT_SERVE;
        }
        out.println(heap);
        Release r = releaseFor(source, fromSources, err);
        KnowledgeGraph kg = r.kg();
        QueryCatalog catalog = r.catalog();
        Map<String, Answer> precomputed = r.answers();
        List<String> workerGraph;
        if (tdb2) {
            // One process may open a TDB2 store: the query worker. The server keeps a copy in memory for its pages.
            Path dir = Path.of(o.single.get("tdb2")).toAbsolutePath();
            Tdb2Store.Opened store = Tdb2Store.copyToMemory(r.kg(), dir);
            kg = store.kg();
            catalog = catalog.on(kg);
            // Added files change the answers: compute them from the store, then cache them.
            if (!store.sameAsRelease()) precomputed = Map.of();
            workerGraph = List.of("--tdb2", dir.toString());
        } else {
            Path releaseDir = r.dumps().getParent();
            workerGraph = releaseDir.getFileSystem() == java.nio.file.FileSystems.getDefault()
                    ? List.of("--release", releaseDir.toAbsolutePath().toString()) : List.of();
        }
        // Live answers get a small share of the heap: a sixteenth, at most 64 MiB (a status answer on another date is
        // half a MiB in its four formats, and readers ask for many dates).
        long liveBytes = Math.min(Answers.MAX_LIVE_BYTES, Runtime.getRuntime().maxMemory() / 16);
        ServerContext ctx = new ServerContext(kg, catalog,
                new Answers(catalog, precomputed, new WorkLimiter(QUESTION_SLOTS, QUESTION_WAIT_MILLIS), options.timeoutSeconds() * 1000L,
                        Answers.MAX_LIVE_ENTRIES, liveBytes),
                options, new WorkLimiter(options.maxConcurrent()), r.dumps());
        WorkerPool.Launch workers = QueryWorkers.launch(Main.class.getName(), QUERY_WORKER, workerGraph, options.maxConcurrent());
        return KgServer.runUntilStopped(ctx, workers, out, err) ? OK : CANNOT_SERVE;
    }

    /** Warnings do not stop the build, but they are never silent. */
    private static void printWarnings(KnowledgeGraph kg, PrintStream err) {
        for (var w : kg.warnings()) err.println("warning: " + w);
    }

    /** {@code --name value} options, {@code --param k=v} pairs, flags and positional arguments. */
    static final class Options {
        private static final List<String> VALUED = List.of("source", "out", "port", "host", "public-url", "timeout",
                "max-rows", "max-concurrent", "format", "lang", "param", "tdb2", "add", "archive", "date");
        private static final List<String> FLAGS = List.of("list", "help", "unchecked");
        final Map<String, String> single = new LinkedHashMap<>();
        final Map<String, String> params = new LinkedHashMap<>();
        final List<String> positional = new ArrayList<>();
        final List<String> flags = new ArrayList<>();
        /** {@code --add FILE}, which may be given more than once. */
        final List<String> added = new ArrayList<>();
        boolean help;

        static Options parse(List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--help") || a.equals("-h")) { o.help = true; continue; }
                if (!a.startsWith("--")) { o.positional.add(a); continue; }
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq > 0) { value = name.substring(eq + 1); name = name.substring(0, eq); }
                if (FLAGS.contains(name)) { o.flags.add(name); continue; }
                if (!VALUED.contains(name)) throw new IllegalArgumentException("unknown option --" + name);
                if (value == null) {
                    if (i + 1 >= args.size()) throw new IllegalArgumentException("--" + name + " needs a value");
                    value = args.get(++i);
                }
                if (name.equals("param")) {
                    int e = value.indexOf('=');
                    if (e <= 0) throw new IllegalArgumentException("--param needs name=value, got '" + value + "'");
                    o.params.put(value.substring(0, e), value.substring(e + 1));
                } else if (name.equals("add")) {
                    o.added.add(value);
                } else {
                    o.single.put(name, value);
                }
            }
            return o;
        }

        void expectNoPositional() {
            if (!positional.isEmpty()) throw new IllegalArgumentException("unexpected argument '" + positional.get(0) + "'");
        }
    }
}
