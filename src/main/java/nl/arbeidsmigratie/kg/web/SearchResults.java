package nl.arbeidsmigratie.kg.web;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.http.Html;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.search.SearchIndex;
import nl.arbeidsmigratie.kg.vocab.AM;

/** The home page's search box and its results: questions and things in the graph, each linked to its page. */
final class SearchResults {
    static final int LIMIT = 20;

    private SearchResults() {}

    /** One result as the page shows it. */
    record Result(String label, String kind, String href, String matched) {}

    static List<Result> find(ServerContext ctx, SearchIndex index, String q, String lang) {
        Graph g = ctx.kg().all();
        List<Result> out = new ArrayList<>();
        for (SearchIndex.Hit h : index.search(q, LIMIT)) {
            SearchIndex.Entry e = h.entry();
            if (e.isQuestion()) {
                PreparedQuery pq = ctx.catalog().get(e.target().substring(2));
                if (pq == null) continue;
                out.add(new Result(pq.title(lang), "nl".equals(lang) ? "Vraag" : "Question",
                        "/q/" + Html.url(pq.id()) + "?lang=" + lang, null));
            } else {
                Node n = NodeFactory.createURI(e.target());
                String label = Labels.label(g, n, lang);
                String matched = null;
                String fq = q.strip().toLowerCase(java.util.Locale.ROOT);
                // Say which name matched only when the shown name does not contain the search text (an abbreviation).
                if (!label.toLowerCase(java.util.Locale.ROOT).contains(fq))
                    for (String name : e.names())
                        if (name.length() < 40 && name.toLowerCase(java.util.Locale.ROOT).contains(fq)) { matched = name; break; }
                out.add(new Result(label, kind(g, n, lang), AnswerTable.href(e.target(), lang), matched));
            }
        }
        return out;
    }

    /** The kind of a thing: the label of its own (asserted) class, the ontology's classes first. */
    private static String kind(Graph g, Node n, String lang) {
        String other = null;
        var it = g.find(n, RDF.type.asNode(), Node.ANY);
        try {
            while (it.hasNext()) {
                Node t = it.next().getObject();
                if (!t.isURI()) continue;
                if (t.getURI().startsWith(AM.NS)) return Labels.label(g, t, lang);
                if (other == null) other = Labels.label(g, t, lang);
            }
        } finally {
            it.close();
        }
        return other == null ? "" : other;
    }

    static String form(String q, String lang) {
        boolean nl = "nl".equals(lang);
        return "<section class=\"search\" aria-labelledby=\"search-heading\">\n<h2 id=\"search-heading\">"
                + (nl ? "Zoeken" : "Search") + "</h2>\n<form class=\"search-form\" method=\"get\" action=\"/\" role=\"search\">"
                + "<input type=\"hidden\" name=\"lang\" value=\"" + lang + "\">"
                + "<label for=\"search-q\">" + (nl ? "Zoek een vraag, organisatie, wet, maatregel, probleem of cijfer"
                : "Find a question, organisation, law, measure, problem or figure") + "</label>"
                + "<span class=\"search-row\"><input type=\"search\" id=\"search-q\" name=\"q\" autocomplete=\"off\" value=\""
                + esc(q == null ? "" : q) + "\" placeholder=\"" + (nl ? "bijv. Wtta, NLA, huisvesting" : "e.g. Wtta, NLA, housing")
                + "\"> <button type=\"submit\">" + (nl ? "Zoek" : "Search") + "</button></span></form>\n"
                + "<div id=\"search-live\" aria-live=\"polite\"></div>\n</section>\n";
    }

    static String render(ServerContext ctx, SearchIndex index, String q, String lang) {
        boolean nl = "nl".equals(lang);
        List<Result> results = find(ctx, index, q, lang);
        StringBuilder b = new StringBuilder("<section class=\"search-results\" id=\"search-results\" aria-labelledby=\"results-heading\">\n<h2 id=\"results-heading\">")
                .append(nl ? "Gevonden voor " : "Found for ").append("‘").append(esc(q.strip())).append("’</h2>\n");
        if (results.isEmpty()) {
            b.append("<p class=\"empty\">").append(nl ? "Niets gevonden. Probeer een kortere naam of een afkorting (zoals ‘NLA’), of kies hieronder een vraag."
                    : "Nothing found. Try a shorter name or an abbreviation (such as ‘NLA’), or pick a question below.").append("</p>\n");
        } else {
            b.append("<ol class=\"hits\">\n");
            for (Result r : results) b.append(item(r, lang));
            b.append("</ol>\n");
        }
        return b.append("</section>\n").toString();
    }

    private static String item(Result r, String lang) {
        StringBuilder b = new StringBuilder("<li><a href=\"").append(esc(r.href())).append("\">").append(esc(r.label()))
                .append("</a> <span class=\"kind\">").append(esc(r.kind())).append("</span>");
        if (r.matched() != null)
            b.append(" <span class=\"matched\">(").append("nl".equals(lang) ? "ook: " : "also: ").append(esc(r.matched())).append(")</span>");
        return b.append("</li>\n").toString();
    }

    static JsonArray json(List<Result> results) {
        JsonArray a = new JsonArray();
        for (Result r : results) {
            JsonObject o = new JsonObject();
            o.put("label", r.label());
            o.put("kind", r.kind());
            o.put("href", r.href());
            if (r.matched() != null) o.put("matched", r.matched());
            a.add(o);
        }
        return a;
    }
}
