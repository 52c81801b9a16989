package nl.arbeidsmigratie.kg.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;

import nl.arbeidsmigratie.kg.load.KgInputException;
import nl.arbeidsmigratie.kg.source.KgSource;

/**
 * The published releases, kept in the repository ({@code releases/}), so that no release is ever lost, whether or not
 * the git history travels with the sources. Written only by {@code publish}, never by hand:
 * <ul>
 * <li>{@code index.tsv}: one line per release, oldest first: version, date, asserted triples;</li>
 * <li>{@code {version}.nt.gz}: the canonical N-Triples of its asserted graph (lines sorted), gzip without a time
 * stamp, so the same graph is always the same bytes.</li>
 * <li>{@code {version}.queries/}: the prepared questions and derivation rules it was published with.</li>
 * </ul>
 */
public final class ReleaseArchive {
    public static final String INDEX = "index.tsv";

    /** One published release. */
    public record Entry(String version, String date, long triples) {
        public String file() { return fileOf(version); }
    }

    private ReleaseArchive() {}

    public static String fileOf(String version) { return version + ".nt.gz"; }

    /** The releases listed in {@code dir/index.tsv}, oldest first; none when there is no archive. */
    public static List<Entry> read(Path dir) {
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) return List.of();
        List<Entry> out = new ArrayList<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 3) throw new KgInputException("releases/" + INDEX + ":" + n + ": expected version, date and triples");
                out.add(new Entry(f[0], f[1], Long.parseLong(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The asserted graph of an archived release. */
    public static Graph graph(Path dir, Entry e) {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(e.file())))) {
            RDFParser.source(in).lang(Lang.NTRIPLES).parse(g);
        } catch (IOException ex) {
            throw new UncheckedIOException("releases/" + e.file() + ": " + ex.getMessage(), ex);
        }
        return g;
    }

    /** The canonical N-Triples of a blank-node-free graph: its lines sorted (what the data version digests). */
    public static byte[] canonical(Graph g) {
        List<String> lines = new ArrayList<>();
        g.find().forEachRemaining(t -> lines.add(line(t)));
        lines.sort(null);
        StringBuilder b = new StringBuilder(lines.size() * 120);
        lines.forEach(b::append);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String line(Triple t) {
        return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
                + NodeFmtLib.strNT(t.getObject()) + " .\n";
    }

    /** gzip with no file name and no time stamp (Java writes neither): the same input gives the same bytes. */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The prepared questions ({@code *.rq}) and derivation rules ({@code derive/*.rq}) a release was published with,
     * in {@code {version}.queries/}: its answers are asked with these, not with whatever {@code queries/} holds later,
     * so that a cited answer gives the same bytes after the questions change.
     */
    public static Path queriesOf(Path dir, String version) { return dir.resolve(version + ".queries"); }

    /** The archived questions of a release, sorted; null when it was published without them. */
    public static List<Path> questions(Path dir, String version) { return rq(queriesOf(dir, version)); }

    /** The archived derivation rules of a release, sorted; null when it was published without them. */
    public static List<Path> rules(Path dir, String version) {
        if (!Files.isDirectory(queriesOf(dir, version))) return null;
        // A release published before there were rules has none (and git keeps no empty folder).
        List<Path> rules = rq(queriesOf(dir, version).resolve("derive"));
        return rules == null ? List.of() : rules;
    }

    private static List<Path> rq(Path d) {
        return Files.isDirectory(d) ? KgSource.files(d, ".rq") : null;
    }

    /**
     * Keeps a release's questions and derivation rules beside it. Done once: a release that has them keeps them
     * (returns false); one published before questions were kept gets them now, from the sources given.
     */
    public static boolean keepQueries(Path dir, String version, List<Path> questions, List<Path> rules) {
        Path to = queriesOf(dir, version);
        if (Files.isDirectory(to)) return false;
        try {
            Path tmp = Files.createTempDirectory(dir, ".queries-");
            Files.createDirectories(tmp.resolve("derive"));
            for (Path q : questions) Files.copy(q, tmp.resolve(q.getFileName().toString()));
            for (Path r : rules) Files.copy(r, tmp.resolve("derive").resolve(r.getFileName().toString()));
            Files.move(tmp, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /**
     * Adds a release to the archive (its graph file and its line in the index). A version already there is left as
     * it is: the same version is the same graph. Returns false then.
     */
    public static boolean append(Path dir, String version, String date, Graph asserted) {
        if (read(dir).stream().anyMatch(e -> e.version().equals(version))) return false;
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(fileOf(version)), gzip(canonical(asserted)));
            Path index = dir.resolve(INDEX);
            String header = Files.isRegularFile(index) ? "" : "# Written by 'publish' (java -jar arbeidsmigratie-kg.jar publish): "
                    + "version, date, asserted triples. Do not edit.\n";
            Files.writeString(index, header + version + "\t" + date + "\t" + asserted.size() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }
}
