package nl.arbeidsmigratie.kg.dump;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

import nl.arbeidsmigratie.kg.digest.Sha256;
import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.load.KgInputException;

/**
 * Writes the downloadable dumps, their checksums and the VoID + DCAT description. Everything is written into a
 * fresh temporary folder first and moved into place only when complete: a failed build leaves the old dumps.
 *
 * <p>Same graph, same bytes: triples are handed to the writers in sorted order, gzip headers carry no time, and the
 * description's dates come from the release, never from the clock. Each uncompressed file also gets a {@code .gz}
 * copy, which the server sends as is to clients that accept gzip.
 */
public final class Dumps {
    /** The distributions: file name, media type, format. The {@code .trig} keeps asserted and inferred apart. */
    public enum Distribution {
        TURTLE("arbeidsmigratie.ttl", "text/turtle", RDFFormat.TURTLE_PRETTY),
        NTRIPLES_GZ("arbeidsmigratie.nt.gz", "application/n-triples", RDFFormat.NTRIPLES_UTF8),
        JSONLD("arbeidsmigratie.jsonld", "application/ld+json", RDFFormat.JSONLD11_PRETTY),
        RDFXML("arbeidsmigratie.rdf", "application/rdf+xml", RDFFormat.RDFXML_PLAIN),
        TRIG("arbeidsmigratie.trig", "application/trig", RDFFormat.TRIG_PRETTY);

        public final String file;
        public final String mediaType;
        final RDFFormat format;

        Distribution(String file, String mediaType, RDFFormat format) {
            this.file = file;
            this.mediaType = mediaType;
            this.format = format;
        }

        public boolean gzipped() { return file.endsWith(".gz"); }
        boolean quads() { return this == TRIG; }
    }

    public static final String VOID_FILE = "void.ttl";
    public static final String SUMS_FILE = "SHA256SUMS";

    private Dumps() {}

    /** Writes all files into {@code outDir}, returning name → SHA-256 of every file written. */
    public static Map<String, String> write(KnowledgeGraph kg, Path outDir) {
        Path tmp = null;
        try {
            Files.createDirectories(outDir);
            tmp = Files.createTempDirectory(outDir, ".build-");
            Map<String, String> sums = new LinkedHashMap<>();
            List<VoidDescription.FileInfo> infos = new ArrayList<>();
            for (Distribution d : Distribution.values()) {
                Path f = tmp.resolve(d.file);
                try {
                    writeOne(kg, d, f);
                } catch (RuntimeException e) {
                    // e.g. an IRI that RDF/XML cannot write: the sources are at fault, so say so, not a stack trace.
                    throw new KgInputException("cannot write " + d.file + ": " + e.getMessage(), e);
                }
                String sha = Sha256.hex(f);
                sums.put(d.file, sha);
                infos.add(new VoidDescription.FileInfo(d, Files.size(f), sha));
            }
            Path voidFile = tmp.resolve(VOID_FILE);
            Graph description = VoidDescription.describe(kg, infos);
            try (OutputStream out = Files.newOutputStream(voidFile)) {
                RDFWriter.source(sorted(description, description.getPrefixMapping())).format(RDFFormat.TURTLE_PRETTY).output(out);
            }
            sums.put(VOID_FILE, Sha256.hex(voidFile));
            StringBuilder sb = new StringBuilder();
            sums.forEach((name, sha) -> sb.append(sha).append("  ").append(name).append('\n'));
            Files.writeString(tmp.resolve(SUMS_FILE), sb.toString());
            List<String> names = new ArrayList<>(sums.keySet());
            names.add(SUMS_FILE);
            for (String name : List.copyOf(names)) {
                if (name.endsWith(".gz")) continue;
                gzip(tmp.resolve(name), tmp.resolve(name + ".gz"));
                names.add(name + ".gz");
            }
            for (String name : names) move(tmp, outDir, name);
            Files.delete(tmp);
            tmp = null;
            return sums;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) deleteQuietly(tmp);
        }
    }

    /** A failed build leaves nothing behind, not even its temporary folder. */
    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do: the old dumps are untouched either way
        }
    }

    /** The VoID/DCAT description a release wrote ({@code void.ttl}), read back: what the server publishes. */
    public static Graph description(Path dumpsDir) {
        try (InputStream in = Files.newInputStream(dumpsDir.resolve(VOID_FILE))) {
            return RDFParser.source(in).lang(Lang.TURTLE).toGraph();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dumpsDir.resolve(VOID_FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Copies the dumps of a release (e.g. out of the jar) into {@code outDir}, with the same all-or-nothing rule. */
    public static List<String> copy(Path fromDir, Path outDir) {
        try {
            Files.createDirectories(outDir);
            Path tmp = Files.createTempDirectory(outDir, ".copy-");
            List<String> names = new ArrayList<>();
            try (var files = Files.list(fromDir)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    Files.copy(f, tmp.resolve(name));
                    names.add(name);
                }
            }
            for (String name : names) move(tmp, outDir, name);
            Files.delete(tmp);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
    }

    private static void move(Path from, Path to, String name) throws IOException {
        Files.move(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeOne(KnowledgeGraph kg, Distribution d, Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = d.gzipped() ? new GZIPOutputStream(raw) : raw) {
            if (d.quads()) {
                DatasetGraph ds = DatasetGraphFactory.create();
                List<Node> names = new ArrayList<>();
                kg.dataset().listGraphNodes().forEachRemaining(names::add);
                names.sort(Comparator.comparing(Node::getURI));
                for (Node g : names) ds.addGraph(g, sorted(kg.dataset().getGraph(g), kg));
                ds.prefixes().putAll(kg.prefixes());
                RDFDataMgr.write(out, ds, d.format);
            } else {
                RDFWriter.source(sorted(kg.all(), kg)).format(d.format).output(out);
            }
        }
    }

    /** A copy filled in sorted order, so a writer that follows insertion order writes the same bytes every time. */
    private static Graph sorted(Graph g, KnowledgeGraph kg) {
        return sorted(g, kg.prefixes());
    }

    static Graph sorted(Graph g, org.apache.jena.shared.PrefixMapping prefixes) {
        List<Triple> triples = new ArrayList<>();
        g.find().forEachRemaining(triples::add);
        triples.sort(Comparator.comparing(t -> NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate())
                + " " + NodeFmtLib.strNT(t.getObject())));
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(prefixes);
        triples.forEach(out::add);
        return out;
    }

}
