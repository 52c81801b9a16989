package nl.arbeidsmigratie.kg.web;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.query.Parameter;
import nl.arbeidsmigratie.kg.query.ParameterException;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.query.Answers;
import nl.arbeidsmigratie.kg.query.BoundQuery;
import nl.arbeidsmigratie.kg.http.Html;
import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.query.WorkLimiter;
import nl.arbeidsmigratie.kg.vocab.KG;
import nl.arbeidsmigratie.kg.vocab.SCHEMA;

/**
 * {@code /q/{id}?{parameters}&lang=}: the permalink of one prepared question. The question, its parameter form and
 * the whole answer table are rendered here, so the page reads without JavaScript; site.js and charts.js only add
 * sorting, filtering, the chart and "copy link".
 */
final class QuestionServlet extends HttpServlet {
    private static final List<String> RESERVED = List.of("lang");
    private static final String AS_OF = QueryCatalog.AS_OF;
    private static final String SOURCE_COLUMN = "source";
    private static final int LONG_TEXT = 60;

    private final ServerContext ctx;

    QuestionServlet(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String lang = Layout.lang(req);
        boolean nl = "nl".equals(lang);
        String id = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        PreparedQuery q = ctx.catalog().get(id);
        if (q == null) {
            String body = "<h1>" + (nl ? "Deze vraag bestaat niet" : "No such question") + "</h1><p>"
                    + (nl ? "Er is geen vraag met de naam " : "There is no question named ") + "<code>" + esc(id)
                    + "</code>. <a href=\"/?lang=" + lang + "\">" + (nl ? "Alle vragen" : "All questions") + "</a></p>";
            Layout.send(req, res, 404, Layout.page(ctx, lang, nl ? "Niet gevonden" : "Not found", "/q/" + Html.url(id), body, null));
            return;
        }
        // Only the first value of a repeated parameter counts; empty values mean "not given" (the "all" choice).
        Map<String, String> given = new TreeMap<>();
        req.getParameterMap().forEach((k, v) -> {
            if (!RESERVED.contains(k) && v.length > 0 && !v[0].isEmpty()) given.put(k, v[0]);
        });
        String query = queryString(given);
        String selfPath = "/q/" + Html.url(id) + (query.isEmpty() ? "" : "?" + query);

        StringBuilder b = new StringBuilder();
        b.append("<article class=\"question\">\n<h1>").append(esc(q.title(lang))).append("</h1>\n<p class=\"lead\">")
                .append(esc(q.description(lang))).append("</p>\n");
        b.append(form(q, given, lang));

        int status = 200;
        List<Map<String, String>> rows = null;
        String asOf = null;
        try {
            BoundQuery bound = ctx.catalog().bind(q, given, lang, RESERVED);
            // The date the reader asked for (or today): every date up to the next status change has this answer.
            if (q.parameter(AS_OF) != null) asOf = asked(given.get(AS_OF));
            rows = ctx.answers().answer(bound).table().strings();
        } catch (ParameterException e) {
            status = 400;
            b.append("<p class=\"error\" role=\"alert\">").append(esc(e.getMessage())).append("</p>\n");
        } catch (Answers.Unavailable e) {
            status = 503;
        }
        if (status == 503) {
            res.setHeader("Retry-After", Integer.toString(WorkLimiter.RETRY_AFTER_SECONDS));
            b.append("<p class=\"error\" role=\"alert\">").append(nl ? "De server is even te druk; probeer het zo opnieuw."
                    : "The server is busy; please try again in a moment.").append("</p>\n");
        }
        if (rows != null) {
            // The answer of a status question depends on the date: say which date it shows.
            if (asOf != null)
                b.append("<p class=\"as-of\" id=\"as-of\"><time datetime=\"").append(esc(asOf)).append("\">")
                        .append(nl ? "Stand op " : "Status as of ").append(esc(Words.date(asOf, lang))).append("</time></p>\n");
            b.append(results(q, rows, lang, query));
            b.append(share(req, q, rows, lang, selfPath));
        }
        b.append("<details class=\"sparql\"><summary>").append(nl ? "De SPARQL-vraag achter dit antwoord" : "The SPARQL behind this answer")
                .append("</summary>\n<pre><code>").append(esc(q.text())).append("</code></pre>\n<p><a href=\"/sparql?example=")
                .append(esc(Html.url(q.id()))).append("&amp;lang=").append(lang).append("\">")
                .append(nl ? "Open in de SPARQL-editor" : "Open in the SPARQL editor").append("</a></p></details>\n");
        b.append("</article>");
        String scripts = rows == null ? null
                : "<script src=\"/assets/charts.js?v=" + esc(Html.url(ctx.kg().buildInfo().version())) + "\" defer></script>\n";
        Layout.send(req, res, status, Layout.page(ctx, lang, q.title(lang), selfPath, b.toString(), scripts));
    }

