package nl.arbeidsmigratie.kg.reconcile;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.util.List;

import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import nl.arbeidsmigratie.kg.graph.Labels;

/**
 * The small HTML card OpenRefine shows in its preview frame ({@link #WIDTH} × {@link #HEIGHT} pixels): the thing's
 * name, its type, its latest status with the date, a line of description, and its source, with a link to its page.
 * Self-contained (inline style, no script), so it renders the same inside any frame.
 */
final class PreviewCard {
    static final int WIDTH = 400, HEIGHT = 200;

    private PreviewCard() {}

    static String html(Service s, String iri, String lang) {
        Graph g = s.graph();
        Node n = NodeFactory.createURI(iri);
        boolean en = "en".equals(lang);
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(en ? "en" : "nl")
                .append("\"><head><meta charset=\"utf-8\"><title>").append(esc(Labels.label(g, n, lang)))
                .append("</title><style>")
                .append("body{margin:0;font:13px/1.35 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;background:#fff}")
                .append(".card{box-sizing:border-box;width:").append(WIDTH).append("px;max-height:").append(HEIGHT)
                .append("px;overflow:hidden;padding:8px 10px;border-left:4px solid #154273}")
                .append("h1{font-size:15px;margin:0 0 2px}h1 a{color:#154273;text-decoration:none}")
                .append(".type{color:#555;font-size:12px;margin:0 0 6px}")
                .append(".status{display:inline-block;background:#e8f0f8;color:#154273;border-radius:3px;padding:1px 6px;margin:0 0 6px}")
                .append(".desc{margin:0 0 6px;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}")
                .append(".source{color:#555;font-size:12px;margin:0}")
                .append("</style></head><body><div class=\"card\">");
        String page = Labels.localPath(iri);
        b.append("<h1><a href=\"").append(esc(page == null ? iri : page)).append("\" target=\"_blank\" rel=\"noopener\">")
                .append(esc(Labels.label(g, n, lang))).append("</a></h1>");
        StringBuilder types = new StringBuilder();
        for (JsonValue t : s.typesOf(n, lang)) {
            if (types.length() > 0) types.append(" · ");
            types.append(t.getAsObject().get("name").getAsString().value());
        }
        if (types.length() > 0) b.append("<p class=\"type\">").append(esc(types.toString())).append("</p>");
        Node a = s.facts().assessment(n, null);
        Node status = s.facts().status(a);
        if (status != null)
            b.append("<p class=\"status\">").append(en ? "Latest status: " : "Laatste status: ")
                    .append(esc(Labels.label(g, status, lang))).append(" (").append(esc(s.facts().date(a))).append(")</p>");
        String d = Labels.description(g, n, lang);
        if (d != null) b.append("<p class=\"desc\">").append(esc(d.length() > 300 ? d.substring(0, 299) + "…" : d)).append("</p>");
        List<Node> sources = s.facts().values(n, Offer.property("source"), null);
        if (!sources.isEmpty()) {
            b.append("<p class=\"source\">").append(en ? "Source: " : "Bron: ");
            for (int i = 0; i < sources.size() && i < 2; i++) {
                if (i > 0) b.append("; ");
                b.append(esc(Labels.label(g, sources.get(i), lang)));
            }
            if (sources.size() > 2) b.append(en ? " and " : " en ").append(sources.size() - 2).append(en ? " more" : " meer");
            b.append("</p>");
        }
        return b.append("</div></body></html>\n").toString();
    }
}
