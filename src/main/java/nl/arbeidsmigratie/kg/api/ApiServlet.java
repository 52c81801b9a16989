package nl.arbeidsmigratie.kg.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.QueryCancelledException;

import nl.arbeidsmigratie.kg.query.Parameter;
import nl.arbeidsmigratie.kg.query.ParameterException;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.server.ServerContext;
import nl.arbeidsmigratie.kg.server.WorkLimiter;

/**
 * {@code /api/queries} (the list), {@code /api/queries/{id}} (run one) and {@code /api/openapi.json}. The graph
 * never changes while the server runs, so each distinct answer is computed once and served from memory with an
 * ETag; allowed parameter values are a small closed set, which bounds the cache.
 */
public final class ApiServlet extends HttpServlet {
    private static final List<String> RESERVED = List.of("lang", "format");
    private static final int MAX_CACHED = 5_000;

    private final ServerContext ctx;
    /** One future per distinct request: concurrent first requests for the same answer wait for one computation. */
    private final Map<String, java.util.concurrent.CompletableFuture<Answer>> cache = new ConcurrentHashMap<>();

    private record Answer(byte[] body, String mediaType, String etag) {}

    public ApiServlet(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (path.equals("/queries") || path.equals("/queries/")) {
            sendJson(res, 200, list(langOf(req)));
        } else if (path.equals("/openapi.json")) {
            sendJson(res, 200, OpenApi.document(ctx));
        } else if (path.startsWith("/queries/")) {
            run(path.substring("/queries/".length()), req, res);
        } else {
            sendJson(res, 404, error("not found: /api" + path + " (see /api/queries and /api/openapi.json)", null, null));
        }
    }

    private JsonArray list(String lang) {
        JsonArray arr = new JsonArray();
        for (PreparedQuery q : ctx.catalog().all()) arr.add(describe(q));
        return arr;
    }

    /** The API description of one question, also used by the web page. */
    public static JsonObject describe(PreparedQuery q) {
        JsonObject o = new JsonObject();
        o.put("id", q.id());
        o.put("title", langs(q.title("nl"), q.title("en")));
        o.put("description", langs(q.description("nl"), q.description("en")));
        JsonArray tags = new JsonArray();
        q.tags().forEach(tags::add);
        o.put("tags", tags);
        JsonArray params = new JsonArray();
        for (Parameter p : q.parameters()) {
            JsonObject po = new JsonObject();
            po.put("name", p.name());
            po.put("type", p.type().jsonName());
            po.put("required", p.required());
            if (p.defaultValue() != null) po.put("default", p.defaultValue()); else po.put("default", org.apache.jena.atlas.json.JsonNull.instance);
            JsonArray allowed = new JsonArray();
            for (Parameter.AllowedValue a : p.allowedValues()) {
                JsonObject av = new JsonObject();
                av.put("value", a.value());
                av.put("label", langs(a.label("nl"), a.label("en")));
                allowed.add(av);
            }
            po.put("allowedValues", allowed);
            params.add(po);
        }
        o.put("parameters", params);
        JsonArray cols = new JsonArray();
        q.resultVariables().forEach(cols::add);
        o.put("columns", cols);
        o.put("chart", q.chart());
        return o;
    }

    static JsonObject langs(String nl, String en) {
        JsonObject o = new JsonObject();
        o.put("nl", nl);
        o.put("en", en);
        return o;
    }

