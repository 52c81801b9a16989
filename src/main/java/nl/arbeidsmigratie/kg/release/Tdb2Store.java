package nl.arbeidsmigratie.kg.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

import nl.arbeidsmigratie.kg.digest.Sha256;
import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * The release's graph in a TDB2 store on disk, for graphs that outgrow memory or whose load into memory makes
 * start-up too slow: {@code build --tdb2 DIR [--add FILE]…} writes it with Jena's bulk loader, {@code serve --tdb2 DIR}
 * serves it. The store's default graph is asserted plus inferred, the named graphs are as in memory; files given with
 * {@code --add} (the benchmark's synthetic data) go into the default graph of the store only, never into the release
 * or the dumps. {@code kg-tdb2.properties} in DIR names the release it was built from; a store with added
 * files has a data version of its own, and its answers are computed, not taken from the release.
 */
public final class Tdb2Store {
    static final String MARKER = "kg-tdb2.properties";
    private static final Node ASSERTED = NodeFactory.createURI(KG.GRAPH_ASSERTED);
    private static final Node INFERRED = NodeFactory.createURI(KG.GRAPH_INFERRED);

    /** What {@link #open} gives: the graph on disk, its data version, and whether the release's answers hold. */
    public record Opened(KnowledgeGraph kg, boolean sameAsRelease, long triples) {}

    private Tdb2Store() {}

    /** Loads the release (and any added files) into a new TDB2 store in {@code dir}; returns the triples loaded. */
    public static long build(KnowledgeGraph kg, Path dir, List<Path> extras) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent())
                        throw new IllegalArgumentException("--tdb2 " + dir + " must be a new or empty folder");
                }
            }
            for (Path f : extras)
                if (!Files.isRegularFile(f)) throw new IllegalArgumentException("--add " + f + ": no such file");
            Files.createDirectories(dir);
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir.toString()));
            DataLoader loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> { });
            loader.startBulk();
            try {
                StreamRDF s = loader.stream();
                kg.all().find().forEachRemaining(s::triple);
                kg.asserted().find().forEachRemaining(t -> s.quad(Quad.create(ASSERTED, t)));
                kg.inferred().find().forEachRemaining(t -> s.quad(Quad.create(INFERRED, t)));
                for (Path f : extras) {
                    RDFParser.source(f).parse(new StreamRDFBase() {
                        @Override public void triple(Triple t) { s.triple(t); }
                        @Override public void quad(Quad q) { triple(q.asTriple()); }
                    });
                }
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            long triples = Txn.calculateRead(dsg, () -> (long) dsg.getDefaultGraph().size());
            Properties p = new Properties();
            p.setProperty("releaseVersion", kg.dataVersion());
            p.setProperty("dataVersion", extras.isEmpty() ? kg.dataVersion()
                    : kg.dataVersion() + "+x" + extrasDigest(extras).substring(0, 8));
            p.setProperty("added", String.join(" ", extras.stream().map(f -> f.getFileName().toString()).toList()));
            p.setProperty("triples", Long.toString(triples));
            try (var out = Files.newOutputStream(dir.resolve(MARKER))) {
                p.store(out, "Written by 'build --tdb2'; read by 'serve --tdb2'.");
            }
            return triples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a store that {@link #build} wrote from this release. */
    public static Opened open(KnowledgeGraph kg, Path dir) {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker))
            throw new IllegalArgumentException("--tdb2 " + dir + ": not a store written by 'build --tdb2' (no " + MARKER + ")");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(marker)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!kg.dataVersion().equals(p.getProperty("releaseVersion")))
            throw new IllegalArgumentException("--tdb2 " + dir + " holds release " + p.getProperty("releaseVersion")
                    + ", this jar is " + kg.dataVersion() + ": build it again with 'build --tdb2'");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir.toString()));
        String version = p.getProperty("dataVersion");
        return new Opened(kg.onStore(dsg, version), version.equals(kg.dataVersion()),
                Long.parseLong(p.getProperty("triples", "0")));
    }

    /**
     * Like {@link #open}, but the store's quads are copied into memory and the store is closed again, so that the one
     * process allowed to open it can be a query worker ({@code serve --tdb2}).
     */
    public static Opened copyToMemory(KnowledgeGraph kg, Path dir) {
        Opened onDisk = open(kg, dir);
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(Location.create(dir.toString()));
        DatasetGraph copy = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(copy, () -> Txn.executeRead(store, () -> {
            store.getDefaultGraph().find().forEachRemaining(copy.getDefaultGraph()::add);
            store.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!q.isDefaultGraph()) copy.add(q);
            });
        }));
        // Closes the store and gives up its lock, so that the query worker can open it.
        org.apache.jena.tdb2.sys.TDBInternal.expel(store, true);
        return new Opened(kg.onStore(copy, onDisk.kg().dataVersion()), onDisk.sameAsRelease(), onDisk.triples());
    }

    private static String extrasDigest(List<Path> files) throws IOException {
        return Sha256.hex(files);
    }
}
