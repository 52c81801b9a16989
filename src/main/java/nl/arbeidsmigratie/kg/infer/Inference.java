package nl.arbeidsmigratie.kg.infer;

import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.sparql.graph.GraphFactory;

import nl.arbeidsmigratie.kg.vocab.AM;

/**
 * Materialises the OWL 2 RL entailments the ontology relies on (sub-classes, sub-properties, inverses, symmetric
 * and transitive properties, domains and ranges) once, at build time. Rules: {@code owl-rl.rules} beside this class.
 * The result holds only triples the asserted graph lacks, so the two stay distinguishable.
 */
public final class Inference {
    private static final List<Rule> RULES = loadRules();

    private Inference() {}

    public static Graph infer(Graph asserted) {
        GenericRuleReasoner reasoner = new GenericRuleReasoner(RULES);
        reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
        InfModel inf = ModelFactory.createInfModel(reasoner, ModelFactory.createModelForGraph(asserted));
        inf.prepare();
        Graph inferred = GraphFactory.createDefaultGraph();
        inf.getDeductionsModel().getGraph().find().forEachRemaining(t -> {
            if (!asserted.contains(t) && !isTautology(t)) inferred.add(t);
        });
        return inferred;
    }

    /** {@code x subClassOf x} and the like say nothing a reader needs. */
    private static boolean isTautology(Triple t) {
        return t.getSubject().equals(t.getObject()) && !t.getPredicate().getURI().startsWith(AM.NS);
    }

    private static List<Rule> loadRules() {
        try (InputStream in = Inference.class.getResourceAsStream("owl-rl.rules")) {
            if (in == null) throw new IllegalStateException("owl-rl.rules missing from the classpath");
            return Rule.parseRules(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
