package nl.arbeidsmigratie.kg.release;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

import nl.arbeidsmigratie.kg.digest.Sha256;
import nl.arbeidsmigratie.kg.dump.Dumps;
import nl.arbeidsmigratie.kg.dump.GraphDocuments;
import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.history.History;
import nl.arbeidsmigratie.kg.history.ReleaseArchive;
import nl.arbeidsmigratie.kg.infer.Derivation;
import nl.arbeidsmigratie.kg.infer.Inference;
import nl.arbeidsmigratie.kg.load.Skolem;
import nl.arbeidsmigratie.kg.load.KgInputException;
import nl.arbeidsmigratie.kg.query.Answer;
import nl.arbeidsmigratie.kg.query.Answers;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.search.SearchIndex;
import nl.arbeidsmigratie.kg.source.KgSource;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * What {@code mvn package} builds once and stores in the jar ({@code kg/release/}), so that {@code serve} and
 * {@code query} start without parsing, inferring or validating:
 * <ul>
 * <li>{@code graph.rt}: the validated, inferred graph in RDF Thrift (ontology, asserted and inferred triples as named
 * graphs), written in sorted order;</li>
 * <li>{@code catalog.json}: the questions' texts, their allowed parameter values and the status dates;</li>
 * <li>{@code answers.bin}: every closed-parameter answer, in every format;</li>
 * <li>{@code search.bin}: the home page's search index ({@link SearchIndex});</li>
 * <li>{@code dumps/}: the downloadable dumps, their gzip copies, SHA256SUMS and void.ttl;</li>
 * <li>{@code graphs/}: every document {@code /kg/get} and {@code /graph/…} send ({@link GraphDocuments});</li>
 * <li>{@code release.properties}: the data version and the SHA-256 of {@code graph.rt}, checked on every load.</li>
 * </ul>
 * The same sources always give the same bytes.
 */
public record Release(KnowledgeGraph kg, QueryCatalog catalog, Map<String, Answer> answers, Path dumps) {
    static final String GRAPH = "graph.rt", CATALOG = "catalog.json", ANSWERS = "answers.bin",
            PROPERTIES = "release.properties", DUMPS = "dumps";
    private static final Node ONTOLOGY_GRAPH = NodeFactory.createURI(AM.ONTOLOGY);
    private static final Node ASSERTED = NodeFactory.createURI(KG.GRAPH_ASSERTED);
    private static final Node INFERRED = NodeFactory.createURI(KG.GRAPH_INFERRED);

