package nl.arbeidsmigratie.kg.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import nl.arbeidsmigratie.kg.reconcile.Service;
import nl.arbeidsmigratie.kg.release.Release;
import nl.arbeidsmigratie.kg.search.SearchIndex;

/**
 * Reconciliation beside the home search, in-process, on the same 100 names ({@link ReconcileNames}): one batch of
 * 100 queries as OpenRefine sends it (parsed, matched, written as JSON) against 100 home searches (the index's
 * ranking, 20 hits each, as {@code /search} asks). Throughput per operation; ×100 gives names per second.
 * bench/reconcile.sh runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReconcileBench {
    private Service service;
    private SearchIndex index;
    private String batch;
    private List<String> names;

    @Setup
    public void setup() throws Exception {
        Release r = Engines.release();
        index = SearchIndex.forGraph(r.kg(), r.catalog());
        service = new Service(r.kg(), index);
        names = ReconcileNames.names();
        batch = ReconcileNames.batch();
    }

    @Benchmark
    public int reconcileBatchOf100() {
        return service.reconcile(batch, "nl").toString().length();
    }

    @Benchmark
    public void homeSearchOf100(Blackhole bh) {
        for (String n : names) bh.consume(index.search(n, 20));
    }
}
