package nl.arbeidsmigratie.kg.web;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

import nl.arbeidsmigratie.kg.http.Html;
import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.query.Today;
import nl.arbeidsmigratie.kg.release.Versions;
import nl.arbeidsmigratie.kg.query.Answer;
import nl.arbeidsmigratie.kg.query.Answers;
import nl.arbeidsmigratie.kg.query.BoundQuery;
import nl.arbeidsmigratie.kg.query.Parameter;
import nl.arbeidsmigratie.kg.query.ParameterException;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.query.WorkLimiter;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * {@code /q/{id}?{parameters}&lang=}: the permalink of one prepared question. The question, its parameter form and
 * the whole answer table are rendered here, so the page reads without JavaScript; site.js and charts.js only add
 * sorting, filtering, the chart and its downloads, and "copy link". Beside the page, from the same answer:
 * {@code /q/{id}/csv} (for spreadsheets), {@code /q/{id}/cite.bib} and {@code /q/{id}/cite.json} (CSL-JSON).
 */
final class QuestionServlet extends HttpServlet {
    private static final List<String> RESERVED = List.of("lang", "version");

    private final ServerContext ctx;

    QuestionServlet(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String lang = Layout.lang(req);
        boolean nl = "nl".equals(lang);
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        int slash = path.indexOf('/');
        String id = slash < 0 ? path : path.substring(0, slash);
        String part = slash < 0 ? null : path.substring(slash + 1);
        // version=: the answer of a published release (default the current one), with that release's catalogue
        Versions.Served release = Versions.of(ctx).get(req.getParameter("version"));
        if (release == null) {
            Layout.notFound(ctx, req, res, "/q/" + path + " (version " + req.getParameter("version") + ")");
            return;
        }
        boolean older = !release.version().equals(ctx.dataVersion());
        PreparedQuery q = release.catalog().get(id);
        if (q == null || (part != null && !List.of("csv", "cite.bib", "cite.json").contains(part))) {
            // A question added after an older release: say so, rather than only "nothing here".
            boolean later = q == null && older && ctx.catalog().get(id) != null;
            Layout.notFound(ctx, req, res, "/q/" + path + (later ? " (version " + release.version()
                    + ("nl".equals(Layout.lang(req)) ? "; die uitgave had deze vraag nog niet)" : "; that release did not have this question yet)") : ""));
            return;
        }
        // Only the first value of a repeated parameter counts; empty values mean "not given" (the "all" choice).
        Map<String, String> given = new TreeMap<>();
        req.getParameterMap().forEach((k, v) -> {
            if (!RESERVED.contains(k) && v.length > 0 && !v[0].isEmpty()) given.put(k, v[0]);
        });
        String query = queryString(given);
        if (older) query = (query.isEmpty() ? "" : query + "&") + "version=" + Html.url(release.version());
        String selfPath = "/q/" + Html.url(id) + (query.isEmpty() ? "" : "?" + query);
        // The permalink pins what the answer depends on: the release (version) and, for a status question, the day
        // it answers for (asOf, today's date when none was asked), so that it gives the same answer after the next
        // release and on any later day.
        Map<String, String> pinned = new TreeMap<>(given);
        if (q.parameter(QueryCatalog.AS_OF) != null && !pinned.containsKey(QueryCatalog.AS_OF))
            pinned.put(QueryCatalog.AS_OF, Today.date().toString());
        String pinnedQuery = queryString(pinned);
        String permalink = Layout.absolute(ctx, "/q/" + Html.url(id) + "?" + (pinnedQuery.isEmpty() ? "" : pinnedQuery + "&")
                + "version=" + Html.url(release.version()) + "&lang=" + lang);

        Answer answer = null;
        String problem = null;
        int status = 200;
        try {
            BoundQuery bound = release.catalog().bind(q, given, lang, RESERVED);
            answer = release.answers().answer(bound);
        } catch (ParameterException e) {
            status = 400;
            problem = nl ? ParameterProblems.dutch(q, given, e) : e.getMessage();
        } catch (Answers.Unavailable e) {
            status = 503;
            problem = nl ? "De server is even te druk; probeer het zo opnieuw." : "The server is busy; please try again in a moment.";
            res.setHeader("Retry-After", Integer.toString(WorkLimiter.RETRY_AFTER_SECONDS));
        }
        if (part != null) {
            if (answer == null) {
                if (status == 400) Layout.badRequest(ctx, req, res, problem);
                else Responses.text(res, status, problem);
                return;
            }
            download(req, res, q, answer, part, lang, permalink, release);
            return;
        }

        StringBuilder b = new StringBuilder();
        b.append("<article class=\"question\">\n<h1>").append(esc(q.title(lang))).append("</h1>\n<p class=\"lead\">")
                .append(esc(q.description(lang))).append("</p>\n");
        if (older)
            b.append("<p class=\"version-note\" role=\"note\">").append(nl ? "Dit antwoord komt uit uitgave " : "This answer comes from release ")
                    .append("<code>").append(esc(release.version())).append("</code> (").append(esc(Words.date(release.date(), lang)))
                    .append(release.ownQuestions() ? ")." : nl
                            ? "), gesteld met de vragen van nu: die uitgave is gepubliceerd voordat de vragen met elke uitgave werden bewaard."
                            : "), asked with today's questions: that release was published before questions were kept with each release.")
                    .append(" <a href=\"/q/").append(esc(Html.url(id))).append("?lang=").append(lang).append("\">")
                    .append(nl ? "Naar de huidige uitgave" : "To the current release").append("</a> · <a href=\"/releases/?lang=")
                    .append(lang).append("\">").append(nl ? "Alle uitgaven" : "All releases").append("</a></p>\n");
        if (answer != null) b.append(shareBar(q, query, lang));
        b.append(form(q, given, lang, older ? release.version() : null));
        if (problem != null) b.append("<p class=\"error\" role=\"alert\">").append(esc(problem)).append("</p>\n");
        if (answer != null) {
            Answer.Table table = answer.table();
            // The answer of a status question depends on the date: say which date it shows (asked, or today).
            if (q.parameter(QueryCatalog.AS_OF) != null) {
                String asOf = asked(given.get(QueryCatalog.AS_OF));
                b.append("<p class=\"as-of\" id=\"as-of\"><time datetime=\"").append(esc(asOf)).append("\">")
                        .append(nl ? "Stand op " : "Status as of ").append(esc(Words.date(asOf, lang))).append("</time></p>\n");
            }
            b.append(results(q, table, lang, given, permalink));
            b.append(share(q, table, lang, selfPath, permalink, release));
        }
        b.append("<details class=\"sparql\"><summary>").append(nl ? "De SPARQL-vraag achter dit antwoord" : "The SPARQL behind this answer")
                .append("</summary>\n<pre><code>").append(esc(q.text())).append("</code></pre>\n");
        // The editor runs on the current release with today's questions: no link from an older release's answer.
        if (!older)
            b.append("<p><a href=\"/sparql?example=").append(esc(Html.url(q.id()))).append("&amp;lang=").append(lang).append("\">")
                    .append(nl ? "Open in de SPARQL-editor" : "Open in the SPARQL editor").append("</a></p>");
        b.append("</details>\n");
        b.append("</article>");
        String scripts = answer == null ? null
                : "<script src=\"/assets/charts.js?v=" + esc(Html.url(ctx.kg().buildInfo().version())) + "\" defer></script>\n";
        Layout.send(req, res, status, Layout.page(ctx, lang, q.title(lang), selfPath, b.toString(), scripts));
    }