    /** The asked status date as ISO text; bind() has already refused anything that is not a date. */
    private static String asked(String value) {
        return value == null || value.isBlank() ? LocalDate.now().toString() : LocalDate.parse(value.strip()).toString();
    }

    private String form(PreparedQuery q, Map<String, String> given, String lang) {
        boolean nl = "nl".equals(lang);
        if (q.parameters().isEmpty()) return "";
        StringBuilder b = new StringBuilder("<form class=\"params\" method=\"get\" action=\"/q/")
                .append(esc(Html.url(q.id()))).append("\">\n<input type=\"hidden\" name=\"lang\" value=\"").append(lang).append("\">\n");
        for (Parameter p : q.parameters()) {
            String fid = "p-" + p.name();
            String current = given.getOrDefault(p.name(), p.defaultValue());
            if (p.type() == Parameter.Type.DATE && QueryCatalog.TODAY.equals(current)) current = LocalDate.now().toString();
            if (current != null && p.type() == Parameter.Type.IRI && !current.contains(":")) current = KG.ID + current;
            b.append("<p><label for=\"").append(esc(fid)).append("\">").append(esc(Words.of(p.name(), lang)))
                    .append("</label>\n");
            if (!p.allowedValues().isEmpty()) {
                b.append("<select id=\"").append(esc(fid)).append("\" name=\"").append(esc(p.name())).append("\">");
                if (!p.required()) b.append("<option value=\"\">").append(nl ? "— alle —" : "— all —").append("</option>");
                List<Parameter.AllowedValue> values = new ArrayList<>(p.allowedValues());
                values.sort(Comparator.comparing((Parameter.AllowedValue a) -> a.label(lang), String.CASE_INSENSITIVE_ORDER));
                for (Parameter.AllowedValue a : values) {
                    b.append("<option value=\"").append(esc(a.value())).append("\"")
                            .append(a.value().equals(current) ? " selected" : "").append(">")
                            .append(esc(a.label(lang))).append("</option>");
                }
                b.append("</select>");
            } else {
                String type = switch (p.type()) {
                    case INTEGER -> "number";
                    case DATE -> "date";
                    default -> "search";
                };
                b.append("<input type=\"").append(type).append("\" id=\"").append(esc(fid)).append("\" name=\"")
                        .append(esc(p.name())).append("\" value=\"").append(esc(current)).append("\"")
                        .append(p.required() ? " required" : "").append(">");
            }
            b.append("</p>\n");
        }
        b.append("<p><button type=\"submit\">").append(nl ? "Toon het antwoord" : "Show the answer").append("</button></p>\n</form>\n");
        return b.toString();
    }

