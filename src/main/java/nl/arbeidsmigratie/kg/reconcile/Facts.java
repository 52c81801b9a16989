package nl.arbeidsmigratie.kg.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.ELI;
import nl.arbeidsmigratie.kg.vocab.PROV;

/**
 * What the service says about one thing: the values of the extension properties ({@link Offer#PROPERTIES}), read
 * from the graph with its inferences and build-time derivations. A value is a linked thing (an IRI) or a literal.
 */
final class Facts {
    private final Graph g;

    Facts(Graph g) {
        this.g = g;
    }

    /**
     * The status assessment in force on {@code asOf} (YYYY-MM-DD; null for today, never a scheduled future one): the same rule as the status
     * questions ({@code recommendation-status}, {@code law}), read from what the build derived: start at
     * {@code am:latestAssessment} and step back along {@code am:previousAssessment} while the assessment is dated
     * after {@code asOf}. Null when nothing was assessed by then.
     */
    Node assessment(Node thing, String asOf) {
        String on = asOf != null ? asOf : nl.arbeidsmigratie.kg.query.Today.date().toString();
        Node a = one(thing, AM.latestAssessment);
        while (a != null && date(a).compareTo(on) > 0) a = one(a, AM.previousAssessment);
        return a;
    }

    /** The date of an assessment (YYYY-MM-DD). */
    String date(Node assessment) {
        Node d = one(assessment, AM.asOf);
        return d == null ? "" : d.getLiteralLexicalForm();
    }

    Node status(Node assessment) { return assessment == null ? null : one(assessment, AM.status); }

    /** The values of one property for one thing, in a stable order (IRIs and literals sorted). */
    List<Node> values(Node thing, Offer.Property p, String asOf) {
        return switch (p.id()) {
            case "status" -> optional(status(assessment(thing, asOf)));
            case "statusDate" -> {
                Node a = assessment(thing, asOf);
                yield a == null ? List.of() : optional(one(a, AM.asOf));
            }
            case "responsibleBody" -> objects(thing, AM.responsibleBody);
            case "enforcedBy" -> objects(thing, AM.enforcedBy);
            case "issuedBy" -> issuers(thing);
            case "dateInForce" -> objects(thing, ELI.firstDateEntryInForce);
            case "recommendationCount" -> List.of(NodeFactory.createLiteralString(Integer.toString(recommendations(thing).size())));
            case "source" -> {
                List<Node> s = objects(thing, PROV.wasDerivedFrom);
                yield s.isEmpty() ? objects(thing, DCTerms.source.asNode()) : s;
            }
            case "identifier" -> objects(thing, ELI.idLocal);
            case "kamerstuk" -> objects(thing, AM.kamerstuk);
            default -> List.of();
        };
    }

    /** Who issued a recommendation: on itself or on the package it is part of (am:partOf*), as the questions do. */
    private List<Node> issuers(Node thing) {
        TreeSet<String> seen = new TreeSet<>();
        List<Node> out = new ArrayList<>();
        List<Node> todo = new ArrayList<>(List.of(thing));
        TreeSet<String> visited = new TreeSet<>();
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            if (!n.isURI() || !visited.add(n.getURI())) continue;
            for (Node by : objects(n, AM.issuedBy)) if (seen.add(by.toString())) out.add(by);
            todo.addAll(objects(n, AM.partOf));
        }
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    /**
     * The recommendations a thing is linked to: issued by it (directly or for the package they are part of), derived
     * from it (a source), addressing it (a problem), implemented by it (a measure) or by a measure resting on it (a
     * law). Counted once each.
     */
    TreeSet<String> recommendations(Node thing) {
        TreeSet<String> out = new TreeSet<>();
        g.find(Node.ANY, RDF.type.asNode(), AM.Recommendation).forEachRemaining(t -> {
            Node r = t.getSubject();
            if (!r.isURI()) return;
            if (g.contains(r, PROV.wasDerivedFrom, thing) || g.contains(r, AM.addressesProblem, thing)
                    || g.contains(thing, AM.implementsRecommendation, r) || issuers(r).contains(thing))
                out.add(r.getURI());
        });
        g.find(Node.ANY, AM.legalBasis, thing).forEachRemaining(t ->
                objects(t.getSubject(), AM.implementsRecommendation).forEach(r -> { if (r.isURI()) out.add(r.getURI()); }));
        return out;
    }

    Node one(Node s, Node p) {
        List<Node> o = objects(s, p);
        return o.isEmpty() ? null : o.get(0);
    }

    List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    private static List<Node> optional(Node n) { return n == null ? List.of() : List.of(n); }
}