    /** The asked status date as ISO text; bind() has already refused anything that is not a date or "today". */
    private static String asked(String value) {
        return value == null || value.isBlank() || QueryCatalog.TODAY.equals(value) ? Today.date().toString()
                : LocalDate.parse(value.strip()).toString();
    }

    /** The answer's spreadsheet CSV or its citation, from the same answer the page shows. */
    private void download(HttpServletRequest req, HttpServletResponse res, PreparedQuery q, Answer answer, String part,
                          String lang, String permalink, Versions.Served release) throws IOException {
        Answer.Table table = answer.table();
        byte[] body;
        String type, name;
        switch (part) {
            case "csv" -> {
                body = SpreadsheetCsv.of(table.vars(), table.rows(), lang);
                type = "text/csv; charset=utf-8";
                name = q.id() + ("nl".equals(lang) ? "-excel.csv" : ".csv");
            }
            case "cite.bib" -> {
                body = citation(q, table, lang, permalink, release).bibtex().getBytes(StandardCharsets.UTF_8);
                type = "application/x-bibtex; charset=utf-8";
                name = q.id() + ".bib";
            }
            default -> {
                body = citation(q, table, lang, permalink, release).cslJson().getBytes(StandardCharsets.UTF_8);
                type = "application/vnd.citationstyles.csl+json; charset=utf-8";
                name = q.id() + ".csl.json";
            }
        }
        res.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        res.setHeader("Vary", "Cookie, Accept-Language");
        // A citation carries the access date: it may not be served from yesterday's cache.
        Responses.send(req, res, 200, type, body, Responses.etag(body), part.equals("csv") ? "public, max-age=300" : "no-cache");
    }

    private Citation citation(PreparedQuery q, Answer.Table table, String lang, String permalink, Versions.Served release) {
        return Citation.of(ctx, q.id(), q.title(lang), permalink, table.vars(), table.rows(), lang, release.version(), release.date());
    }

