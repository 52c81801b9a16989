package nl.arbeidsmigratie.kg.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built jar ({@code target/arbeidsmigratie-kg.jar}) started as its users start it, on port 0. The port is
 * read from the line the server prints when it listens. Integration tests share one instance per class.
 */
public final class JarServer implements AutoCloseable {
    /** Marks the end of the output in the start-up queue (compared by identity). */
    private static final String END = new String("<end of output>");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+?:(\\d+))/");
    private final Process process;
    private final String base;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private List<String> startup = List.of();

    private JarServer(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("kg.jar", "target/arbeidsmigratie-kg.jar"));
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("build the jar first: " + jar);
        return jar;
    }

    /** Runs the jar with arguments to completion and returns exit code and output (stdout + stderr). */
    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = command(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        return new Result(code, out);
    }

    public record Result(int exitCode, String output) {}

    /** Runs the built jar with {@code args}: its standard output alone (what a script would capture), as bytes. */
    public static byte[] stdout(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        if (code != 0) throw new IOException("exit " + code + " from " + String.join(" ", args));
        return out;
    }

    public static JarServer start(String... extraArgs) throws IOException {
        return startWithJvm(List.of(), extraArgs);
    }

    /** With options for the JVM, e.g. {@code -Xmx256m} (then serve runs in this one JVM, with that heap). */
    public static JarServer startWithJvm(List<String> jvmArgs, String... extraArgs) throws IOException {
        return startJar(jar(), jvmArgs, extraArgs);
    }

    /** A given jar (e.g. a copy, which a build that rewrites target/*.jar cannot pull from under the running JVM). */
    public static JarServer startJar(Path jar, List<String> jvmArgs, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(List.of(extraArgs));
        List<String> cmd = command(jar, args.toArray(String[]::new));
        cmd.addAll(1, jvmArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // One thread reads the output for the whole life of the process; the start waits for the line that says
        // where it listens, with a deadline that holds even when the process prints nothing at all (no blocking read).
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        JarServer[] started = new JarServer[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    JarServer s;
                    synchronized (started) { s = started[0]; }
                    if (s != null) s.output.add(l);
                    else lines.add(l);
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                lines.add(END);
            }
        }, "jar-server-output");
        reader.setDaemon(true);
        reader.start();
        List<String> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        try {
            while (Instant.now().isBefore(deadline)) {
                String line = lines.poll(Duration.between(Instant.now(), deadline).toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                if (line == null || line == END) break;
                seen.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    JarServer s = new JarServer(p, m.group(1));
                    s.startup = List.copyOf(seen);
                    synchronized (started) {
                        started[0] = s;
                        // lines printed after the listening line but read before this point
                        for (String l; (l = lines.poll()) != null; ) if (l != END) s.output.add(l);
                    }
                    return s;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
        throw new IllegalStateException("server did not start:\n" + String.join("\n", seen));
    }

    private static List<String> command(String... args) {
        return command(jar(), args);
    }

    private static List<String> command(Path jar, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    public String base() { return base; }
    public Process process() { return process; }

    /**
     * The process that serves: serve without heap settings starts the server in a child JVM with them (see
     * HeapLauncher), so this is that child when there is one.
     */
    public ProcessHandle serverProcess() {
        return process.toHandle().children().findFirst().orElse(process.toHandle());
    }

    /** Resident memory of the launcher, the server and its query workers together, in bytes (Linux /proc), or -1. */
    public long rssBytes() {
        long total = 0;
        List<ProcessHandle> all = new ArrayList<>(List.of(process.toHandle()));
        process.toHandle().descendants().forEach(all::add);
        for (ProcessHandle h : all) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(h.pid()), "status")))
                    if (line.startsWith("VmRSS:")) total += Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            } catch (IOException | NumberFormatException e) {
                // a worker that ended between the listing and the read
            }
        }
        return total;
    }

    /** The port, e.g. for raw sockets. */
    public int port() { return java.net.URI.create(base).getPort(); }
    /** Lines the server printed up to and including the one saying where it listens (e.g. its heap settings). */
    public List<String> startupOutput() { return startup; }

    /** Lines the server printed after it started listening (request log and errors). */
    public List<String> output() { synchronized (output) { return List.copyOf(output); } }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
