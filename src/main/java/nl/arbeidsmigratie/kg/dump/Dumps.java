package nl.arbeidsmigratie.kg.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;

/**
 * Writes the downloadable dumps, their checksums and the VoID + DCAT description. Everything is written into a
 * fresh temporary folder first and moved into place only when complete: a failed build leaves the old dumps.
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

        boolean gzipped() { return file.endsWith(".gz"); }
        boolean quads() { return this == TRIG; }
    }

    public static final String VOID_FILE = "void.ttl";
    public static final String SUMS_FILE = "SHA256SUMS";

    private Dumps() {}

    /** Writes all files into {@code outDir}, returning name → SHA-256 of every file written. */
    public static Map<String, String> write(KnowledgeGraph kg, Path outDir) {
        try {
            Files.createDirectories(outDir);
            Path tmp = Files.createTempDirectory(outDir, ".build-");
            Map<String, String> sums = new LinkedHashMap<>();
            List<VoidDescription.FileInfo> infos = new ArrayList<>();
            for (Distribution d : Distribution.values()) {
                Path f = tmp.resolve(d.file);
                writeOne(kg, d, f);
                String sha = sha256(f);
                sums.put(d.file, sha);
                infos.add(new VoidDescription.FileInfo(d, Files.size(f), sha));
            }
            Path voidFile = tmp.resolve(VOID_FILE);
            Graph description = VoidDescription.describe(kg, infos);
            try (OutputStream out = Files.newOutputStream(voidFile)) {
                RDFWriter.source(description).format(RDFFormat.TURTLE_PRETTY).output(out);
            }
            sums.put(VOID_FILE, sha256(voidFile));
            StringBuilder sb = new StringBuilder();
            sums.forEach((name, sha) -> sb.append(sha).append("  ").append(name).append('\n'));
            Files.writeString(tmp.resolve(SUMS_FILE), sb.toString());
            for (String name : sums.keySet()) move(tmp, outDir, name);
            move(tmp, outDir, SUMS_FILE);
            Files.delete(tmp);
            return sums;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
                kg.dataset().listGraphNodes().forEachRemaining(g -> ds.addGraph(g, kg.dataset().getGraph(g)));
                ds.prefixes().putAll(kg.prefixes());
                RDFDataMgr.write(out, ds, d.format);
            } else {
                Graph g = kg.all();
                RDFWriter.source(g).format(d.format).output(out);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
