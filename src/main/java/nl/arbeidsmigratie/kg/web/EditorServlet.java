package nl.arbeidsmigratie.kg.web;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

import nl.arbeidsmigratie.kg.query.ParameterException;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.http.Html;
import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * {@code /sparql}: a SPARQL editor for researchers. Without JavaScript it is a plain form that sends the query to
 * {@code /kg/sparql}; editor.js adds CodeMirror highlighting, running in place, a results table, CSV download and
 * the reproducing link {@code /sparql?query=…}.
 */
final class EditorServlet extends HttpServlet {
    private final ServerContext ctx;

    EditorServlet(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String lang = Layout.lang(req);
        boolean nl = "nl".equals(lang);
        String query = req.getParameter("query");
        String example = req.getParameter("example");
        if ((query == null || query.isBlank()) && example != null && ctx.catalog().get(example) != null)
            query = exampleText(ctx.catalog().get(example), lang);
        boolean blank = query == null || query.isBlank();
        if (blank) query = prefixes() + "\nSELECT ?thing ?label WHERE {\n  ?thing rdfs:label ?label .\n"
                + "  FILTER(lang(?label) = \"" + lang + "\")\n}\nLIMIT 20\n";
        String v = esc(Html.url(ctx.kg().buildInfo().version()));
        String cm = "/assets/codemirror/";

        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(nl ? "SPARQL-editor" : "SPARQL editor").append("</h1>\n<p class=\"lead\">")
                .append(nl ? "Schrijf een eigen vraag aan de graaf. Het eindpunt is " : "Write your own query. The endpoint is ")
                .append("<code>/kg/sparql</code> (SPARQL 1.1 Protocol, ").append(nl ? "alleen lezen" : "read only")
                .append("). ").append(nl ? "De voorvoegsels van de graaf staan al klaar." : "The graph's prefixes are already in place.")
                .append("</p>\n");
        // The limits, stated where queries are written (the service description at /kg/sparql states them too).
        b.append("<p class=\"limits\">").append(nl
                ? "Een antwoord heeft hoogstens " + ctx.options().maxRows() + " rijen; is het daar afgekapt, dan zegt de kop "
                  + "<code>X-SPARQL-MaxRows</code> dat. Een vraag mag " + ctx.options().timeoutSeconds() + " seconden duren; "
                  + "dezelfde vraag die daarvoor gestopt moest worden, wordt daarna een minuut geweigerd, en trage vragen laten "
                  + "altijd een plaats vrij voor snelle."
                : "An answer has at most " + ctx.options().maxRows() + " rows; when it was cut there, the header "
                  + "<code>X-SPARQL-MaxRows</code> says so. A query may run for " + ctx.options().timeoutSeconds() + " seconds; "
                  + "the same query that had to be stopped for it is refused for a minute after, and slow queries always leave a "
                  + "place for quick ones.")
                .append("</p>\n");
        b.append("<form id=\"editor-form\" class=\"editor\" method=\"get\" action=\"/kg/sparql\">\n");
        b.append("<p><label for=\"example\">").append(nl ? "Begin met een voorbeeld" : "Start from an example")
                .append("</label>\n<select id=\"example\"><option value=\"\">").append(nl ? "— kies een vraag —" : "— pick a question —")
                .append("</option>");
        for (PreparedQuery q : ctx.catalog().all()) {
            b.append("<option value=\"").append(esc(q.id())).append("\"").append(q.id().equals(example) ? " selected" : "")
                    .append(">").append(esc(q.title(lang))).append("</option>");
        }
        b.append("</select> <noscript>").append(nl ? "(voorbeelden kiezen werkt met JavaScript; of open /sparql?example=ID)"
                : "(picking examples needs JavaScript; or open /sparql?example=ID)").append("</noscript></p>\n");
        b.append("<p><label for=\"query\">").append(nl ? "Vraag (SPARQL)" : "Query (SPARQL)").append("</label>\n")
                .append("<textarea id=\"query\" name=\"query\" rows=\"18\" spellcheck=\"false\" autocapitalize=\"off\"")
                .append(blank ? " data-cursor=\"end\"" : "").append(">")
                .append(esc(query)).append("</textarea></p>\n");
        b.append("<p class=\"actions\"><label for=\"format\" class=\"no-js\">").append(nl ? "Formaat" : "Format")
                .append("</label> <select id=\"format\" name=\"format\" class=\"no-js\"><option value=\"json\">JSON</option>")
                .append("<option value=\"csv\">CSV</option><option value=\"xml\">XML</option><option value=\"tsv\">TSV</option></select> ")
                .append("<button type=\"submit\" id=\"run\">").append(nl ? "Uitvoeren" : "Run").append("</button> ")
                .append("<button type=\"button\" id=\"download\" class=\"js-only\">").append(nl ? "Download CSV" : "Download CSV")
                .append("</button> <a id=\"query-link\" class=\"js-only\" href=\"/sparql?query=").append(esc(Html.url(query)))
                .append("\">").append(nl ? "Link naar deze vraag" : "Link to this query").append("</a>")
                .append(" <span class=\"hint js-only\">").append(nl ? "Ctrl+Enter voert uit" : "Ctrl+Enter runs").append("</span></p>\n");
        b.append("</form>\n");
        b.append("<section class=\"results\" aria-labelledby=\"editor-results\">\n<h2 id=\"editor-results\">")
                .append(nl ? "Resultaat" : "Result").append("</h2>\n<p id=\"status\" role=\"status\" aria-live=\"polite\">")
                .append(nl ? "Nog niets uitgevoerd." : "Nothing run yet.").append("</p>\n")
                .append("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"editor-results\" id=\"output\"></div>\n</section>\n");
        b.append(examples(lang));
        b.append(messages(lang));
        String scripts = "<link rel=\"stylesheet\" href=\"" + cm + "lib/codemirror.css?v=" + v + "\">\n"
                + "<script src=\"" + cm + "lib/codemirror.js?v=" + v + "\" defer></script>\n"
                + "<script src=\"" + cm + "mode/sparql/sparql.js?v=" + v + "\" defer></script>\n"
                + "<script src=\"" + cm + "addon/edit/matchbrackets.js?v=" + v + "\" defer></script>\n"
                + "<script src=\"/assets/editor.js?v=" + v + "\" defer></script>\n";
        Layout.send(req, res, 200, Layout.page(ctx, lang, nl ? "SPARQL-editor" : "SPARQL editor",
                selfPath(req), b.toString(), scripts));
    }