    /** The parameters' form; {@code version}: the older release the page answers from (kept when the form is sent), or null. */
    private String form(PreparedQuery q, Map<String, String> given, String lang, String version) {
        boolean nl = "nl".equals(lang);
        if (q.parameters().isEmpty()) return "";
        StringBuilder b = new StringBuilder("<form class=\"params\" method=\"get\" action=\"/q/")
                .append(esc(Html.url(q.id()))).append("\">\n<input type=\"hidden\" name=\"lang\" value=\"").append(lang).append("\">\n");
        if (version != null) b.append("<input type=\"hidden\" name=\"version\" value=\"").append(esc(version)).append("\">\n");
        for (Parameter p : q.parameters()) {
            String fid = "p-" + p.name();
            String current = given.getOrDefault(p.name(), p.defaultValue());
            if (p.type() == Parameter.Type.DATE && QueryCatalog.TODAY.equals(current)) current = Today.date().toString();
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

    /**
     * The short bar under the title, before the answer: the downloads and a way to "cite this", so that on a phone
     * they are not thousands of pixels down, under every card.
     */
    private static String shareBar(PreparedQuery q, String query, String lang) {
        boolean nl = "nl".equals(lang);
        String params = query.isEmpty() ? "" : query + "&";
        String api = "/api/queries/" + Html.url(q.id()) + "?" + params + "lang=" + lang;
        String sheet = "/q/" + Html.url(q.id()) + "/csv?" + params + "lang=" + lang;
        return new StringBuilder("<nav class=\"share-bar downloads\" aria-label=\"")
                .append(nl ? "Downloaden en citeren" : "Download and cite").append("\"><span>")
                .append(nl ? "Download: " : "Download: ").append("</span>")
                .append("<a id=\"download-csv\" href=\"").append(esc(sheet)).append("\" download=\"").append(esc(q.id()))
                .append(nl ? "-excel.csv\">CSV voor Excel</a>" : ".csv\">CSV for spreadsheets</a>")
                .append(" · <a id=\"download-csv-data\" href=\"").append(esc(api + "&format=csv")).append("\" download=\"")
                .append(esc(q.id())).append(".csv\">").append(nl ? "CSV (standaard)" : "CSV (standard)").append("</a>")
                .append(" · <a id=\"download-json\" href=\"").append(esc(api + "&format=json"))
                .append("\" download=\"").append(esc(q.id())).append(".json\">JSON</a>")
                .append(" · <a id=\"to-cite\" href=\"#share\">").append(nl ? "Citeer dit antwoord" : "Cite this answer")
                .append("</a></nav>\n").toString();
    }

    private String results(PreparedQuery q, Answer.Table table, String lang, Map<String, String> given, String permalink) {
        boolean nl = "nl".equals(lang);
        Graph g = ctx.kg().all();
        List<Map<String, Node>> rows = table.rows();
        int n = rows.size();
        StringBuilder b = new StringBuilder("<section class=\"results\" aria-labelledby=\"answer\">\n<h2 id=\"answer\">")
                .append(nl ? "Antwoord" : "Answer").append("</h2>\n<p class=\"count\" id=\"row-count\" data-rows=\"")
                .append(n).append("\">").append(n).append(n == 1 ? (nl ? " rij" : " row") : (nl ? " rijen" : " rows"))
                .append("</p>\n");
        JsonObject chart = ChartPlan.of(q, table.vars(), rows, lang, null);
        if (chart != null) {
            Citation.Report report = Citation.Report.of(g);
            boolean others = otherSources(rows);
            ChartNames names = ChartNames.of(g, q, given, chart.getString("title"), lang);
            chart.put("title", names.title());
            chart.put("source", (nl ? "Bron: " : "Source: ") + report.shortName() + (others ? (nl ? " e.a." : " et al.") : "")
                    + ", via Arbeidsmigratie KG; " + names.dateLine() + "; " + (nl ? "dataversie " : "data version ")
                    + ctx.dataVersion() + ".");
            // The permalink goes last; charts.js completes a relative one with the page's own address.
            chart.put("permalink", permalink);
            chart.put("file", names.file());
            b.append("<figure class=\"chart\" id=\"chart\" hidden><figcaption id=\"chart-caption\">")
                    .append(esc(names.title())).append("</figcaption><div class=\"chart-body\"></div>")
                    .append("<p class=\"chart-downloads\">").append(nl ? "Grafiek downloaden: " : "Download the chart: ")
                    .append("<a id=\"chart-svg\" href=\"#\" download=\"").append(esc(names.file())).append(".svg\">SVG</a> · ")
                    .append("<a id=\"chart-png\" href=\"#\" download=\"").append(esc(names.file())).append(".png\">PNG</a></p></figure>\n");
        }
        b.append("<p class=\"js-only filter\"><label for=\"table-filter\">").append(nl ? "Filter de tabel" : "Filter the table")
                .append("</label> <input type=\"search\" id=\"table-filter\" data-table=\"results\" autocomplete=\"off\"></p>\n");
        b.append("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"answer\">\n")
                .append(AnswerTable.render(g, q.id(), table.vars(), rows, lang)).append("</div>\n");
        if (rows.isEmpty()) b.append("<p class=\"empty\">").append(nl ? "Geen rijen voor deze keuze." : "No rows for this choice.").append("</p>\n");
        if (chart != null) b.append(jsonBlock("chart-data", JSON.toStringFlat(chart)));
        return b.append("</section>\n").toString();
    }

    /** True when some row rests on a source other than the report. */
    private static boolean otherSources(List<Map<String, Node>> rows) {
        for (Map<String, Node> row : rows) {
            Node s = row.get(AnswerTable.SOURCE_COLUMN);
            if (s == null || !s.isLiteral()) continue;
            for (String iri : s.getLiteralLexicalForm().trim().split("\\s+"))
                if (!iri.isEmpty() && !iri.equals(KG.REPORT)) return true;
        }
        return false;
    }

    /** A JSON data block (not a script: nothing runs, and {@code <} is escaped so no value can close the element). */
    private static String jsonBlock(String id, String json) {
        return "<script type=\"application/json\" id=\"" + id + "\">"
                + json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "</script>\n";
    }

    private String share(PreparedQuery q, Answer.Table table, String lang, String selfPath, String permalink,
                         Versions.Served release) {
        boolean nl = "nl".equals(lang);
        Graph g = ctx.kg().all();
        Citation c = citation(q, table, lang, permalink, release);
        boolean relative = permalink.startsWith("/");
        String files = "/q/" + Html.url(q.id());
        String params = selfPath.contains("?") ? selfPath.substring(selfPath.indexOf('?') + 1) + "&" : "";
        StringBuilder b = new StringBuilder("<section class=\"share\" aria-labelledby=\"share\"")
                .append(relative ? " data-relative=\"" + esc(permalink) + "\"" : "").append(">\n<h2 id=\"share\">")
                .append(nl ? "Delen en citeren" : "Share and cite").append("</h2>\n");
        b.append("<p class=\"permalink\"><label for=\"permalink\">").append(nl ? "Vaste link naar dit antwoord" : "Permanent link to this answer")
                .append("</label> <input id=\"permalink\" type=\"url\" readonly value=\"").append(esc(permalink))
                .append("\"> <button type=\"button\" id=\"copy-link\" class=\"js-only\">").append(nl ? "Kopieer link" : "Copy link")
                .append("</button> <span id=\"copy-status\" role=\"status\"></span></p>\n");
        b.append("<h3>").append(nl ? "Citeer dit antwoord" : "Cite this answer").append("</h3>\n<p class=\"citation\" id=\"citation\">")
                .append(esc(c.text())).append("</p>\n");
        b.append("<p class=\"cite-files\">").append(nl ? "Als bestand: " : "As a file: ")
                .append("<a id=\"cite-bib\" href=\"").append(esc(files + "/cite.bib?" + params + "lang=" + lang))
                .append("\" download=\"").append(esc(q.id())).append(".bib\">BibTeX</a> · <a id=\"cite-csl\" href=\"")
                .append(esc(files + "/cite.json?" + params + "lang=" + lang)).append("\" download=\"").append(esc(q.id()))
                .append(".csl.json\">CSL-JSON</a> (Zotero, Pandoc)</p>\n");
        b.append("<details class=\"cite-formats\"><summary>").append(nl ? "BibTeX en CSL-JSON tonen" : "Show BibTeX and CSL-JSON")
                .append("</summary>\n<pre id=\"cite-bibtex\">").append(esc(c.bibtex())).append("</pre>\n<pre id=\"cite-csljson\">")
                .append(esc(c.cslJson())).append("</pre></details>\n");
        Set<String> sources = new LinkedHashSet<>();
        for (Map<String, Node> row : table.rows()) {
            Node s = row.get(AnswerTable.SOURCE_COLUMN);
            if (s != null && s.isLiteral())
                for (String iri : s.getLiteralLexicalForm().trim().split("\\s+")) if (AnswerTable.isUrl(iri)) sources.add(iri);
        }
        if (!sources.isEmpty()) {
            b.append("<h3>").append(nl ? "Bronnen achter deze rijen" : "Sources behind these rows").append("</h3>\n<ol class=\"sources\" id=\"sources\">\n");
            for (String s : sources) {
                b.append("<li>").append(AnswerTable.link(g, s, lang));
                String url = AnswerTable.url(g, s, lang);
                if (url != null)
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
