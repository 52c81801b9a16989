package nl.arbeidsmigratie.kg.dump;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

import nl.arbeidsmigratie.kg.digest.Sha256;
import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.http.Representation;
import nl.arbeidsmigratie.kg.http.Responses;

/**
 * Every document the Graph Store Protocol ({@code /kg/get}) and the named-graph pages ({@code /graph/…}) send, written
 * once by {@code mvn package} like the dumps: the default graph and each named graph in the six RDF syntaxes, and the
 * whole dataset in the three that carry named graphs. They are stored gzipped in the release ({@code graphs/}) and
 * held in memory as those bytes; a client that accepts gzip gets them as they are, any other the same bytes inflated
 * on the way out. Before, {@code /kg/get?default} as JSON-LD was written anew for every request (1.5 s of CPU each):
 * 32 clients asking for it kept the server busy long after they stopped.
 *
 * <p>Same graph, same bytes: triples go to the writers in sorted order, and gzip headers carry no time. The ETag is
 * the first 80 bits of the SHA-256 of the document; the gzip variant's tag adds {@code --gzip}, as Jetty's does.
 */
public final class GraphDocuments {
    /** The folder in a release. */
    public static final String DIR = "graphs";
    /** Keys besides the named graphs' IRIs. */
    public static final String DEFAULT = "default", DATASET = "dataset";
    /** The syntaxes the whole dataset is offered in: those that keep named graphs apart. */
    public static final List<Representation> DATASET_FORMATS = List.of(Representation.TRIG, Representation.NQUADS,
            Representation.JSONLD);
    private static final String INDEX = "index.tsv";

    /** One document: its ETag, its length, and its bytes gzipped. */
    public record Document(String etag, long length, byte[] gzip) {
        public String gzipEtag() { return etag.substring(0, etag.length() - 1) + "--gzip\""; }
    }

    private final Map<String, Map<Representation, Document>> documents;

    private GraphDocuments(Map<String, Map<Representation, Document>> documents) {
        this.documents = documents;
    }

    /** The document of a graph ({@link #DEFAULT}, {@link #DATASET} or a named graph's IRI), or null. */
    public Document get(String graph, Representation r) {
        Map<Representation, Document> byFormat = documents.get(graph);
        return byFormat == null ? null : byFormat.get(r);
    }

    /** The IRIs of the named graphs. */
    public List<String> namedGraphs() {
        return documents.keySet().stream().filter(k -> !k.equals(DEFAULT) && !k.equals(DATASET)).toList();
    }

    // Writing, at package time

