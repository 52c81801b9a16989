package nl.arbeidsmigratie.kg.server;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve} with explicit heap settings, so that the server's memory stays under a stated ceiling however it is
 * started. {@code java -jar arbeidsmigratie-kg.jar serve} gives the JVM a quarter of the machine's memory by default
 * and never gives it back; so when no heap setting was given, {@code serve} starts the server in a child JVM with
 * these settings and waits for it (passing on the stop signal, and the child stops by itself if this process goes):
 * <ul>
 * <li>{@code -Xmx} and {@code -Xms}: a quarter of the machine's memory, at least 256 MiB and at most {@link #MAX_HEAP_MIB} MiB (the
 * graph is small; the rest is the per-query budgets of SECURITY.md);</li>
 * <li>{@code -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=96m -XX:MaxDirectMemorySize=128m}: the other
 * memory pools, bounded too;</li>
 * <li>G1, the JVM's default collector, with pauses aimed at 20 ms (pings); the heap guard's request for a collection
 * after it aborts a query runs as a concurrent cycle ({@code -XX:+ExplicitGCInvokesConcurrent});</li>
 * <li>when run as root, {@code -XX:ThreadPriorityPolicy=1}: Java thread priorities become nice values on Linux, so
 * that ad-hoc queries (lowest) and live prepared questions (lower) give way to pages and pings (raising a thread's
 * priority back needs root; otherwise priorities are left alone).</li>
 * </ul>
 * Given {@code -Xmx} (or {@code -XX:MaxRAMPercentage}, or the same in {@code JDK_JAVA_OPTIONS}), the server runs in
 * this process with those settings, after a check that the heap is large enough.
 */
public final class HeapLauncher {
    public static final int MAX_HEAP_MIB = 1024;
    public static final int MIN_HEAP_MIB = 256;
    static final List<String> OTHER_POOLS = List.of("-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=96m",
            "-XX:MaxDirectMemorySize=128m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:+ExplicitGCInvokesConcurrent");
    private static final String CHILD = "arbeidsmigratie.parent";

    private HeapLauncher() {}

    /**
     * Runs {@code serve} in a child JVM with heap settings when this JVM has none and runs from the jar.
     * @return the child's exit code, or empty when the server should run in this process
     */
    public static Optional<Integer> relaunch(List<String> serveArgs, String mainClass, PrintStream err) {
        if (System.getProperty(CHILD) != null || heapGiven()) return Optional.empty();
        Path jar = jar();
        if (jar == null) return Optional.empty();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // -Xms as large as -Xmx: the heap is committed once and never handed back and taken again, so the process's
        // memory rises to its plateau during warm-up and stays flat (untouched pages cost nothing).
        cmd.add("-Xmx" + defaultHeapMib() + "m");
        cmd.add("-Xms" + defaultHeapMib() + "m");
        cmd.addAll(OTHER_POOLS);
        cmd.addAll(ClassArchive.jvmOptions(jar));
        if ("root".equals(System.getProperty("user.name"))) cmd.add("-XX:ThreadPriorityPolicy=1");
        // The caller's system properties go along (kg.base for a mirror, user.timezone for "today", java.io.tmpdir
        // for spilled sorts, log4j settings): the child is the same server, only with its heap settings.
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments())
            if (a.startsWith("-D") && !a.startsWith("-D" + CHILD + "=")) cmd.add(a);
        cmd.add("-D" + CHILD + "=" + ProcessHandle.current().pid());
        cmd.add("-cp");
        cmd.add(jar.toString());
        cmd.add(mainClass);
        cmd.add("serve");
        cmd.addAll(serveArgs);
        Process child;
        try {
            child = new ProcessBuilder(cmd).inheritIO().start();
        } catch (java.io.IOException e) {
            err.println("warning: cannot start the server with its own heap settings (" + e.getMessage()
                    + "); serving in this JVM");
            return Optional.empty();
        }
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                if (!child.waitFor(10, TimeUnit.MINUTES)) child.destroyForcibly();
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        }, "stop-server");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return Optional.of(child.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return Optional.of(1);
        }
    }

    /** In the child: stop when the parent is gone (killed without a chance to stop us). */
    public static void watchParent() {
        String parent = System.getProperty(CHILD);
        if (parent == null) return;
        Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parent));
        Thread t = new Thread(() -> {
            while (handle.isPresent() && handle.get().isAlive()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.exit(0);
        }, "watch-parent");
        t.setDaemon(true);
        t.start();
    }

    /**
     * A line about memory for the start-up output, the query workers' included; refuses (returns null) a heap too
     * small to serve.
     */
    public static String heapReport(int workers) {
        long maxMib = Runtime.getRuntime().maxMemory() >> 20;
        if (maxMib < MIN_HEAP_MIB * 9 / 10) return null;
        String how = System.getProperty(CHILD) != null ? "set by serve" : "as given to the JVM";
        return "heap: at most " + maxMib + " MiB (" + how + "), and " + workers + " query worker" + (workers == 1 ? "" : "s")
                + " of at most " + QueryWorkers.HEAP_MIB + " MiB heap each; the server and its workers together stay under about "
                + (ceilingMib(maxMib) + workers * QueryWorkers.ceilingMib()) + " MiB";
    }

    /** The memory ceiling of the server process: heap plus the bounded pools plus JVM and thread overhead. */
    public static long ceilingMib(long heapMib) {
        return heapMib + 160 + 96 + 128 + heapMib / 16 + 96;
    }

    static long defaultHeapMib() {
        long ram = physicalMemory();
        long quarter = ram > 0 ? (ram >> 20) / 4 : MAX_HEAP_MIB;
        return Math.max(MIN_HEAP_MIB, Math.min(MAX_HEAP_MIB, quarter));
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
            return os.getTotalMemorySize();
        return -1;
    }

    private static boolean heapGiven() {
        List<String> args = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        for (String env : new String[] {"JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS"}) {
            String v = System.getenv(env);
            if (v != null) args.addAll(List.of(v.trim().split("\\s+")));
        }
        for (String a : args)
            if (a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:MaxRAMPercentage")
                    || a.startsWith("-XX:MaxRAM=")) return true;
        return false;
    }

    /** The jar this class runs from, or null when it runs from classes (tests, IDE). */
    private static Path jar() {
        try {
            var source = HeapLauncher.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
