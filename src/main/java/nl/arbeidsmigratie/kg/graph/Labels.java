package nl.arbeidsmigratie.kg.graph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * The one rule for naming a node to a reader, used by pages, allowed parameter values and the API alike: its
 * rdfs:label, skos:prefLabel or dct:title in the requested language, else in any language, else its local name.
 */
public final class Labels {
    private static final Node[] NAME_PROPERTIES = {RDFS.label.asNode(), SKOS.prefLabel.asNode(), DCTerms.title.asNode()};
    private static final Node[] DESCRIPTION_PROPERTIES =
            {DCTerms.description.asNode(), SKOS.definition.asNode(), RDFS.comment.asNode()};

    private Labels() {}

    public static String label(Graph g, Node n, String lang) {
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        if (!n.isURI()) return "[…]";
        for (Node p : NAME_PROPERTIES) {
            String l = inLanguage(g, n, p, lang);
            if (l != null) return l;
        }
        for (Node p : NAME_PROPERTIES) {
            String l = literal(g, n, p, lang);
            if (l != null) return l;
        }
        String uri = n.getURI();
        int cut = Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/'));
        return cut >= 0 && cut < uri.length() - 1 ? uri.substring(cut + 1) : uri;
    }

    public static String description(Graph g, Node n, String lang) {
        for (Node p : DESCRIPTION_PROPERTIES) {
            String d = inLanguage(g, n, p, lang);
            if (d != null) return d;
        }
        for (Node p : DESCRIPTION_PROPERTIES) {
            String d = literal(g, n, p, lang);
            if (d != null) return d;
        }
        return null;
    }

    /** A literal of {@code p} in {@code lang}; if none, a plain one, else one in any language. */
    public static String literal(Graph g, Node s, Node p, String lang) {
        String exact = inLanguage(g, s, p, lang);
        if (exact != null) return exact;
        String any = null;
        var it = g.find(s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (!o.isLiteral()) continue;
                if (o.getLiteralLanguage().isEmpty()) return o.getLiteralLexicalForm();
                if (any == null || o.getLiteralLexicalForm().compareTo(any) < 0) any = o.getLiteralLexicalForm();
            }
        } finally {
            it.close();
        }
        return any;
    }

    private static String inLanguage(Graph g, Node s, Node p, String lang) {
        var it = g.find(s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral() && lang.equalsIgnoreCase(o.getLiteralLanguage())) return o.getLiteralLexicalForm();
            }
        } finally {
            it.close();
        }
        return null;
    }

    /** The path this server answers for one of our IRIs, or null for an outside IRI. */
    public static String localPath(String iri) {
        if (iri.startsWith(KG.ID)) return "/id/" + iri.substring(KG.ID.length());
        if (iri.startsWith(AM.NS)) return "/def#" + iri.substring(AM.NS.length());
        if (iri.equals(AM.ONTOLOGY)) return "/def";
        if (iri.startsWith(KG.BASE)) return "/" + iri.substring(KG.BASE.length());
        return null;
    }
}
