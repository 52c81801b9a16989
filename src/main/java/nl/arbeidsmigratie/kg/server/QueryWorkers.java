package nl.arbeidsmigratie.kg.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.arbeidsmigratie.kg.sparql.WorkerPool;

/**
 * How {@code serve} starts its query workers: the same Java and class path as the server, a small heap of their own
 * (a query that needs more ends its worker, never the server), the class-data archive where there is one, and a
 * lower CPU priority than the server, so that pages, prepared questions and pings go first when queries keep every
 * core busy.
 */
public final class QueryWorkers {
    /** Each worker's heap: the graph (about 30 MiB in memory), Jena's working sets and one answer of at most 32 MiB. */
    public static final int HEAP_MIB = 384;
    static final List<String> OTHER_POOLS = List.of("-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=48m",
            "-XX:MaxDirectMemorySize=16m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Xss8m");
    /** nice(1) value of a worker: below the server's (0), so that a busy worker never starves a ping. */
    private static final String NICENESS = "10";

    private QueryWorkers() {}

    /** The most memory one worker process takes: heap plus the bounded pools plus JVM and thread overhead. */
    public static long ceilingMib() {
        return HEAP_MIB + 128 + 48 + 16 + 64;
    }

    /** How many worker processes {@link #launch} starts for {@code slots} ad-hoc slots. */
    public static int processes(boolean tdb2, int slots) {
        return tdb2 ? 1 : slots + 1;
    }

    /**
     * @param graph how the worker finds its graph: {@code --tdb2 DIR}, {@code --release DIR}, or nothing (the jar's)
     * @param slots how many ad-hoc queries may run at once
     */
    public static WorkerPool.Launch launch(String mainClass, String workerCommand, List<String> graph, int slots) {
        boolean tdb2 = graph.contains("--tdb2");
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) cmd.addAll(List.of("/usr/bin/nice", "-n", NICENESS));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + HEAP_MIB + "m");
        cmd.addAll(OTHER_POOLS);
        String classPath = System.getProperty("java.class.path");
        Path jar = Path.of(classPath);
        if (classPath.endsWith(".jar") && Files.isRegularFile(jar)) cmd.addAll(ClassArchive.jvmOptions(jar.toAbsolutePath()));
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.add(workerCommand);
        cmd.addAll(graph);
        // One process per slot, so that ending one ends one query, and one more kept warm: at most `slots` queries run
        // at once (the request guard), so when a query past its deadline has its worker ended, the next query finds
        // a ready worker while the ended one is replaced. A TDB2 store opens in one process only.
        return new WorkerPool.Launch(List.copyOf(cmd), processes(tdb2, slots), tdb2 ? slots : 1);
    }
}
