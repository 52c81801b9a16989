package nl.arbeidsmigratie.kg.linkeddata;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;

import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;
import nl.arbeidsmigratie.kg.vocab.SCHEMA;
import nl.arbeidsmigratie.kg.http.Layout;

/** The HTML page of one resource: labels, description, properties with labelled links, incoming links, sources. */
public final class ResourcePage {
    private ResourcePage() {}

    public static String render(ServerContext ctx, Node node, String lang) {
        Graph g = ctx.kg().all();
        boolean nl = "nl".equals(lang);
        String title = Labels.label(g, node, lang);
        StringBuilder b = new StringBuilder();
        b.append("<article class=\"resource\">\n<h1>").append(esc(title)).append("</h1>\n");
        b.append("<p class=\"iri\"><code>").append(esc(node.getURI())).append("</code></p>\n");
        Set<Node> types = new LinkedHashSet<>();
        g.find(node, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> types.add(t.getObject()));
        if (!types.isEmpty()) {
            b.append("<p class=\"types\">").append(nl ? "Soort: " : "Kind: ");
            boolean first = true;
            for (Node t : types) {
                if (!ctx.kg().asserted().contains(node, RDF.type.asNode(), t)) continue;
                if (!first) b.append(", ");
                b.append(link(g, t, lang));
                first = false;
            }
            b.append("</p>\n");
        }
        String d = Labels.description(g, node, lang);
        if (d != null) b.append("<p class=\"description\">").append(esc(d)).append("</p>\n");

        b.append(sources(ctx, node, lang));
        b.append("<h2>").append(nl ? "Eigenschappen" : "Properties").append("</h2>\n");
        b.append(table(ctx, ResourceServlet.outgoing(g, node), lang, nl ? "Eigenschap" : "Property",
                nl ? "Waarde" : "Value", node));
        Map<Node, List<Node>> in = ResourceServlet.incoming(g, node);
        if (!in.isEmpty()) {
            b.append("<h2>").append(nl ? "Verwijzingen hierheen" : "Links to here").append("</h2>\n");
            b.append(table(ctx, in, lang, nl ? "Via" : "Via", nl ? "Van" : "From", null));
        }
        String path = "/id/" + node.getURI().substring(KG.ID.length());
        b.append("<p class=\"formats\">").append(nl ? "Als data: " : "As data: ");
        for (String[] f : new String[][] {{"ttl", "Turtle"}, {"jsonld", "JSON-LD"}, {"nt", "N-Triples"}, {"rdf", "RDF/XML"}})
            b.append("<a href=\"").append(esc(path)).append("?format=").append(f[0]).append("\">").append(f[1]).append("</a> ");
        b.append("</p>\n</article>");
        return Layout.page(ctx, lang, title, path, b.toString(), null);
    }

    private static String sources(ServerContext ctx, Node node, String lang) {
        Graph g = ctx.kg().all();
        Set<Node> srcs = new LinkedHashSet<>();
        for (Node p : ResourceServlet.SOURCE_PROPERTIES) g.find(node, p, Node.ANY).forEachRemaining(t -> srcs.add(t.getObject()));
        if (srcs.isEmpty()) return "";
        StringBuilder b = new StringBuilder("<section class=\"sources\"><h2>")
                .append("nl".equals(lang) ? "Bronnen" : "Sources").append("</h2><ul>\n");
        for (Node s : srcs) {
            b.append("<li>").append(link(g, s, lang));
            String url = Labels.literal(g, s, SCHEMA.url, lang);
            if (url != null && (url.startsWith("https://") || url.startsWith("http://")))
                b.append(" — <a rel=\"external\" href=\"").append(esc(url)).append("\">").append(esc(url)).append("</a>");
            b.append("</li>\n");
        }
        String loc = Labels.literal(g, node, AM.locator, lang);
        if (loc != null) b.append("<li>").append("nl".equals(lang) ? "Vindplaats: " : "Locator: ").append(esc(loc)).append("</li>\n");
        return b.append("</ul></section>\n").toString();
    }

    private static String table(ServerContext ctx, Map<Node, List<Node>> rows, String lang, String h1, String h2, Node self) {
        Graph g = ctx.kg().all();
        StringBuilder b = new StringBuilder("<table class=\"props\"><thead><tr><th scope=\"col\">")
                .append(esc(h1)).append("</th><th scope=\"col\">").append(esc(h2)).append("</th></tr></thead><tbody>\n");
        for (Map.Entry<Node, List<Node>> e : rows.entrySet()) {
            b.append("<tr><th scope=\"row\">").append(link(g, e.getKey(), lang)).append("</th><td><ul>");
            for (Node o : e.getValue()) {
                boolean inferred = self != null && !ctx.kg().asserted().contains(self, e.getKey(), o);
                b.append("<li").append(inferred ? " class=\"inferred\" title=\"" + ("nl".equals(lang) ? "afgeleid" : "inferred") + "\"" : "")
                        .append(">").append(value(g, o, lang)).append("</li>");
            }
            b.append("</ul></td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    static String value(Graph g, Node o, String lang) {
        if (o.isLiteral()) {
            String l = o.getLiteralLanguage();
            String text = esc(o.getLiteralLexicalForm());
            if (!l.isEmpty()) return "<span lang=\"" + esc(l) + "\">" + text + "</span> <small>@" + esc(l) + "</small>";
            String lex = o.getLiteralLexicalForm();
            if ((lex.startsWith("https://") || lex.startsWith("http://")) && !lex.contains(" "))
                return "<a rel=\"external\" href=\"" + text + "\">" + text + "</a>";
            return text;
        }
        if (o.isBlank()) return "<em>[…]</em>";
        return link(g, o, lang);
    }

    public static String link(Graph g, Node n, String lang) {
        String label = esc(Labels.label(g, n, lang));
        String local = Labels.localPath(n.getURI());
        String href = local != null ? local + (local.contains("#") ? "" : "?lang=" + lang) : n.getURI();
        return "<a href=\"" + esc(href) + "\">" + label + "</a>";
    }
}