    private String results(PreparedQuery q, List<Map<String, String>> rows, String lang, String query) {
        boolean nl = "nl".equals(lang);
        Graph g = ctx.kg().all();
        List<String> vars = q.resultVariables();
        List<String> shown = vars.stream().filter(v -> !vars.contains(v + "Label")).toList();
        StringBuilder b = new StringBuilder("<section class=\"results\" aria-labelledby=\"answer\">\n<h2 id=\"answer\">")
                .append(nl ? "Antwoord" : "Answer").append("</h2>\n<p class=\"count\" id=\"row-count\" data-rows=\"")
                .append(rows.size()).append("\">").append(rows.size()).append(rows.size() == 1 ? (nl ? " rij" : " row") : (nl ? " rijen" : " rows"))
                .append("</p>\n");
        b.append("<figure class=\"chart\" id=\"chart\" hidden><figcaption id=\"chart-caption\"></figcaption></figure>\n");
        b.append("<p class=\"js-only filter\"><label for=\"table-filter\">").append(nl ? "Filter de tabel" : "Filter the table")
                .append("</label> <input type=\"search\" id=\"table-filter\" data-table=\"results\" autocomplete=\"off\"></p>\n");
        b.append("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"answer\">\n")
                .append("<table class=\"data sortable\" id=\"results\"><thead><tr>");
        for (String c : shown) {
            b.append("<th scope=\"col\" data-col=\"").append(esc(c)).append("\">").append(esc(Words.of(base(c), lang))).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (Map<String, String> row : rows) {
            b.append("<tr>");
            for (String c : shown) {
                String v = row.get(c);
                // Long texts get a wider column, so a row does not grow into a narrow tower.
                String cls = c.equals(SOURCE_COLUMN) ? " class=\"src\"" : v != null && v.length() > LONG_TEXT ? " class=\"long\"" : "";
                b.append("<td").append(cls).append(">").append(cell(g, c, row, vars, lang)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n</div>\n");
        if (rows.isEmpty()) b.append("<p class=\"empty\">").append(nl ? "Geen rijen voor deze keuze." : "No rows for this choice.").append("</p>\n");
        String api = "/api/queries/" + Html.url(q.id()) + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + lang;
        b.append("<p class=\"downloads\">").append(nl ? "Download dit antwoord: " : "Download this answer: ")
                .append("<a id=\"download-csv\" href=\"").append(esc(api + "&format=csv")).append("\" download=\"")
                .append(esc(q.id())).append(".csv\">CSV</a> · <a id=\"download-json\" href=\"").append(esc(api + "&format=json"))
                .append("\" download=\"").append(esc(q.id())).append(".json\">JSON</a> (SPARQL 1.1 Results)</p>\n");
        b.append(chartData(q, rows, lang));
        return b.append("</section>\n").toString();
    }

    /** The heading name of a column: "themeLabel" is headed "theme" when the query also returns ?theme. */
    private static String base(String c) {
        if (c.endsWith("Label") && c.length() > 5) return c.substring(0, c.length() - 5);
        return c;
    }

    private static String cell(Graph g, String c, Map<String, String> row, List<String> vars, String lang) {
        String v = row.get(c);
        if (v == null) return "";
        if (c.endsWith("Label") && vars.contains(base(c))) {
            String iri = row.get(base(c));
            String local = iri == null ? null : Labels.localPath(iri);
            if (local == null) return iri != null && isUrl(iri) ? "<a href=\"" + esc(iri) + "\">" + esc(v) + "</a>" : esc(v);
            return "<a href=\"" + esc(withLang(local, lang)) + "\">" + esc(v) + "</a>";
        }
        if (c.equals(SOURCE_COLUMN)) {
            StringBuilder b = new StringBuilder();
            for (String s : v.trim().split("\\s+")) {
                if (s.isEmpty()) continue;
                if (b.length() > 0) b.append("<br>");
                b.append(link(g, s, lang));
            }
            return b.toString();
        }
        if (isUrl(v)) return link(g, v, lang);
        return esc(v);
    }

    /** An IRI as a link labelled with the thing's name: our own IRIs to their page here, others as they are. */
    private static String link(Graph g, String iri, String lang) {
        if (!isUrl(iri)) return esc(iri);
        String local = Labels.localPath(iri);
        if (local == null) return "<a rel=\"external\" href=\"" + esc(iri) + "\">" + esc(iri) + "</a>";
        return "<a href=\"" + esc(withLang(local, lang)) + "\">" + esc(Labels.label(g, NodeFactory.createURI(iri), lang)) + "</a>";
    }

    private static String withLang(String local, String lang) {
        return local.contains("#") ? local : local + "?lang=" + lang;
    }

    private static boolean isUrl(String s) {
        return (s.startsWith("https://") || s.startsWith("http://")) && !s.contains(" ");
    }

    /**
     * The raw answer and chart settings for charts.js, as a JSON data block (not a script: nothing runs, and
     * {@code <} is escaped so no value can close the element).
     */
    private static String chartData(PreparedQuery q, List<Map<String, String>> rows, String lang) {
        if ("none".equals(q.chart()) || q.chartX() == null || rows.isEmpty()) return "";
        List<String> vars = q.resultVariables();
        JsonObject o = new JsonObject();
        o.put("chart", q.chart());
        o.put("x", q.chartX());
        o.put("y", q.chartY() == null ? "" : q.chartY());
        o.put("lang", lang);
        JsonArray cols = new JsonArray();
        JsonObject names = new JsonObject();
        for (String v : vars) {
            cols.add(v);
            names.put(v, Words.of(base(v), lang));
        }
        o.put("columns", cols);
        o.put("names", names);
        JsonArray data = new JsonArray();
        for (Map<String, String> row : rows) {
            JsonArray r = new JsonArray();
            for (String v : vars) r.add(row.getOrDefault(v, ""));
            data.add(r);
        }
        o.put("rows", data);
        String json = JSON.toStringFlat(o).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        return "<script type=\"application/json\" id=\"chart-data\">" + json + "</script>\n";
    }

    private String share(HttpServletRequest req, PreparedQuery q, List<Map<String, String>> rows, String lang, String selfPath) {
        boolean nl = "nl".equals(lang);
        Graph g = ctx.kg().all();
        // Never from the Host header: a forged Host would put a stranger's address into the citation.
        String origin = ctx.options().publicUrl() == null ? "" : ctx.options().publicUrl();
        String permalink = origin + selfPath + (selfPath.contains("?") ? "&" : "?") + "lang=" + lang;
        String today = LocalDate.now().toString();
        StringBuilder b = new StringBuilder("<section class=\"share\" aria-labelledby=\"share\">\n<h2 id=\"share\">")
                .append(nl ? "Delen en citeren" : "Share and cite").append("</h2>\n");
        b.append("<p class=\"permalink\"><label for=\"permalink\">").append(nl ? "Vaste link naar dit antwoord" : "Permanent link to this answer")
                .append("</label> <input id=\"permalink\" type=\"url\" readonly value=\"").append(esc(permalink))
                .append("\"> <button type=\"button\" id=\"copy-link\" class=\"js-only\">").append(nl ? "Kopieer link" : "Copy link")
                .append("</button> <span id=\"copy-status\" role=\"status\"></span></p>\n");
        b.append("<h3>").append(nl ? "Citeer dit antwoord" : "Cite this answer").append("</h3>\n<p class=\"citation\" id=\"citation\">")
                .append("Arbeidsmigratie KG, ").append(nl ? "dataversie " : "data version ").append(esc(ctx.dataVersion()))
                .append(". ").append(nl ? "Vraag " : "Question ").append("<code>").append(esc(q.id())).append("</code>: “")
                .append(esc(q.title(lang))).append("”. ").append(esc(permalink)).append(" (")
                .append(nl ? "geraadpleegd " : "accessed ").append("<time datetime=\"").append(today).append("\">").append(today)
                .append("</time>).</p>\n");
        Set<String> sources = new LinkedHashSet<>();
        for (Map<String, String> row : rows) {
            String s = row.get(SOURCE_COLUMN);
            if (s != null) for (String iri : s.trim().split("\\s+")) if (isUrl(iri)) sources.add(iri);
        }
        if (!sources.isEmpty()) {
            b.append("<h3>").append(nl ? "Bronnen achter deze rijen" : "Sources behind these rows").append("</h3>\n<ol class=\"sources\" id=\"sources\">\n");
            for (String s : sources) {
                Node n = NodeFactory.createURI(s);
                b.append("<li>").append(link(g, s, lang));
                String url = Labels.literal(g, n, SCHEMA.url, lang);
                if (url != null && isUrl(url))
                    b.append(" — <a rel=\"external\" class=\"url\" href=\"").append(esc(url)).append("\">").append(esc(url)).append("</a>");
                b.append("</li>\n");
            }
            b.append("</ol>\n");
        }
        return b.append("</section>\n").toString();
    }

    /** The given parameters in a stable order, percent-encoded, without lang. */
    private static String queryString(Map<String, String> given) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (b.length() > 0) b.append('&');
            b.append(Html.url(e.getKey())).append('=').append(Html.url(e.getValue()));
        }
        return b.toString();
    }
}
