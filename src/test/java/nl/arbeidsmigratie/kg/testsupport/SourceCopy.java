package nl.arbeidsmigratie.kg.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A throw-away copy of the real {@code ontology/}, {@code data/}, {@code queries/} (and {@code releases/}) in a temp folder, so a test
 * can break exactly one thing and check that exactly that is reported.
 */
public final class SourceCopy {
    private SourceCopy() {}

    /** The project root: the tests run with the Maven base directory as working directory. */
    public static Path projectRoot() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    public static Path copyOfReal(Path target) {
        for (String dir : new String[] {"ontology", "data", "queries"}) copyTree(projectRoot().resolve(dir), target.resolve(dir));
        // the archive of published releases is a source of the build too (the history it writes)
        if (Files.isDirectory(projectRoot().resolve("releases"))) copyTree(projectRoot().resolve("releases"), target.resolve("releases"));
        return target;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in the file; fails if it is not there. */
    public static void replace(Path file, String from, String to) {
        try {
            String s = Files.readString(file);
            int i = s.indexOf(from);
            if (i < 0) throw new IllegalStateException("'" + from + "' not found in " + file);
            Files.writeString(file, s.substring(0, i) + to + s.substring(i + from.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void append(Path file, String text) {
        try {
            Files.writeString(file, Files.readString(file) + "\n" + text + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
