package nl.arbeidsmigratie.kg.web;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

import nl.arbeidsmigratie.kg.http.Values;
import nl.arbeidsmigratie.kg.dump.DatasetJsonLd;
import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.search.SearchIndex;
import nl.arbeidsmigratie.kg.http.Html;
import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;

/** {@code /}: a short introduction to the graph and every prepared question, grouped by theme. */
final class GalleryServlet extends HttpServlet {
    /** A theme of the gallery and the query tags that place a question in it; the first matching tag wins. */
    private record Theme(String nl, String en, Set<String> tags) {}

    private static final List<Theme> THEMES = List.of(
            new Theme("Problemen en de aanpak ervan", "Problems and how they were answered", Set.of("problems", "causes", "gaps")),
            new Theme("Aanbevelingen en kritiek", "Recommendations and critique", Set.of("recommendations", "agenda", "roemer", "critique")),
            new Theme("Voortgang in de tijd", "Progress over time", Set.of("status", "history")),
            new Theme("Wetten, toezicht en betrokkenen", "Laws, enforcement and actors", Set.of("laws", "enforcement", "actors", "policy")),
            new Theme("Migranten en cijfers", "Migrants and figures", Set.of("migrants", "figures")),
            new Theme("Bronnen en zoeken", "Sources and search", Set.of("sources", "provenance", "search")));
    private static final Theme OTHER = new Theme("Overige vragen", "Other questions", Set.of());

    /** Kinds of things counted in the introduction; their names come from the ontology's own labels. */
    private static final List<String> COUNTED = List.of("Problem", "Recommendation", "PolicyMeasure", "Law", "Critique",
            "Figure", "Source");

    private final ServerContext ctx;
    private final SearchIndex search;

    GalleryServlet(ServerContext ctx, SearchIndex search) {
        this.ctx = ctx;
        this.search = search;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String lang = Layout.lang(req);
        boolean nl = "nl".equals(lang);
        StringBuilder b = new StringBuilder();
        b.append("<section class=\"intro\">\n<h1>").append(nl ? "Arbeidsmigratie in Nederland, als open data"
                : "Labour migration in the Netherlands, as open data").append("</h1>\n");
        b.append(intro(lang));
        b.append("</section>\n");
        String text = req.getParameter("q");
        if (text != null && text.length() > 200) text = text.substring(0, 200);
        b.append(SearchResults.form(text, lang));
        if (text != null && !text.isBlank()) b.append(SearchResults.render(ctx, search, text, lang));
        // For search engines: the dataset as a schema.org Dataset (JSON-LD).
        b.append(DatasetJsonLd.script(ctx.kg(), lang));

        Map<Theme, List<PreparedQuery>> groups = new LinkedHashMap<>();
        THEMES.forEach(t -> groups.put(t, new ArrayList<>()));
        groups.put(OTHER, new ArrayList<>());
        for (PreparedQuery q : ctx.catalog().all()) groups.get(themeOf(q)).add(q);

        b.append("<section class=\"gallery\" aria-labelledby=\"questions\">\n<h2 id=\"questions\">")
                .append(nl ? "Vragen aan de graaf" : "Questions to ask the graph").append("</h2>\n")
                .append("<p>").append(nl ? "Kies een vraag: u krijgt een tabel (en waar het past een grafiek), "
                        + "die u kunt filteren, downloaden en citeren."
                        : "Pick a question: you get a table (and a chart where it fits) that you can filter, download and cite.")
                .append("</p>\n");
        int n = 0;
        for (Map.Entry<Theme, List<PreparedQuery>> g : groups.entrySet()) {
            if (g.getValue().isEmpty()) continue;
            String heading = nl ? g.getKey().nl() : g.getKey().en();
            String hid = "theme-" + (n++);
            b.append("<section class=\"theme\" aria-labelledby=\"").append(hid).append("\"><h3 id=\"").append(hid).append("\">")
                    .append(esc(heading)).append("</h3>\n<ul class=\"cards\">\n");
            for (PreparedQuery q : g.getValue()) {
                b.append("<li class=\"card\" data-id=\"").append(esc(q.id())).append("\"><h4><a href=\"/q/")
                        .append(esc(Html.url(q.id()))).append("?lang=").append(lang).append("\">")
                        .append(esc(q.title(lang))).append("</a></h4>\n<p>").append(esc(firstSentence(q.description(lang))))
                        .append("</p>");
                for (Map<String, String> view : q.views())
                    b.append("<p class=\"view\"><a href=\"/q/").append(esc(Html.url(q.id()))).append("?")
                            .append(esc(viewQuery(view))).append("&amp;lang=").append(lang).append("\">")
                            .append(esc(viewName(view, lang))).append("</a></p>");
                if (!"none".equals(q.chart()))
                    b.append("<p class=\"badge\">").append("timeline".equals(q.chart()) ? (nl ? "tijdlijn" : "timeline")
                            : (nl ? "grafiek" : "chart")).append("</p>");
                b.append("</li>\n");
            }
            b.append("</ul></section>\n");
        }
        b.append("</section>\n");
        b.append("<section class=\"more\"><h2>").append(nl ? "Zelf zoeken" : "Go further").append("</h2>\n<ul>")
                .append("<li><a href=\"/sparql?lang=").append(lang).append("\">").append(nl ? "SPARQL-editor" : "SPARQL editor")
                .append("</a> — ").append(nl ? "voor onderzoekers die zelf vragen schrijven" : "for researchers who write their own queries")
                .append("</li><li><a href=\"/dumps/?lang=").append(lang).append("\">").append(nl ? "De hele graaf downloaden" : "Download the whole graph")
                .append("</a> (Turtle, N-Triples, JSON-LD, RDF/XML)</li><li><a href=\"/api/openapi.json\">")
                .append(nl ? "API voor de vragen" : "API for the questions").append("</a> (OpenAPI 3.1)</li></ul></section>\n");
        String self = text == null || text.isBlank() ? "/" : "/?q=" + Html.url(text);
        Layout.send(req, res, 200, Layout.page(ctx, lang, nl ? "Vragen" : "Questions", self, b.toString(), null));
    }

