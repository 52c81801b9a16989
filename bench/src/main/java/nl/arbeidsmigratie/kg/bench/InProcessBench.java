package nl.arbeidsmigratie.kg.bench;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One query on one engine, timed per call (sample mode: JMH reports p50 and p99). bench/run.sh runs each engine in
 * a JVM of its own ({@code -p engine=… -f 0}), so an engine's data is loaded once and no engine's code profile
 * pollutes another's, and passes the query names with {@code -p query=…} (see {@link Workload}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InProcessBench {
    @Param({"ours"})
    public String engine;
    @Param({"adhoc-lookup"})
    public String query;

    private Engines.Engine e;
    private Workload.Item item;
    private final OutputStream sink = OutputStream.nullOutputStream();

    @Setup
    public void setup() {
        e = Engines.get(engine);
        item = Workload.get(Engines.release().catalog(), query);
    }

    @Benchmark
    public long run() {
        return e.run(item, sink);
    }
}
