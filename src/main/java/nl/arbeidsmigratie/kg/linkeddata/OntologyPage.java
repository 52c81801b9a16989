package nl.arbeidsmigratie.kg.linkeddata;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.http.Layout;

/** {@code /def} as HTML: every class and property of the am: namespace with its labels and definition. */
final class OntologyPage {
    private OntologyPage() {}

    /** @param path {@code /def} or the version's own path */
    static String render(ServerContext ctx, String lang, String path) {
        Graph g = ctx.kg().ontology();
        boolean nl = "nl".equals(lang);
        StringBuilder b = new StringBuilder("<article class=\"ontology\"><h1>")
                .append(esc(Labels.label(g, NodeFactory.createURI(AM.ONTOLOGY), lang))).append("</h1>\n");
        String d = Labels.description(g, NodeFactory.createURI(AM.ONTOLOGY), lang);
        if (d != null) b.append("<p>").append(esc(d)).append("</p>\n");
        section(b, g, lang, nl ? "Klassen" : "Classes", OWL.Class.asNode());
        section(b, g, lang, nl ? "Objecteigenschappen" : "Object properties", OWL.ObjectProperty.asNode());
        section(b, g, lang, nl ? "Gegevenseigenschappen" : "Datatype properties", OWL.DatatypeProperty.asNode());
        b.append(ResourcePage.formats(path, lang)).append("</article>");
        return Layout.page(ctx, lang, "Ontologie", path, b.toString(), null);
    }

    private static void section(StringBuilder b, Graph g, String lang, String heading, Node type) {
        List<Node> terms = new ArrayList<>();
        g.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(AM.NS)) terms.add(t.getSubject());
        });
        terms.sort((a, c) -> a.getURI().compareTo(c.getURI()));
        b.append("<h2>").append(esc(heading)).append("</h2>\n<dl>\n");
        for (Node t : terms) {
            String local = t.getURI().substring(AM.NS.length());
            b.append("<dt id=\"").append(esc(local)).append("\"><code>am:").append(esc(local)).append("</code> — ")
                    .append(esc(Labels.label(g, t, lang))).append("</dt>\n<dd>")
                    .append(esc(Labels.description(g, t, lang)));
            List<Node> supers = new ArrayList<>();
            g.find(t, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(x -> supers.add(x.getObject()));
            g.find(t, RDFS.subPropertyOf.asNode(), Node.ANY).forEachRemaining(x -> supers.add(x.getObject()));
            for (Node s : supers) if (s.isURI()) b.append(" ⊑ ").append(ResourcePage.link(g, s, lang));
            b.append("</dd>\n");
        }
        b.append("</dl>\n");
    }
}