    private String intro(String lang) {
        boolean nl = "nl".equals(lang);
        Graph g = ctx.kg().all();
        Node report = NodeFactory.createURI(KG.REPORT);
        StringBuilder b = new StringBuilder("<p>");
        b.append(nl ? "Deze kennisgraaf zet de problemen rond arbeidsmigratie op een rij, met de aanbevelingen die zijn gedaan, "
                + "wat de overheid daarmee deed (wetten, maatregelen, geld, toezicht), hoe ver dat kwam en wie er kritiek op had. "
                + "Elk feit noemt zijn bron."
                : "This knowledge graph lists the problems of labour migration, the recommendations made about them, what the "
                + "state did (laws, measures, money, inspectors), how far each response got and who criticised what. "
                + "Every fact names its source.");
        b.append("</p>\n<p>").append(nl ? "Bron: " : "Source: ").append("<a href=\"/id/bron/rapport?lang=").append(lang)
                .append("\">").append(esc(Labels.label(g, report, lang))).append("</a>")
                .append(nl ? ", aangevuld met latere, gedateerde feiten." : ", with later, dated facts added.")
                .append("</p>\n<p class=\"version\">").append(nl ? "Dataversie " : "Data version ").append("<code>")
                .append(esc(ctx.dataVersion())).append("</code>, ").append(nl ? "uitgave van " : "release of ")
                .append("<time datetime=\"").append(esc(ctx.kg().buildInfo().releaseDate())).append("\">")
                .append(esc(Values.text(ctx.kg().buildInfo().releaseDate(), lang, false).text())).append("</time>. ")
                .append(String.format("%,d", g.size()).replace(',', nl ? '.' : ','))
                .append(nl ? " triples." : " triples.").append("</p>\n<ul class=\"counts\">");
        for (String local : COUNTED) {
            Node type = NodeFactory.createURI(AM.NS + local);
            int count = g.find(Node.ANY, RDF.type.asNode(), type).toList().size();
            if (count == 0) continue;
            String noun = Words.count(count, local, lang);
            b.append("<li><strong>").append(String.format(Values.locale(lang), "%,d", count)).append("</strong> ")
                    .append(esc(noun != null ? noun : Labels.label(g, type, lang))).append("</li>");
        }
        return b.append("</ul>\n").toString();
    }

    private static Theme themeOf(PreparedQuery q) {
        for (String tag : q.tags())
            for (Theme t : THEMES) if (t.tags().contains(tag)) return t;
        return OTHER;
    }

    /** A named view ({@code #+ views:}) as the query string of its permalink. */
    private static String viewQuery(Map<String, String> view) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(view).forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(Html.url(k)).append('=')
                .append(Html.url(v)));
        return b.toString();
    }

    /** "stand op 27 juni 2025" / "as of 27 June 2025" for an asOf view; the plain pairs for any other. */
    static String viewName(Map<String, String> view, String lang) {
        String asOf = view.get("asOf");
        if (asOf != null && view.size() == 1) return ("nl".equals(lang) ? "stand op " : "as of ") + Words.date(asOf, lang);
        return String.join(", ", view.entrySet().stream().map(e -> Words.of(e.getKey(), lang) + " " + e.getValue()).toList());
    }

    /** The gallery shows one line: the description up to its first full stop. */
    static String firstSentence(String s) {
        if (s == null) return "";
        int i = s.indexOf(". ");
        int colon = s.indexOf(": ");
        if (colon > 0 && (i < 0 || colon < i)) i = colon;
        return i > 0 ? s.substring(0, i + 1).replaceAll(":$", ".") : s;
    }
}
