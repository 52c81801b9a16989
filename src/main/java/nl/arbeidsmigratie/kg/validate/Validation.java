package nl.arbeidsmigratie.kg.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

import nl.arbeidsmigratie.kg.load.KgInputException;
import nl.arbeidsmigratie.kg.load.Origins;

/**
 * The quality rules, kept as data: SHACL shapes ({@code ontology/shapes.ttl}) and {@code queries/checks/*-violation.rq}
 * (each a SELECT of {@code ?focus ?message} that must return no rows). Both run on asserted plus inferred triples.
 */
public final class Validation {
    private Validation() {}

    public static List<Violation> check(Graph graph, Graph shapesGraph, List<Path> checks,
                                        java.util.function.Function<Path, String> names, Origins origins) {
        List<Violation> found = new ArrayList<>();
        if (shapesGraph != null && !shapesGraph.isEmpty()) {
            Shapes shapes = Shapes.parse(shapesGraph);
            ValidationReport report = ShaclValidator.get().validate(shapes, graph);
            for (ReportEntry e : report.getEntries()) {
                if (!Severity.Violation.equals(e.severity())) continue;
                String rule = e.source() == null ? "shape" : "SHACL " + nodeName(e.source())
                        + (e.resultPath() == null ? "" : " on " + e.resultPath());
                found.add(new Violation(rule, nodeName(e.focusNode()), origins.of(e.focusNode()), e.message()));
            }
        }
        for (Path check : checks) {
            String name = names.apply(check);
            Query q = parse(check, name);
            try (QueryExec exec = QueryExec.graph(graph).query(q).build()) {
                RowSet rows = exec.select();
                rows.forEachRemaining(b -> {
                    Node focus = b.get("focus");
                    Node msg = b.get("message");
                    found.add(new Violation(name, focus == null ? "?" : nodeName(focus),
                            focus == null ? name : origins.of(focus),
                            msg == null ? "violation" : msg.getLiteralLexicalForm()));
                });
            }
        }
        return found;
    }

    private static Query parse(Path check, String name) {
        try {
            return QueryFactory.create(Files.readString(check));
        } catch (QueryParseException e) {
            throw new KgInputException(name + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nodeName(Node n) {
        return n.isURI() ? n.getURI() : n.toString();
    }
}