    private void run(String id, HttpServletRequest req, HttpServletResponse res) throws IOException {
        PreparedQuery q = ctx.catalog().get(id);
        if (q == null) {
            sendJson(res, 404, error("unknown query id '" + id + "'", null,
                    ctx.catalog().all().stream().map(PreparedQuery::id).toList()));
            return;
        }
        Map<String, String> raw = new TreeMap<>();
        for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
            if (e.getValue().length > 1) {
                sendJson(res, 400, error("parameter '" + e.getKey() + "' given more than once", e.getKey(), null));
                return;
            }
            raw.put(e.getKey(), e.getValue()[0]);
        }
        String lang = raw.getOrDefault("lang", "nl");
        QueryCatalog.Format format = chooseFormat(raw.get("format"), req.getHeader("Accept"));
        if (format == null) {
            sendJson(res, 400, error("format must be one of json, csv, tsv, xml", "format",
                    List.of("json", "csv", "tsv", "xml")));
            return;
        }
        Map<org.apache.jena.sparql.core.Var, org.apache.jena.graph.Node> bindings;
        try {
            bindings = ctx.catalog().bind(q, raw, lang, RESERVED);
        } catch (ParameterException e) {
            sendJson(res, 400, error(e.getMessage(), e.parameter(), e.allowed()));
            return;
        }
        String key = id + "|" + format + "|" + raw;
        var pending = cache.get(key);
        if (pending == null) {
            var mine = new java.util.concurrent.CompletableFuture<Answer>();
            pending = cache.size() < MAX_CACHED ? cache.putIfAbsent(key, mine) : null;
            if (pending == null) {
                pending = mine;
                try {
                    mine.complete(compute(q, bindings, format));
                } catch (Unavailable e) {
                    cache.remove(key, mine);
                    mine.completeExceptionally(e);
                }
            }
        }
        Answer answer;
        try {
            answer = pending.join();
        } catch (java.util.concurrent.CompletionException e) {
            Unavailable u = e.getCause() instanceof Unavailable x ? x : new Unavailable("query failed");
            res.setHeader("Retry-After", Integer.toString(WorkLimiter.RETRY_AFTER_SECONDS));
            sendJson(res, 503, error(u.getMessage(), null, null));
            return;
        }
        res.setHeader("ETag", answer.etag());
        res.setHeader("Cache-Control", "public, max-age=300");
        res.setHeader("Vary", "Accept");
        String inm = req.getHeader("If-None-Match");
        if (inm != null && (inm.equals(answer.etag()) || inm.equals("*"))) {
            res.setStatus(304);
            return;
        }
        res.setStatus(200);
        res.setContentType(answer.mediaType() + "; charset=utf-8");
        res.setContentLength(answer.body().length);
        if (!"HEAD".equals(req.getMethod())) res.getOutputStream().write(answer.body());
    }

    /** Too busy or timed out: answered 503 with Retry-After, and not cached. */
    private static final class Unavailable extends RuntimeException {
        Unavailable(String message) { super(message); }
    }

    private Answer compute(PreparedQuery q, Map<org.apache.jena.sparql.core.Var, org.apache.jena.graph.Node> bindings,
                           QueryCatalog.Format format) {
        WorkLimiter limiter = ctx.limiter();
        if (!limiter.tryAcquire()) throw new Unavailable("too many queries at once; retry later");
        try {
            var rows = ctx.catalog().run(q, bindings, ctx.timeoutMillis());
            byte[] body = QueryCatalog.render(rows, format);
            return new Answer(body, format.mediaType, etag(ctx.dataVersion(), body));
        } catch (QueryCancelledException e) {
            throw new Unavailable("query timed out");
        } finally {
            limiter.release();
        }
    }

    static QueryCatalog.Format chooseFormat(String param, String accept) {
        if (param != null) return QueryCatalog.Format.of(param);
        if (accept == null) return QueryCatalog.Format.JSON;
        String a = accept.toLowerCase();
        if (a.contains("text/csv")) return QueryCatalog.Format.CSV;
        if (a.contains("text/tab-separated-values")) return QueryCatalog.Format.TSV;
        if (a.contains("sparql-results+xml") || a.contains("application/xml") || a.contains("text/xml"))
            return QueryCatalog.Format.XML;
        return QueryCatalog.Format.JSON;
    }

    static String etag(String version, byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(version.getBytes(StandardCharsets.UTF_8));
            md.update(body);
            return "\"" + HexFormat.of().formatHex(md.digest()).substring(0, 20) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject error(String message, String parameter, List<String> allowed) {
        JsonObject o = new JsonObject();
        o.put("error", message);
        if (parameter != null) o.put("parameter", parameter);
        if (allowed != null) {
            JsonArray arr = new JsonArray();
            allowed.forEach(arr::add);
            o.put("allowedValues", arr);
        }
        return o;
    }

    static void sendJson(HttpServletResponse res, int status, org.apache.jena.atlas.json.JsonValue json)
            throws IOException {
        byte[] body = JSON.toString(json).getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType("application/json; charset=utf-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    private static String langOf(HttpServletRequest req) {
        String l = req.getParameter("lang");
        return "en".equals(l) ? "en" : "nl";
    }

    /** Exposed for the web page, which renders the same answers on the server. */
    public static Map<String, String> queryParameters(HttpServletRequest req) {
        Map<String, String> m = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> m.put(k, v[0]));
        return m;
    }
}
