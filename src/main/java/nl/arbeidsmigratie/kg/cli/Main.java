package nl.arbeidsmigratie.kg.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.arbeidsmigratie.kg.dump.Dumps;
import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.load.KgInputException;
import nl.arbeidsmigratie.kg.query.ParameterException;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.server.KgServer;
import nl.arbeidsmigratie.kg.server.ServerOptions;
import nl.arbeidsmigratie.kg.source.KgSource;

/**
 * {@code java -jar arbeidsmigratie-kg.jar COMMAND [options]}. Exit codes: 0 done, 1 bad usage, 2 bad input data
 * (the message names file and line/column, or focus node and rule), 3 cannot serve (e.g. port taken).
 */
public final class Main {
    static final int OK = 0, USAGE = 1, BAD_INPUT = 2, CANNOT_SERVE = 3;

    private static final String USAGE_TEXT = """
            Arbeidsmigratie KG: the knowledge graph of labour migration in the Netherlands.

            Usage: java -jar arbeidsmigratie-kg.jar COMMAND [options]

            Commands:
              serve      validate, infer, load, then serve the web page, SPARQL endpoint, API and dumps
              build      write the dumps and their VoID/DCAT description (--out DIR)
              validate   check the ontology and data (syntax, SHACL shapes, violation queries)
              query ID   run a prepared question without a server
              help       this text; COMMAND --help shows the options of one command

            Every command takes --source DIR to read ontology/, data/ and queries/ from DIR instead of the jar.
            """;

    private static final Map<String, String> HELP = Map.of(
            "serve", """
                    Usage: serve [--port 3030] [--host 127.0.0.1] [--timeout 30] [--max-rows 10000]
                                 [--max-concurrent 4] [--dumps DIR] [--source DIR]
                      --port N            port to listen on (0 = any free port; the chosen one is printed)
                      --host H            interface to bind; 0.0.0.0 exposes the server to the network
                      --timeout S         server-side query timeout in seconds (clients may only lower it)
                      --max-rows N        most rows (or triples' solutions) any query returns
                      --max-concurrent N  queries run at once; more get 503 with Retry-After
                      --dumps DIR         serve prebuilt dumps from DIR (default: build them at start-up)
                    """,
            "build", """
                    Usage: build --out DIR [--source DIR]
                      Writes arbeidsmigratie.ttl, .nt.gz, .jsonld, .rdf, .trig, SHA256SUMS and void.ttl into DIR.
                    """,
            "validate", """
                    Usage: validate [--source DIR]
                      Parses, infers and checks; prints the triple counts or every error found.
                    """,
            "query", """
                    Usage: query ID [--param name=value]... [--format csv|json|tsv|xml] [--lang nl|en] [--source DIR]
                      Runs the prepared question queries/ID.rq and prints its results. 'query --list' lists the ids.
                    """);

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
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
            KgSource source = o.single.containsKey("source") ? KgSource.directory(Path.of(o.single.get("source")))
                    : KgSource.bundled();
            return switch (command) {
                case "validate" -> validate(source, o, out, err);
                case "build" -> build(source, o, out, err);
                case "query" -> query(source, o, out, err);
                default -> serve(source, o, out, err);
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
        QueryCatalog catalog = QueryCatalog.load(kg);
        out.printf("valid: %d triples asserted, %d inferred; %d prepared questions (version %s)%n",
                kg.asserted().size(), kg.inferred().size(), catalog.all().size(), kg.dataVersion());
        return OK;
    }

    private static int build(KgSource source, Options o, PrintStream out, PrintStream err) {
        o.expectNoPositional();
        String dir = o.single.get("out");
        if (dir == null) throw new IllegalArgumentException("--out DIR is required");
        KnowledgeGraph kg = KnowledgeGraph.build(source);
        printWarnings(kg, err);
        QueryCatalog.load(kg);
        Map<String, String> sums = Dumps.write(kg, Path.of(dir));
        out.printf("wrote %d files to %s: %d triples (%d asserted, %d inferred), version %s%n",
                sums.size() + 1, dir, kg.all().size(), kg.asserted().size(), kg.inferred().size(), kg.dataVersion());
        return OK;
    }

    private static int query(KgSource source, Options o, PrintStream out, PrintStream err) {
        KnowledgeGraph kg = KnowledgeGraph.build(source);
        QueryCatalog catalog = QueryCatalog.load(kg);
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
        QueryCatalog.Format format = QueryCatalog.Format.of(o.single.getOrDefault("format", "csv"));
        if (format == null) throw new IllegalArgumentException("--format must be one of csv, json, tsv, xml");
        try {
            var bindings = catalog.bind(q, o.params, o.single.getOrDefault("lang", "nl"), List.of());
            var rows = catalog.run(q, bindings, 30_000);
            out.write(QueryCatalog.render(rows, format));
            out.flush();
            return OK;
        } catch (ParameterException e) {
            err.println("query: " + e.getMessage() + (e.allowed().isEmpty() ? "" : "\nallowed: " + e.allowed()));
            return USAGE;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int serve(KgSource source, Options o, PrintStream out, PrintStream err) {
        o.expectNoPositional();
        ServerOptions options = ServerOptions.from(o.single);
        KnowledgeGraph kg = KnowledgeGraph.build(source);
        printWarnings(kg, err);
        return KgServer.runUntilStopped(kg, options, out, err) ? OK : CANNOT_SERVE;
    }

    /** Warnings do not stop the build, but they are never silent. */
    private static void printWarnings(KnowledgeGraph kg, PrintStream err) {
        for (var w : kg.warnings()) err.println("warning: " + w);
    }

    /** {@code --name value} options, {@code --param k=v} pairs, flags and positional arguments. */
    static final class Options {
        private static final List<String> VALUED = List.of("source", "out", "port", "host", "timeout", "max-rows",
                "max-concurrent", "dumps", "format", "lang", "param");
        private static final List<String> FLAGS = List.of("list", "help");
        final Map<String, String> single = new LinkedHashMap<>();
        final Map<String, String> params = new LinkedHashMap<>();
        final List<String> positional = new ArrayList<>();
        final List<String> flags = new ArrayList<>();
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

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