    /** Runs the whole pipeline on the sources and writes the release into {@code outDir} (replacing it whole). */
    public static Release build(KgSource source, Path outDir) {
        KnowledgeGraph kg = KnowledgeGraph.build(source);
        QueryCatalog catalog = QueryCatalog.build(kg);
        Map<String, Answer> answers = Answers.precompute(catalog);
        try {
            Path parent = outDir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, ".release-");
            try (OutputStream out = Files.newOutputStream(tmp.resolve(GRAPH))) {
                writeGraph(kg, out);
            }
            Files.writeString(tmp.resolve(CATALOG), JSON.toString(catalog.save()) + "\n");
            try (OutputStream out = Files.newOutputStream(tmp.resolve(ANSWERS))) {
                Answers.write(answers, out);
            }
            try (OutputStream out = Files.newOutputStream(tmp.resolve(SearchIndex.FILE))) {
                SearchIndex.build(kg, catalog).write(out);
            }
            Dumps.write(kg, tmp.resolve(DUMPS));
            History.write(kg, source, tmp.resolve(History.DIR), (version, asserted, dir) -> storeOlder(kg, version, asserted, dir));
            GraphDocuments.write(kg, tmp.resolve(GraphDocuments.DIR), tmp.resolve(DUMPS));
            Properties p = new Properties();
            p.setProperty("dataVersion", kg.dataVersion());
            p.setProperty("graphSha256", Sha256.hex(Files.readAllBytes(tmp.resolve(GRAPH))));
            p.setProperty("triples", Long.toString(kg.all().size()));
            StringBuilder b = new StringBuilder("# Written by 'release'; checked when the jar loads graph.rt.\n");
            new TreeMap<>(p).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
            Files.writeString(tmp.resolve(PROPERTIES), b.toString());
            deleteTree(outDir);
            Files.move(tmp, outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Release(kg, catalog, answers, outDir.resolve(DUMPS));
    }

    /**
     * The release stored beside the bundled sources (in the jar), or null when there is none (a plain build). The
     * answers are read on a second thread while the graph is parsed: start-up is the sum of neither.
     */
    public static Release load(KgSource source) {
        Path dir = source.releaseDir();
        if (!Files.isRegularFile(dir.resolve(PROPERTIES))) return null;
        try {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve(PROPERTIES))) {
                p.load(in);
            }
            String version = p.getProperty("dataVersion");
            CompletableFuture<Map<String, Answer>> answers = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(ANSWERS)), 1 << 16)) {
                    return Answers.read(in, version);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] graphBytes = Files.readAllBytes(dir.resolve(GRAPH));
            if (!Sha256.hex(graphBytes).equals(p.getProperty("graphSha256")))
                throw new KgInputException(source.description() + ": release/" + GRAPH
                        + " does not match its SHA-256 in release.properties; rebuild with mvn package");
            KnowledgeGraph kg = readGraph(source, graphBytes, version);
            QueryCatalog catalog = QueryCatalog.restore(kg, JSON.parse(Files.readString(dir.resolve(CATALOG))));
            return new Release(kg, catalog, answers.join(), dir.resolve(DUMPS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Only the graph of a release folder (for a query worker): {@code graph.rt}, checked against its SHA-256, as the
     * same dataset {@link KnowledgeGraph#dataset()} serves.
     */
    public static KnowledgeGraph graphOnly(Path dir) {
        try {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve(PROPERTIES))) {
                p.load(in);
            }
            byte[] graphBytes = Files.readAllBytes(dir.resolve(GRAPH));
            if (!Sha256.hex(graphBytes).equals(p.getProperty("graphSha256")))
                throw new KgInputException(dir + "/" + GRAPH + " does not match its SHA-256 in release.properties");
            return readGraph(null, graphBytes, p.getProperty("dataVersion"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An older release's graph inferred (this build's OWL 2 RL rules on its own asserted graph, which holds the ontology
     * it was published with, then the derivation rules it was published with), with the catalogue of its own questions: what {@code version=} answers from. A release published before
     * questions were kept with it gets this build's rules and questions. Not validated again: it was valid when it was
     * published, and today's rules may be stricter.
     */
    private static void storeOlder(KnowledgeGraph current, String version, Graph asserted, Path dir) throws IOException {
        // The questions and rules it was published with, when the archive kept them; else this build's.
        Path archive = current.source().releasesArchive();
        List<Path> questions = ReleaseArchive.questions(archive, version);
        List<Path> rules = ReleaseArchive.rules(archive, version);
        boolean own = questions != null;
        KnowledgeGraph kg = older(current, version, asserted, own ? rules : current.source().deriveFiles());
        try (OutputStream out = Files.newOutputStream(dir.resolve(GRAPH))) {
            writeGraph(kg, out);
        }
        JsonObject catalog = QueryCatalog.build(kg, own ? questions : current.source().queryFiles()).save();
        catalog.put("questionsOfRelease", own);
        Files.writeString(dir.resolve(CATALOG), JSON.toString(catalog) + "\n");
    }

    private static KnowledgeGraph older(KnowledgeGraph current, String version, Graph asserted, List<Path> rules) {
        KgSource source = current.source();
        Graph inferred = Inference.infer(asserted);
        Derivation.derive(asserted, inferred, rules, source::display);
        inferred = Skolem.skolemise(inferred, "inferred triples of release " + version);
        return KnowledgeGraph.stored(source, current.ontology(), asserted, inferred, current.prefixes(), version);
    }

    /**
     * An older release stored by {@link #storeOlder} (in {@code history/{version}/}), or null when there is none:
     * its graph and its catalogue, for {@code version=}.
     */
    public static Older loadOlder(KnowledgeGraph current, Path dir, String version) {
        if (!Files.isRegularFile(dir.resolve(GRAPH))) return null;
        try {
            KnowledgeGraph kg = readGraph(current.source(), Files.readAllBytes(dir.resolve(GRAPH)), version);
            JsonObject catalog = JSON.parse(Files.readString(dir.resolve(CATALOG)));
            return new Older(kg, QueryCatalog.restore(kg, catalog), catalog.get("questionsOfRelease").getAsBoolean().value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An older release, ready to answer prepared questions; {@code ownQuestions} is false for a release published
     * before questions were kept with it (then it is asked this build's questions).
     */
    public record Older(KnowledgeGraph kg, QueryCatalog catalog, boolean ownQuestions) {}

    /** Prefixes, then ontology, asserted and inferred quads, each sorted: the bytes depend only on the triples. */
    private static void writeGraph(KnowledgeGraph kg, OutputStream out) {
        StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.RDF_THRIFT);
        w.start();
        new TreeMap<>(kg.prefixes().getNsPrefixMap()).forEach(w::prefix);
        for (Map.Entry<Node, Graph> g : List.of(Map.entry(ONTOLOGY_GRAPH, kg.ontology()),
                Map.entry(ASSERTED, kg.asserted()), Map.entry(INFERRED, kg.inferred()))) {
            List<Quad> quads = new ArrayList<>();
            g.getValue().find().forEachRemaining(t -> quads.add(Quad.create(g.getKey(), t)));
            quads.sort(Comparator.comparing(q -> NodeFmtLib.strNT(q.getSubject()) + " " + NodeFmtLib.strNT(q.getPredicate())
                    + " " + NodeFmtLib.strNT(q.getObject())));
            quads.forEach(w::quad);
        }
        w.finish();
    }

    private static KnowledgeGraph readGraph(KgSource source, byte[] bytes, String version) {
        Graph ontology = GraphFactory.createDefaultGraph(), asserted = GraphFactory.createDefaultGraph(),
                inferred = GraphFactory.createDefaultGraph();
        PrefixMapping prefixes = new PrefixMappingImpl();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(RDFLanguages.RDFTHRIFT).parse(new StreamRDFBase() {
            @Override public void prefix(String prefix, String iri) { prefixes.setNsPrefix(prefix, iri); }
            @Override public void quad(Quad q) {
                Node g = q.getGraph();
                (g.equals(ONTOLOGY_GRAPH) ? ontology : g.equals(ASSERTED) ? asserted : inferred).add(q.asTriple());
            }
        });
        return KnowledgeGraph.stored(source, ontology, asserted, inferred, prefixes, version);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
