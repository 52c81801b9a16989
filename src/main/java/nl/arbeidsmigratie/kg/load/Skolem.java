package nl.arbeidsmigratie.kg.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;

import nl.arbeidsmigratie.kg.digest.Sha256;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * Replaces blank nodes by skolem IRIs (RDF 1.1 §3.5) under {@code /.well-known/genid/}, derived from content, not
 * from parse order: a node's name is the digest of what it says (its outgoing triples, nested blank nodes by their
 * own digests) and of where it hangs (its parents, by IRI or by their digest). The same source therefore always gives
 * the same IRIs, on every machine and run. Two blank nodes that say the same thing under the same parent become
 * one node, which changes nothing a reader can query. Blank nodes that form a cycle cannot be named this way and are
 * rejected.
 */
public final class Skolem {
    private final Graph graph;
    private final Map<Node, String> content = new HashMap<>();
    private final Map<Node, String> names = new HashMap<>();
    private final Set<Node> openContent = new HashSet<>();
    private final Set<Node> openNames = new HashSet<>();

    private Skolem(Graph graph) {
        this.graph = graph;
    }

    /** The graph with every blank node replaced by its skolem IRI; the input itself is left as it is. */
    public static Graph skolemise(Graph g, String where) {
        boolean any = false;
        for (var it = g.find(); it.hasNext(); ) {
            Triple t = it.next();
            if (t.getSubject().isBlank() || t.getObject().isBlank()) { any = true; break; }
        }
        if (!any) return g;
        Skolem s = new Skolem(g);
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(g.getPrefixMapping());
        g.find().forEachRemaining(t -> out.add(Triple.create(s.iri(t.getSubject(), where), t.getPredicate(),
                s.iri(t.getObject(), where))));
        return out;
    }

    private Node iri(Node n, String where) {
        if (!n.isBlank()) return n;
        return NodeFactory.createURI(KG.GENID + name(n, where));
    }

    /** Digest of what the node says, downwards. */
    private String content(Node b, String where) {
        String known = content.get(b);
        if (known != null) return known;
        if (!openContent.add(b)) throw cycle(where);
        List<String> lines = new ArrayList<>();
        graph.find(b, Node.ANY, Node.ANY).forEachRemaining(t -> lines.add(NodeFmtLib.strNT(t.getPredicate()) + " "
                + (t.getObject().isBlank() ? "_:" + content(t.getObject(), where) : NodeFmtLib.strNT(t.getObject()))));
        openContent.remove(b);
        String d = digest(lines);
        content.put(b, d);
        return d;
    }

    /** Digest of the content plus the places it hangs from, upwards. */
    private String name(Node b, String where) {
        String known = names.get(b);
        if (known != null) return known;
        if (!openNames.add(b)) throw cycle(where);
        List<String> lines = new ArrayList<>();
        lines.add(content(b, where));
        graph.find(Node.ANY, Node.ANY, b).forEachRemaining(t -> lines.add("^" + (t.getSubject().isBlank()
                ? "_:" + name(t.getSubject(), where) : NodeFmtLib.strNT(t.getSubject())) + " " + NodeFmtLib.strNT(t.getPredicate())));
        openNames.remove(b);
        String d = digest(lines).substring(0, 32);
        names.put(b, d);
        return d;
    }

    private static KgInputException cycle(String where) {
        return new KgInputException(where + ": blank nodes form a cycle; give them IRIs");
    }

    private static String digest(List<String> lines) {
        lines.sort(null);
        return Sha256.hexOfLines(lines.stream().map(l -> l + "\n").toList());
    }
}