    /** For the language switch: the same query (or example) in the other language. */
    private static String selfPath(HttpServletRequest req) {
        String query = req.getParameter("query");
        if (query != null && !query.isBlank()) return "/sparql?query=" + Html.url(query);
        String example = req.getParameter("example");
        if (example != null && !example.isBlank()) return "/sparql?example=" + Html.url(example);
        return "/sparql";
    }

    /** The PREFIX lines of every namespace the graph uses, sorted by prefix. */
    private String prefixes() {
        Map<String, String> sorted = new TreeMap<>(ctx.kg().prefixes().getNsPrefixMap());
        StringBuilder b = new StringBuilder();
        sorted.forEach((p, ns) -> b.append("PREFIX ").append(p).append(": <").append(ns).append(">\n"));
        return b.toString();
    }

    /**
     * A prepared question as a runnable query: the language and any default parameter values bound (the same
     * substitution the API does), optional parameters left free, so it answers for everything.
     */
    private String exampleText(PreparedQuery q, String lang) {
        String head = "# " + q.title(lang) + "\n# " + q.description(lang).replace('\n', ' ') + "\n# /q/" + q.id() + "\n";
        try {
            var bindings = ctx.catalog().bind(q, Map.of(), lang, java.util.List.of());
            Query bound = QueryTransformOps.replaceVars(q.query(), bindings.bindings());
            return head + bound.serialize();
        } catch (ParameterException e) {
            return q.text();
        }
    }

    /** Every prepared question as an example, as a JSON data block read by editor.js. */
    private String examples(String lang) {
        JsonArray arr = new JsonArray();
        for (PreparedQuery q : ctx.catalog().all()) {
            JsonObject o = new JsonObject();
            o.put("id", q.id());
            o.put("query", exampleText(q, lang));
            arr.add(o);
        }
        return "<script type=\"application/json\" id=\"examples\">" + safe(JSON.toStringFlat(arr)) + "</script>\n";
    }

    /** The words editor.js shows, in the page language. */
    private String messages(String lang) {
        boolean nl = "nl".equals(lang);
        JsonObject o = new JsonObject();
        o.put("running", nl ? "Bezig…" : "Running…");
        o.put("rows", nl ? "rijen" : "rows");
        o.put("row", nl ? "rij" : "row");
        o.put("ms", "ms");
        o.put("error", nl ? "Fout" : "Error");
        o.put("yes", nl ? "Ja (true)" : "Yes (true)");
        o.put("no", nl ? "Nee (false)" : "No (false)");
        o.put("triples", nl ? "Graaf (Turtle)" : "Graph (Turtle)");
        o.put("cut", nl ? "afgekapt op het maximum van" : "cut at the cap of");
        o.put("base", KG.BASE);
        JsonObject prefixes = new JsonObject();
        ctx.kg().prefixes().getNsPrefixMap().forEach(prefixes::put);
        o.put("prefixes", prefixes);
        return "<script type=\"application/json\" id=\"messages\">" + safe(JSON.toStringFlat(o)) + "</script>\n";
    }

    private static String safe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
