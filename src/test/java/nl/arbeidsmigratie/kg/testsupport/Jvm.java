package nl.arbeidsmigratie.kg.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Looks into a running JVM with the JDK's own tools (jcmd): heap in use, after a full collection or as it is. */
public final class Jvm {
    private static final Pattern USED = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

    private Jvm() {}

    /**
     * Heap in use after a full, stop-the-world collection, in bytes. {@code GC.class_histogram} forces one; {@code GC.run}
     * would not: the server runs with {@code -XX:+ExplicitGCInvokesConcurrent}, so that it only starts a concurrent
     * cycle, after which old regions still count their garbage as used.
     */
    public static long heapUsedAfterGc(ProcessHandle jvm) throws IOException, InterruptedException {
        jcmd(jvm, "GC.class_histogram");
        return heap(jvm)[1];
    }

    /** {committed, used} heap in bytes, now. */
    public static long[] heap(ProcessHandle jvm) throws IOException, InterruptedException {
        String out = jcmd(jvm, "GC.heap_info");
        Matcher m = USED.matcher(out);
        if (!m.find()) throw new IOException("no heap figures in: " + out);
        return new long[] {Long.parseLong(m.group(1)) * 1024, Long.parseLong(m.group(2)) * 1024};
    }

    private static String jcmd(ProcessHandle jvm, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(jvm.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
