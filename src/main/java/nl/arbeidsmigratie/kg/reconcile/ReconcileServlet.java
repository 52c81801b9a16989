package nl.arbeidsmigratie.kg.reconcile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;

import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * {@code /reconcile}: the Reconciliation Service API 0.2 over HTTP, as OpenRefine speaks it.
 *
 * <ul>
 * <li>{@code GET|POST /reconcile}: {@code queries=} (a batch), {@code query=} (one query, as text or JSON),
 * {@code extend=} (data extension), else the manifest. POST takes the same fields as a form.</li>
 * <li>{@code GET /reconcile/preview?id=}, {@code /reconcile/view?id=} (303 to the thing's page),
 * {@code /reconcile/suggest/entity|type|property?prefix=}, {@code /reconcile/properties?type=&limit=}.</li>
 * </ul>
 * CORS (any origin, preflights answered) is the request guard's, for every path. Bad input is a 400 with a JSON
 * {@code {"status": 400, "message": …}} naming what is wrong. {@code ?lang=en} gives English names.
 */
final class ReconcileServlet extends HttpServlet {
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private final ServerContext ctx;
    private final Service service;

    ReconcileServlet(ServerContext ctx, Service service) {
        this.ctx = ctx;
        this.service = service;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        answer(req, res);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        answer(req, res);
    }

    private void answer(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String lang = "en".equals(req.getParameter("lang")) ? "en" : "nl";
        try {
            switch (path) {
                case "/reconcile", "/reconcile/" -> service(req, res, lang);
                case "/reconcile/preview" -> {
                    String id = id(req);
                    byte[] body = PreviewCard.html(service, id, lang).getBytes(StandardCharsets.UTF_8);
                    Responses.send(req, res, 200, "text/html; charset=utf-8", body, Responses.etag(body), "public, max-age=300");
                }
                case "/reconcile/view" -> {
                    String page = Labels.localPath(id(req));
                    res.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    res.setHeader("Location", (ctx.options().publicUrl() == null ? "" : ctx.options().publicUrl()) + page);
                }
                case "/reconcile/suggest/entity" -> json(req, res, service.suggestEntities(req.getParameter("prefix"), req.getParameter("type"), lang));
                case "/reconcile/suggest/type" -> json(req, res, service.suggestTypes(req.getParameter("prefix"), lang));
                case "/reconcile/suggest/property" -> json(req, res, service.suggestProperties(req.getParameter("prefix"), lang));
                case "/reconcile/properties" -> json(req, res, service.propose(req.getParameter("type"), limit(req), lang));
                default -> error(res, 404, "no such path: " + path + "; the service is at /reconcile");
            }
        } catch (Service.BadRequest e) {
            error(res, 400, e.getMessage());
        }
    }

    private void service(HttpServletRequest req, HttpServletResponse res, String lang) throws IOException {
        String queries = req.getParameter("queries"), query = req.getParameter("query"), extend = req.getParameter("extend");
        if (queries != null) {
            json(req, res, service.reconcile(queries, lang));
        } else if (query != null) {
            // one query, as in the API's first versions: its text, or the query object itself
            String one = query.strip().startsWith("{") ? query : "{\"query\":" + JSON.toStringFlat(new JsonString(query)) + "}";
            String batch = "{\"q\":" + one + "}";
            json(req, res, service.reconcile(batch, lang).get("q").getAsObject());
        } else if (extend != null) {
            json(req, res, service.extend(extend, lang));
        } else {
            json(req, res, service.manifest(base(req), lang));
        }
    }

    /** Where this server is reached: {@code --public-url}, else the address and port the request came in on (never the Host header). */
    private String base(HttpServletRequest req) {
        if (ctx.options().publicUrl() != null) return ctx.options().publicUrl();
        String host = req.getLocalAddr();
        if (host.contains(":")) host = "[" + host + "]";
        return "http://" + host + ":" + req.getLocalPort();
    }

    private static String id(HttpServletRequest req) {
        String id = req.getParameter("id");
        if (id == null || Labels.localPath(id) == null || id.length() > 1000)
            throw new Service.BadRequest("id: the IRI of a thing in this graph, such as " + KG.ID + "wet/wtta");
        return id;
    }

    private static Integer limit(HttpServletRequest req) {
        String l = req.getParameter("limit");
        if (l == null) return null;
        try {
            int n = Integer.parseInt(l);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new Service.BadRequest("limit: a whole number of at least 0, not '" + l + "'");
        }
    }

    private static void json(HttpServletRequest req, HttpServletResponse res, JsonObject o) throws IOException {
        byte[] body = JSON.toStringFlat(o).getBytes(StandardCharsets.UTF_8);
        boolean get = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        Responses.send(req, res, 200, JSON_TYPE, body, get ? Responses.etag(body) : null, get ? "public, max-age=300" : "no-store");
    }

    private static void error(HttpServletResponse res, int status, String message) throws IOException {
        JsonObject o = new JsonObject();
        o.put("status", status);
        o.put("message", message);
        byte[] body = JSON.toStringFlat(o).getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType(JSON_TYPE);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
