package nl.arbeidsmigratie.kg.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The class-data archive (AppCDS) that {@code mvn package} writes beside the jar: the JVM maps the classes a serving
 * server has loaded, already parsed and verified, instead of reading them from the jar again on every start. It cut
 * start-up to the first answer by about a quarter on the 2-core build machine (bench/startup.sh). The package phase
 * makes it with a training run of {@code serve} that stops as soon as it has warmed up ({@link #TRAINING}); the
 * child JVM of {@link HeapLauncher} uses it when it lies beside the jar. A JVM that cannot use it (another JDK, a
 * moved or rebuilt jar) loads classes from the jar as before, without a word: the archive only ever saves time.
 */
public final class ClassArchive {
    /** System property of the training run: serve, warm up, stop. */
    public static final String TRAINING = "arbeidsmigratie.classArchiveTraining";

    private ClassArchive() {}

    /** {@code arbeidsmigratie-kg.jsa} beside {@code arbeidsmigratie-kg.jar}. */
    static Path beside(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
    }

    /** The JVM options that use the archive beside {@code jar}, or none when there is none. */
    static List<String> jvmOptions(Path jar) {
        Path archive = beside(jar);
        if (!Files.isRegularFile(archive)) return List.of();
        // Quiet: a JVM that cannot map the archive (it belongs to another jar or JDK) warns on every start otherwise.
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    static boolean training() { return Boolean.getBoolean(TRAINING); }
}
