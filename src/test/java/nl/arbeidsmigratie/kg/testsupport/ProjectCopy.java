package nl.arbeidsmigratie.kg.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away copy of the whole project (pom, main sources, ontology, data, queries, the release archive), built with
 * Maven as a contributor builds it. For tests of what {@code mvn package} itself says and makes.
 */
public final class ProjectCopy {
    private ProjectCopy() {}

    private static final List<String> PARTS = List.of("pom.xml", "src/main", "ontology", "data", "queries", "releases");

    public static Path of(Path target) {
        Path root = SourceCopy.projectRoot();
        for (String part : PARTS) {
            Path from = root.resolve(part);
            if (Files.exists(from)) copyTree(from, target.resolve(part));
        }
        return target;
    }

    /** What Maven printed (stdout and stderr together) and how it ended. */
    public record Build(int exitCode, String output) {
        public List<String> errorLines() {
            return output.lines().map(l -> l.replaceAll("\u001B\\[[;\\d]*m", "")).filter(l -> l.startsWith("[ERROR]")).toList();
        }
    }

    /** {@code mvn -B -o ARGS} in the copy (offline: the outer build has fetched every plugin it needs). */
    public static Build maven(Path project, String... args) {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-o"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("mvn did not finish in 15 minutes");
            }
            return new Build(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