    /**
     * Writes every document of {@code kg}'s dataset into {@code dir}, with an index of graph, syntax, file, ETag,
     * length. The default graph in the dumps' syntaxes is the dumps' own bytes (written by {@link Dumps#write} into
     * {@code dumps}): the same sorted triples through the same writers, so they are not written twice.
     */
    public static void write(KnowledgeGraph kg, Path dir, Path dumps) {
        DatasetGraph source = kg.dataset();
        List<Node> names = new ArrayList<>();
        source.listGraphNodes().forEachRemaining(names::add);
        names.sort(Comparator.comparing(Node::getURI));
        DatasetGraph dataset = DatasetGraphFactory.create(Dumps.sorted(source.getDefaultGraph(), kg.prefixes()));
        for (Node g : names) dataset.addGraph(g, Dumps.sorted(source.getGraph(g), kg.prefixes()));
        dataset.prefixes().putAll(kg.prefixes());
        StringBuilder index = new StringBuilder();
        try {
            Files.createDirectories(dir);
            Map<String, Graph> graphs = new LinkedHashMap<>();
            graphs.put(DEFAULT, dataset.getDefaultGraph());
            for (Node g : names) graphs.put(g.getURI(), dataset.getGraph(g));
            int n = 0;
            for (Map.Entry<String, Graph> g : graphs.entrySet()) {
                String stem = g.getKey().equals(DEFAULT) ? DEFAULT : "graph-" + (++n);
                for (Representation r : Representation.rdf()) {
                    Dumps.Distribution same = g.getKey().equals(DEFAULT) ? DUMP_OF_DEFAULT.get(r) : null;
                    byte[] body = same == null ? r.write(g.getValue()) : dumpBytes(dumps.resolve(same.file), same.gzipped());
                    index.append(store(dir, g.getKey(), r, stem, body));
                }
            }
            for (Representation r : DATASET_FORMATS) {
                byte[] body = r == Representation.JSONLD ? jsonLd(dataset) : r.write(dataset);
                index.append(store(dir, DATASET, r, DATASET, body));
            }
            Files.writeString(dir.resolve(INDEX), index.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dumps that hold the default graph in one of our syntaxes, written the same way. */
    private static final Map<Representation, Dumps.Distribution> DUMP_OF_DEFAULT = Map.of(
            Representation.TURTLE, Dumps.Distribution.TURTLE, Representation.NTRIPLES, Dumps.Distribution.NTRIPLES_GZ,
            Representation.JSONLD, Dumps.Distribution.JSONLD, Representation.RDFXML, Dumps.Distribution.RDFXML);

    private static byte[] dumpBytes(Path file, boolean gzipped) throws IOException {
        if (!gzipped) return Files.readAllBytes(file);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static byte[] jsonLd(DatasetGraph ds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(ds).format(RDFFormat.JSONLD11_PRETTY).output(out);
        return out.toByteArray();
    }

    private static String store(Path dir, String graph, Representation r, String stem, byte[] body) throws IOException {
        String file = stem + "." + r.shortName() + ".gz";
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(file)))) {
            out.write(body);
        }
        return graph + "\t" + r.shortName() + "\t" + file + "\t" + Sha256.hex(body).substring(0, 20) + "\t" + body.length + "\n";
    }

    // Reading, at start

    private static final Map<Path, java.util.Optional<GraphDocuments>> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The documents of the release whose dumps are in {@code dumps} (read once, shared by {@code /kg/get} and
     * {@code /graph/…}), or null when it has none or {@code kg} is a store on disk, which may hold more than the
     * release ({@code build --tdb2 --add}).
     */
    public static GraphDocuments of(KnowledgeGraph kg, Path dumps) {
        if (kg.onDisk()) return null;
        return LOADED.computeIfAbsent(dumps.toAbsolutePath(), d -> java.util.Optional.ofNullable(load(d.resolveSibling(DIR))))
                .orElse(null);
    }

    /** The documents a release wrote into {@code dir}, or null when it wrote none. */
    static GraphDocuments load(Path dir) {
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) return null;
        Map<String, Map<Representation, Document>> documents = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(index)) {
                String[] f = line.split("\t");
                if (f.length != 5) continue;
                Representation r = Set.of(Representation.rdf()).stream().filter(x -> x.shortName().equals(f[1]))
                        .findFirst().orElseThrow(() -> new IllegalStateException("unknown syntax in " + index + ": " + f[1]));
                documents.computeIfAbsent(f[0], k -> new EnumMap<>(Representation.class))
                        .put(r, new Document("\"" + f[3] + "\"", Long.parseLong(f[4]), Files.readAllBytes(dir.resolve(f[2]))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the graph documents in " + dir + ": " + e.getMessage(), e);
        }
        return new GraphDocuments(documents);
    }

    // Sending

    /**
     * Sends a document: gzipped as stored to a client that accepts gzip, else inflated; 304 when the client has this
     * variant already; no body for HEAD. Jetty's GzipHandler leaves a body that has a Content-Encoding alone.
     */
    public static void send(HttpServletRequest req, HttpServletResponse res, Document d, Representation r,
                            String cacheControl) throws IOException {
        boolean gzip = Responses.acceptsGzip(req);
        String etag = gzip ? d.gzipEtag() : d.etag();
        res.setHeader("Vary", "Accept, Accept-Encoding");
        res.setHeader("ETag", etag);
        res.setHeader("Cache-Control", cacheControl);
        // Jetty's GzipHandler takes "--gzip" off the tags of a client that accepts gzip before we see them.
        if (Responses.notModified(req, etag) || (gzip && Responses.notModified(req, d.etag()))) {
            res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        res.setStatus(200);
        res.setContentType(r.contentType());
        boolean head = "HEAD".equals(req.getMethod());
        if (gzip) {
            res.setHeader("Content-Encoding", "gzip");
            res.setContentLength(d.gzip().length);
            if (!head) res.getOutputStream().write(d.gzip());
        } else {
            res.setContentLengthLong(d.length());
            if (!head) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(d.gzip()), 1 << 15)) {
                    in.transferTo(res.getOutputStream());
                }
            }
        }
    }
}
