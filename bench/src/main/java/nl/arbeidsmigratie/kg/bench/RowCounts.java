package nl.arbeidsmigratie.kg.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code RowCounts OUT_DIR [ENGINE…]}: before any time is compared, every engine answers every item once; writes
 * {@code rowcounts.tsv} (item, engine, rows) and {@code workload.tsv} (item, kind, API path, SPARQL text as one
 * line) for the served-load part. Exits non-zero when two engines disagree on an item's row count.
 */
public final class RowCounts {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        List<String> engines = args.length > 1 ? List.of(args).subList(1, args.length) : Engines.ALL;
        var items = Workload.items(Engines.release().catalog());
        try (PrintStream w = new PrintStream(Files.newOutputStream(dir.resolve("workload.tsv")), true, "UTF-8")) {
            for (Workload.Item i : items)
                w.println(i.name() + "\t" + i.kind().name().toLowerCase() + "\t" + (i.apiPath() == null ? "" : i.apiPath())
                        + "\t" + i.sparql().replace('\n', ' ').replace('\t', ' '));
        }
        boolean ok = true;
        try (PrintStream w = new PrintStream(Files.newOutputStream(dir.resolve("rowcounts.tsv")), true, "UTF-8")) {
            w.println("item\tengine\trows");
            for (Workload.Item i : items) {
                Long first = null;
                for (String e : engines) {
                    long n;
                    try {
                        n = Engines.get(e).run(i, OutputStream.nullOutputStream());
                    } catch (RuntimeException ex) {
                        System.err.println("row count: " + i.name() + " on " + e + " failed: " + ex);
                        n = -1;
                    }
                    w.println(i.name() + "\t" + e + "\t" + n);
                    if (first == null) first = n;
                    else if (first != n) {
                        ok = false;
                        System.err.println("row count differs: " + i.name() + ": " + engines.get(0) + "=" + first + ", " + e + "=" + n);
                    }
                }
            }
        }
        System.out.println(ok ? "row counts equal on every engine" : "ROW COUNTS DIFFER");
        System.exit(ok ? 0 : 1);
    }
}
