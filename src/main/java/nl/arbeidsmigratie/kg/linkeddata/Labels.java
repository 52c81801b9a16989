package nl.arbeidsmigratie.kg.linkeddata;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;

/** Human-readable names for nodes, and the server path of our own IRIs. */
public final class Labels {
    private Labels() {}

    /** The label in {@code lang}, else in the other language, else a prefixed or local name. */
    public static String label(Graph g, Node n, String lang) {
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        if (!n.isURI()) return "[…]";
        String l = literal(g, n, RDFS.label.asNode(), lang);
        if (l == null) l = literal(g, n, SKOS.prefLabel.asNode(), lang);
        if (l == null) l = literal(g, n, NodeFactory.createURI("http://purl.org/dc/terms/title"), lang);
        if (l != null) return l;
        String uri = n.getURI();
        int cut = Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/'));
        return cut >= 0 && cut < uri.length() - 1 ? uri.substring(cut + 1) : uri;
    }

    public static String description(Graph g, Node n, String lang) {
        for (Node p : new Node[] {DCTerms.description.asNode(), SKOS.definition.asNode(), RDFS.comment.asNode()}) {
            String d = literal(g, n, p, lang);
            if (d != null) return d;
        }
        return null;
    }

    /** A literal of {@code p} in {@code lang}; if none, in any language. */
    public static String literal(Graph g, Node s, Node p, String lang) {
        String any = null;
        var it = g.find(s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (!o.isLiteral()) continue;
                if (lang.equals(o.getLiteralLanguage())) return o.getLiteralLexicalForm();
                if (any == null || o.getLiteralLanguage().isEmpty()) any = o.getLiteralLexicalForm();
            }
        } finally {
            it.close();
        }
        return any;
    }

    /** The path this server answers for one of our IRIs, or null for an outside IRI. */
    public static String localPath(String iri) {
        if (iri.startsWith(KG.ID)) return "/id/" + iri.substring(KG.ID.length());
        if (iri.startsWith(AM.NS)) return "/def#" + iri.substring(AM.NS.length());
        if (iri.equals(AM.ONTOLOGY)) return "/def";
        return null;
    }
}
