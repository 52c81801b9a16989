package nl.arbeidsmigratie.kg.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import nl.arbeidsmigratie.kg.source.KgSource;

/**
 * The quality rules, kept as data: SHACL shapes ({@code ontology/shapes.ttl}) and {@code queries/checks/*-violation.rq}
 * (each a SELECT of {@code ?focus ?message} that must return no rows). Both run on asserted plus inferred triples.
 * Violations stop the build; warnings (SHACL {@code sh:Warning}) are returned too, so they can be shown.
 */
public final class Validation {
    private Validation() {}

    /**
     * Every finding of the shapes and the checks, violations and warnings alike. A rule is named by the tag its
     * message starts with ({@code "[label-nl] ..."}); a SHACL result without such a message is named by its
     * constraint component, a check row without one by its file.
     */
    public static List<Violation> check(Graph graph, Graph shapesGraph, List<Path> checks,
                                        java.util.function.Function<Path, String> names, Origins origins) {
        List<Violation> found = new ArrayList<>();
        if (shapesGraph != null && !shapesGraph.isEmpty()) {
            String shapesFile = "ontology/shapes.ttl";
            Shapes shapes = Shapes.parse(shapesGraph);
            ValidationReport report = ShaclValidator.get().validate(shapes, graph);
            for (ReportEntry e : report.getEntries()) {
                Violation.Severity severity = Severity.Violation.equals(e.severity()) ? Violation.Severity.VIOLATION
                        : Violation.Severity.WARNING;
                String component = e.sourceConstraintComponent() == null ? "shape"
                        : localName(e.sourceConstraintComponent());
                found.add(finding(e.message(), component, shapesFile, severity, e.focusNode(), origins));
            }
        }
        for (Path check : checks) {
            String name = names.apply(check);
            // The rules for new facts judge only what data/changes/ states.
            boolean changesOnly = KgSource.isChangeRule(name);
            Query q = parse(check, name);
            try (QueryExec exec = QueryExec.graph(graph).query(q).build()) {
                RowSet rows = exec.select();
                String fallback = check.getFileName().toString().replaceFirst("-violation\\.rq$", "");
                rows.forEachRemaining(b -> {
                    Node focus = b.get("focus");
                    Node msg = b.get("message");
                    if (changesOnly && (focus == null || java.util.Arrays.stream(origins.of(focus).split(", "))
                            .noneMatch(KgSource::isChangeFile))) return;
                    found.add(finding(msg == null ? "violation" : msg.getLiteralLexicalForm(), fallback, name,
                            Violation.Severity.VIOLATION, focus, origins));
                });
            }
        }
        return found;
    }

    private static final Pattern TAG = Pattern.compile("^\\[([A-Za-z0-9-]+)\\]\\s*(.*)$", Pattern.DOTALL);

    private static Violation finding(String message, String fallbackRule, String ruleFile, Violation.Severity severity,
                                     Node focus, Origins origins) {
        Matcher m = TAG.matcher(message == null ? "" : message);
        String rule = m.matches() ? m.group(1) : fallbackRule;
        String text = m.matches() ? m.group(2) : message;
        return new Violation(rule, ruleFile, severity, focus == null ? "?" : nodeName(focus),
                focus == null ? ruleFile : origins.of(focus), text);
    }

    private static String localName(Node n) {
        String s = nodeName(n);
        return s.substring(Math.max(s.lastIndexOf('#'), s.lastIndexOf('/')) + 1);
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
