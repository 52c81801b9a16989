package nl.arbeidsmigratie.kg.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.graph.GraphFactory;

import nl.arbeidsmigratie.kg.digest.Sha256;
import nl.arbeidsmigratie.kg.infer.Derivation;
import nl.arbeidsmigratie.kg.infer.Inference;
import nl.arbeidsmigratie.kg.load.KgInputException;
import nl.arbeidsmigratie.kg.load.Loader;
import nl.arbeidsmigratie.kg.load.Origins;
import nl.arbeidsmigratie.kg.load.Skolem;
import nl.arbeidsmigratie.kg.source.KgSource;
import nl.arbeidsmigratie.kg.validate.Validation;
import nl.arbeidsmigratie.kg.validate.Violation;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * The whole graph: parsed, skolemised, inferred, validated, then frozen. Either every step succeeds or
 * {@link #build} throws {@link KgInputException}; no partial graph ever escapes. {@code mvn package} runs
 * {@link #build} once and stores the result in the jar ({@code release/}); {@code serve} and {@code query} load that.
 *
 * <p>The dataset's default graph is asserted plus inferred triples (what queries see); the named graphs
 * {@link KG#GRAPH_ASSERTED} and {@link KG#GRAPH_INFERRED} keep the two apart. There are no blank nodes.
 */
public final class KnowledgeGraph {
    private final Graph ontology;
    private final Graph asserted;
    private final Graph inferred;
    private final Graph all;
    private final DatasetGraph dataset;
    private final PrefixMapping prefixes;
    private final BuildInfo buildInfo;
    private final String dataVersion;
    private final KgSource source;
    private final List<Violation> warnings;

    private KnowledgeGraph(KgSource source, Graph ontology, Graph asserted, Graph inferred, PrefixMapping prefixes,
                           BuildInfo buildInfo, String dataVersion, List<Violation> warnings) {
        this.source = source;
        this.warnings = List.copyOf(warnings);
        this.ontology = ontology;
        this.asserted = asserted;
        this.inferred = inferred;
        this.prefixes = new PrefixMappingImpl().setNsPrefixes(prefixes).lock();
        this.buildInfo = buildInfo;
        this.dataVersion = dataVersion;
        Graph union = GraphFactory.createDefaultGraph();
        union.getPrefixMapping().setNsPrefixes(prefixes);
        asserted.find().forEachRemaining(union::add);
        inferred.find().forEachRemaining(union::add);
        this.all = union;
        DatasetGraph dsg = DatasetGraphFactory.create(all);
        dsg.addGraph(NodeFactory.createURI(KG.GRAPH_ASSERTED), asserted);
        dsg.addGraph(NodeFactory.createURI(KG.GRAPH_INFERRED), inferred);
        dsg.prefixes().putAll(prefixes);
        this.dataset = new DatasetGraphReadOnly(dsg);
    }

    /** The same graph read from a store on disk (TDB2): nothing is copied into memory. */
    private KnowledgeGraph(KnowledgeGraph release, DatasetGraph store, String dataVersion) {
        this.source = release.source;
        this.warnings = List.of();
        this.ontology = release.ontology;
        this.prefixes = release.prefixes;
        this.buildInfo = release.buildInfo;
        this.dataVersion = dataVersion;
        this.asserted = new ReadTxnGraph(store.getGraph(NodeFactory.createURI(KG.GRAPH_ASSERTED)), store);
        this.inferred = new ReadTxnGraph(store.getGraph(NodeFactory.createURI(KG.GRAPH_INFERRED)), store);
        this.all = new ReadTxnGraph(store.getDefaultGraph(), store);
        this.dataset = new DatasetGraphReadOnly(store);
    }

    /**
     * This release's graph as a transactional store on disk holds it ({@code serve --tdb2 DIR}): the store's default
     * graph is asserted plus inferred (plus any added files), its named graphs are as in memory. The ontology stays
     * the release's (it is small and pages read it often).
     */
    public KnowledgeGraph onStore(DatasetGraph store, String dataVersion) {
        return new KnowledgeGraph(this, store, dataVersion);
    }

    /** True when the graph is read from a store on disk, whose reads need a transaction. */
    public boolean onDisk() { return all instanceof ReadTxnGraph; }

    /** The full pipeline on hand-edited sources: what {@code validate}, {@code release} and {@code --source} run. */
    public static KnowledgeGraph build(KgSource source) {
        PrefixMapping prefixes = new PrefixMappingImpl();
        Origins origins = new Origins();
        Graph ontology = Loader.load(source, source.ontologyFiles(), prefixes, origins);
        Graph data = Loader.load(source, source.dataFiles(), prefixes, origins);
        Graph shapes = Loader.loadShapes(source, source.shapesFiles());
        if (ontology.isEmpty()) throw new KgInputException(source.description() + ": ontology/ holds no triples");

        Graph asserted = GraphFactory.createDefaultGraph();
        ontology.find().forEachRemaining(asserted::add);
        data.find().forEachRemaining(asserted::add);
        Graph inferred = Inference.infer(asserted);
        Derivation.derive(asserted, inferred, source.deriveFiles(), source::display);
        inferred = Skolem.skolemise(inferred, "inferred triples");
        Graph all = GraphFactory.createDefaultGraph();
        asserted.find().forEachRemaining(all::add);
        inferred.find().forEachRemaining(all::add);

        List<Violation> findings = Validation.check(all, shapes, source.checkFiles(), source::display, origins);
        List<Violation> violations = findings.stream().filter(v -> !v.isWarning()).toList();
        if (!violations.isEmpty()) {
            throw new KgInputException(violations.size() + " validation error(s):\n  "
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
        // In canonical order, as a release stores them (graph.rt) and reads them back: an answer whose order the
        // query leaves open (GROUP_CONCAT, rows without ORDER BY) follows the graph's order, and must be the same
        // bytes whether computed here, by the server from graph.rt, or by a later build from the archived release.
        return new KnowledgeGraph(source, canonicalOrder(ontology), canonicalOrder(asserted), canonicalOrder(inferred),
                prefixes, BuildInfo.load(), BuildInfo.load().version() + "+" + digest(asserted).substring(0, 12),
                findings.stream().filter(Violation::isWarning).toList());
    }

    /** The same triples, added in the order of their N-Triples lines (the order {@code graph.rt} is written in). */
    public static Graph canonicalOrder(Graph g) {
        List<Triple> triples = new ArrayList<>();
        g.find().forEachRemaining(triples::add);
        triples.sort(java.util.Comparator.comparing(KnowledgeGraph::ntriple));
        Graph out = GraphFactory.createDefaultGraph();
        triples.forEach(out::add);
        return out;
    }

    /** A graph stored by a release: already validated; its version was computed when it was built. */
    public static KnowledgeGraph stored(KgSource source, Graph ontology, Graph asserted, Graph inferred,
                                 PrefixMapping prefixes, String dataVersion) {
        return new KnowledgeGraph(source, ontology, asserted, inferred, prefixes, BuildInfo.load(), dataVersion, List.of());
    }

    /**
     * SHA-256 of the canonical form of a blank-node-free graph: its N-Triples lines, sorted. The same triples give
     * the same digest whatever order they were parsed in.
     */
    public static String digest(Graph g) {
        List<String> lines = new ArrayList<>();
        g.find().forEachRemaining(t -> lines.add(ntriple(t)));
        lines.sort(null);
        return Sha256.hexOfLines(lines);
    }

    private static String ntriple(Triple t) {
        return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
                + NodeFmtLib.strNT(t.getObject()) + " .\n";
    }

    /** What the {@code ontology/} files say: served at {@code /def}. */
    public Graph ontology() { return ontology; }
    public Graph asserted() { return asserted; }
    public Graph inferred() { return inferred; }
    /** Asserted plus inferred: the default graph of {@link #dataset()}. */
    public Graph all() { return all; }
    public DatasetGraph dataset() { return dataset; }
    public PrefixMapping prefixes() { return prefixes; }
    public BuildInfo buildInfo() { return buildInfo; }
    /** pom version plus a digest of the canonical asserted graph, e.g. {@code 0.1.0+3f2a…}. */
    public String dataVersion() { return dataVersion; }
    public KgSource source() { return source; }
    /**
     * The warnings of the quality rules (gaps the sources may be unable to fill): reported, not fatal. Empty for a
     * stored release: they were printed when it was built.
     */
    public List<Violation> warnings() { return warnings; }
}
