package nl.arbeidsmigratie.kg.testsupport;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateFactory;

import nl.arbeidsmigratie.kg.infer.Derivation;
import nl.arbeidsmigratie.kg.infer.Inference;
import nl.arbeidsmigratie.kg.load.Loader;
import nl.arbeidsmigratie.kg.load.Origins;
import nl.arbeidsmigratie.kg.source.KgSource;
import nl.arbeidsmigratie.kg.validate.Validation;
import nl.arbeidsmigratie.kg.validate.Violation;

/**
 * Breaks one thing in an in-memory copy of the real ontology + data (a SPARQL Update) and runs the build's checking
 * steps on it, as {@code KnowledgeGraph.build} does: OWL inference, the derivation rules, the shapes and the checks.
 * Parsing once and copying keeps a run at a fraction of a second, so every rule can have its own test.
 */
public final class RuleHarness {
    private static RuleHarness instance;

    private final KgSource source;
    private final Graph asserted;
    private final Graph shapes;
    private final Origins origins = new Origins();
    private final Set<String> baseline;

    private RuleHarness() {
        source = KgSource.directory(SourceCopy.projectRoot());
        asserted = GraphFactory.createDefaultGraph();
        Loader.load(source, source.ontologyFiles(), new PrefixMappingImpl(), origins).find().forEachRemaining(asserted::add);
        Loader.load(source, source.dataFiles(), new PrefixMappingImpl(), origins).find().forEachRemaining(asserted::add);
        shapes = Loader.loadShapes(source, source.shapesFiles());
        baseline = keys(check(asserted));
    }

    public static synchronized RuleHarness get() {
        if (instance == null) instance = new RuleHarness();
        return instance;
    }

    /** The findings of the real data as it is (only warnings, or the build would fail). */
    public List<Violation> baselineFindings() { return check(asserted); }

    /** What breaking the copy with {@code update} newly brings up, compared with the real data. */
    public List<Violation> newFindings(String update) {
        Graph copy = GraphFactory.createDefaultGraph();
        asserted.find().forEachRemaining(copy::add);
        UpdateExec.dataset(DatasetGraphFactory.wrap(copy)).update(UpdateFactory.create(Graphs.PREFIXES + EXTRA_PREFIXES + update))
                .execute();
        return check(copy).stream().filter(v -> !baseline.contains(key(v))).toList();
    }

    /** The distinct rule tags of {@link #newFindings}. */
    public Set<String> newRules(String update) {
        return newFindings(update).stream().map(Violation::rule).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private List<Violation> check(Graph assertedGraph) {
        Graph inferred = Inference.infer(assertedGraph);
        Derivation.derive(assertedGraph, inferred, source.deriveFiles(), source::display);
        Graph all = GraphFactory.createDefaultGraph();
        assertedGraph.find().forEachRemaining(all::add);
        inferred.find().forEachRemaining(all::add);
        return Validation.check(all, shapes, source.checkFiles(), source::display, origins);
    }

    private static Set<String> keys(List<Violation> vs) {
        Set<String> s = new HashSet<>();
        vs.forEach(v -> s.add(key(v)));
        return s;
    }

    private static String key(Violation v) {
        return v.rule() + "|" + v.ruleFile() + "|" + v.focusNode() + "|" + v.message();
    }

    private static final String EXTRA_PREFIXES = """
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
            PREFIX sector: <https://w3id.org/arbeidsmigratie/id/sector/>
            """;
}
