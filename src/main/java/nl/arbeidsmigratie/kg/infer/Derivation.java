package nl.arbeidsmigratie.kg.infer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.exec.QueryExec;

import nl.arbeidsmigratie.kg.load.KgInputException;

/**
 * Derivation rules kept as data: {@code queries/derive/*.rq}, each a SPARQL CONSTRUCT, run once at build after the
 * OWL inference, in file-name order, each seeing what the earlier ones added. What they construct goes into the
 * inferred graph (never into the asserted one), so questions read ready-made facts (the order of an item's status
 * assessments, its latest one) instead of recomputing them on every request.
 */
public final class Derivation {
    private Derivation() {}

    /** Adds to {@code inferred} every triple the rules construct that neither graph already holds. */
    public static void derive(Graph asserted, Graph inferred, List<Path> rules, Function<Path, String> names) {
        Graph both = new Union(asserted, inferred);
        for (Path rule : rules) {
            Query q = parse(rule, names.apply(rule));
            Graph constructed;
            try (QueryExec exec = QueryExec.graph(both).query(q).build()) {
                constructed = exec.construct();
            }
            // Added after the CONSTRUCT has finished: the union must not change while it is being read.
            constructed.find().forEachRemaining(t -> { if (!asserted.contains(t)) inferred.add(t); });
        }
    }

    private static Query parse(Path rule, String name) {
        try {
            Query q = QueryFactory.create(Files.readString(rule));
            if (!q.isConstructType()) throw new KgInputException(name + ": a derivation rule must be a CONSTRUCT query");
            return q;
        } catch (QueryParseException e) {
            throw new KgInputException(name + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
