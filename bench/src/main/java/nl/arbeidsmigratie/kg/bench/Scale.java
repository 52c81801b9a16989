package nl.arbeidsmigratie.kg.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.release.Release;
import nl.arbeidsmigratie.kg.release.Tdb2Store;
import nl.arbeidsmigratie.kg.source.KgSource;

/**
 * How cost grows with the graph. One JVM per measurement, so memory figures are its own:
 * <ul>
 * <li>{@code Scale mem SIZE FILE OUT.tsv}: the store {@code serve} uses (the release's in-memory dataset) grown by the
 * synthetic FILE: load time, heap after a full GC, peak RSS, and the latency of every prepared question;</li>
 * <li>{@code Scale tdb2 SIZE DIR OUT.tsv}: the same on the TDB2 store that {@code build --tdb2 DIR --add FILE}
 * wrote: open time, heap, RSS, latencies.</li>
 * </ul>
 * Each question runs once to warm up and then, if that took under a second, three more times (the median is kept);
 * a question that passes the time limit is recorded as such. Appends rows {@code size, store, metric, item, value}.
 */
public final class Scale {
    static final long LIMIT_MILLIS = Long.getLong("scale.limitMillis", 3_000);

    public static void main(String[] args) throws Exception {
        String mode = args[0], size = args[1];
        Path input = Path.of(args[2]);
        Path out = Path.of(args[3]);
        long heap0 = usedHeap();
        long t0 = System.nanoTime();
        Release r = Release.load(KgSource.bundled());
        KnowledgeGraph kg;
        if (mode.equals("mem")) {
            kg = r.kg();
            // The dataset serve builds is read-only; its default graph is the in-memory union graph: grow that.
            if (Files.isRegularFile(input)) RDFParser.source(input).parse(kg.all());
        } else {
            kg = Tdb2Store.open(r.kg(), input).kg();
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        DatasetGraph dsg = kg.dataset();
        long triples = Txn.calculateRead(dsg, () -> (long) dsg.getDefaultGraph().size());
        long heap = usedHeap() - heap0;
        List<String> rows = new ArrayList<>();
        rows.add(row(size, mode, "triples", "", Long.toString(triples)));
        rows.add(row(size, mode, "load_s", "", String.format("%.2f", loadSeconds)));
        rows.add(row(size, mode, "heap_mb", "", Long.toString(heap >> 20)));
        // A question over the limit at a smaller size is over it here too: not run again (the suite stays short).
        java.util.Set<String> over = new java.util.HashSet<>();
        if (Files.isRegularFile(out))
            for (String l : Files.readAllLines(out)) {
                String[] f = l.split("\t", -1);
                if (f.length == 5 && f[1].equals(mode) && f[2].equals("p50_ms") && f[4].startsWith(">")) over.add(f[3]);
            }
        for (Workload.Item item : Workload.items(r.catalog())) {
            if (item.kind() != Workload.Kind.PREPARED) continue;
            String[] m = over.contains(item.name()) ? new String[] {">" + LIMIT_MILLIS, "?"} : measure(dsg, item.sparql());
            rows.add(row(size, mode, "p50_ms", item.name(), m[0]));
            rows.add(row(size, mode, "rows", item.name(), m[1]));
            System.err.println(size + " " + mode + " " + item.name() + " " + m[0] + " ms, " + m[1] + " rows");
        }
        rows.add(row(size, mode, "rss_mb", "", Long.toString(peakRssKb() >> 10)));
        Files.write(out, rows, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.exit(0);
    }

    /** {median ms or ">limit", rows}. */
    static String[] measure(DatasetGraph dsg, String sparql) {
        List<Double> times = new ArrayList<>();
        long rows = -1;
        for (int i = 0; i < 4; i++) {
            long t = System.nanoTime();
            try {
                rows = Txn.calculateRead(dsg, () -> run(dsg, sparql));
            } catch (QueryCancelledException e) {
                return new String[] {">" + LIMIT_MILLIS, "?"};
            } catch (RuntimeException e) {
                // ARQ 5.6 can fail while closing a hash join it cancelled (NPE in AbstractIterHashJoin): a time-out too.
                if ((System.nanoTime() - t) / 1e6 >= LIMIT_MILLIS * 0.9) return new String[] {">" + LIMIT_MILLIS, "?"};
                return new String[] {"error: " + e.getClass().getSimpleName(), "?"};
            }
            double ms = (System.nanoTime() - t) / 1e6;
            if (i > 0) times.add(ms);
            if (i == 0 && ms > 1000) times.add(ms);
            if (ms > 1000) break;
        }
        Collections.sort(times);
        return new String[] {String.format("%.2f", times.get(times.size() / 2)), Long.toString(rows)};
    }

    private static long run(DatasetGraph dsg, String sparql) {
        try (QueryExec exec = QueryExec.dataset(dsg).query(QueryFactory.create(sparql))
                .timeout(LIMIT_MILLIS, TimeUnit.MILLISECONDS).build()) {
            long[] n = new long[1];
            ResultsWriter.create().lang(ResultSetLang.RS_JSON).build()
                    .write(OutputStream.nullOutputStream(), new Engines.CountingRowSet(exec.select(), n));
            return n[0];
        }
    }

    static String row(String size, String store, String metric, String item, String value) {
        return size + "\t" + store + "\t" + metric + "\t" + item + "\t" + value;
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static long peakRssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status")))
                if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("\\D", ""));
        } catch (Exception e) {
            // not Linux: no figure
        }
        return 0;
    }

}
