package nl.arbeidsmigratie.kg.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hand-edited inputs: {@code ontology/}, {@code data/} and {@code queries/} under one root. Either the copy
 * bundled in the jar (the default) or a directory given with {@code --source DIR}.
 */
public final class KgSource {
    private static final String SHAPES_FILE = "shapes.ttl";
    private final Path root;
    private final String description;

    private KgSource(Path root, String description) {
        this.root = root;
        this.description = description;
    }

    public static KgSource directory(Path dir) {
        if (!Files.isDirectory(dir.resolve("ontology")) || !Files.isDirectory(dir.resolve("data")))
            throw new IllegalArgumentException("--source " + dir + ": expected the folders ontology/ and data/ in it");
        return new KgSource(dir.toAbsolutePath().normalize(), dir.toString());
    }

    /** The sources packed into the jar (or target/classes when run from the build). */
    public static KgSource bundled() {
        URL marker = KgSource.class.getResource("/kg/ontology");
        if (marker == null) throw new IllegalStateException("no bundled sources (kg/ontology) on the classpath");
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return new KgSource(fs.getPath("/kg"), "bundled");
            }
            return new KgSource(Path.of(uri).getParent(), "bundled");
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open bundled sources: " + e.getMessage(), e);
        }
    }

    public List<Path> ontologyFiles() { return turtle("ontology", p -> !isShapes(p)); }
    public List<Path> shapesFiles() { return turtle("ontology", KgSource::isShapes); }
    /** {@code data/*.ttl}, then the contributed facts of {@code data/changes/*.ttl} (one small file per new fact). */
    public List<Path> dataFiles() {
        List<Path> files = new java.util.ArrayList<>(turtle("data", p -> true));
        files.addAll(turtle(CHANGES, p -> true));
        return List.copyOf(files);
    }
    public List<Path> queryFiles() { return list("queries", ".rq"); }
    /**
     * {@code queries/checks/*-violation.rq}, then {@code queries/checks/changes/*-violation.rq}: the rules for new
     * facts, which hold for what {@code data/changes/} states (see {@link #isChangeRule}).
     */
    public List<Path> checkFiles() {
        List<Path> files = new java.util.ArrayList<>(list("queries/checks", "-violation.rq"));
        files.addAll(list(CHANGE_RULES, "-violation.rq"));
        return List.copyOf(files);
    }

    /** The folder of contributed facts, and of the rules only they must meet (older files predate those rules). */
    public static final String CHANGES = "data/changes", CHANGE_RULES = "queries/checks/changes";

    /** True for a rule of {@code queries/checks/changes/}, given its display name. */
    public static boolean isChangeRule(String displayName) { return displayName.startsWith(CHANGE_RULES + "/"); }

    /** True for a file of {@code data/changes/}, given its display name. */
    public static boolean isChangeFile(String displayName) { return displayName.startsWith(CHANGES + "/"); }
    /** Derivation rules (SPARQL CONSTRUCT), run at build in file-name order. */
    public List<Path> deriveFiles() { return list("queries/derive", ".rq"); }

    /** How a file is named in messages: relative to the root, e.g. {@code data/laws.ttl}. */
    public String display(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    public String description() { return description; }

    /** Where {@code mvn package} stores the built release beside the sources: {@code kg/release/} in the jar. */
    public Path releaseDir() { return root.resolve("release"); }

    /** The archive of published releases ({@code releases/}, written by {@code publish}): beside the sources. */
    public Path releasesArchive() { return root.resolve("releases"); }

    private static boolean isShapes(Path p) { return p.getFileName().toString().equals(SHAPES_FILE); }

    private List<Path> turtle(String dir, java.util.function.Predicate<Path> keep) {
        return list(dir, ".ttl").stream().filter(keep).toList();
    }

    private List<Path> list(String dir, String suffix) {
        return files(root.resolve(dir), suffix);
    }

    /** The regular files of {@code d} whose names end in {@code suffix}, sorted; none when there is no such folder. */
    public static List<Path> files(Path d, String suffix) {
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
