package nl.arbeidsmigratie.kg.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.arbeidsmigratie.kg.http.Negotiation;
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
import nl.arbeidsmigratie.kg.query.ResultFormat;
import nl.arbeidsmigratie.kg.query.WorkLimiter;

/**
 * {@code /api/queries} (the list), {@code /api/queries/{id}} (run one) and {@code /api/openapi.json}. Answers come
 * from the shared cache ({@link Answers}); the list and the OpenAPI document are built once.
 */
final class ApiServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final List<String> RESERVED = List.of("lang", "format", "version");
    private static final String CACHE = "public, max-age=300";

    /** Spellings remembered at most; past this the memory starts again (junk query strings cannot grow it). */
    private static final int MAX_REMEMBERED = 4_096;
    private static final int MAX_REMEMBERED_LENGTH = 512;

    /** A request already answered from the precomputed answers, and its format= when it gave one. */
    private record Remembered(Answer answer, ResultFormat format) {}

    private final ServerContext ctx;
    /** By today's date, id and raw query string (the default asOf is today, so the date is part of the spelling). */
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final byte[] list;
    private final byte[] openApi;

    ApiServlet(ServerContext ctx) {
        this.ctx = ctx;
        this.list = json(list(ctx));
        this.openApi = json(OpenApi.document(ctx));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (path.equals("/queries") || path.equals("/queries/")) {
            Responses.send(req, res, 200, "application/json; charset=utf-8", list, Responses.etag(list), CACHE);
        } else if (path.equals("/openapi.json")) {
            Responses.send(req, res, 200, "application/json; charset=utf-8", openApi, Responses.etag(openApi), CACHE);
        } else if (path.startsWith("/queries/")) {
            run(path.substring("/queries/".length()), req, res);
        } else {
            sendJson(res, 404, error("not found: /api" + path + " (see /api/queries and /api/openapi.json)", null, null));
        }
    }

    private static JsonArray list(ServerContext ctx) {
        JsonArray arr = new JsonArray();
        for (PreparedQuery q : ctx.catalog().all()) arr.add(describe(q));
        return arr;
    }

    private static JsonObject describe(PreparedQuery q) {
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
            if (p.defaultValue() != null) po.put("default", p.defaultValue()); else po.put("default", JsonNull.instance);
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
        // The hot path: a request spelled as one answered before today from the precomputed answers needs no
        // parameter parsing, binding or key building.
        String qs = req.getQueryString();
        // One "today" for the whole request: the remembered spelling and the default asOf must be the same day.
        LocalDate today = Today.date();
        String spelled = today + " " + id + "?" + (qs == null ? "" : qs);
        Remembered known = remembered.get(spelled);
        if (known != null) {
            ResultFormat format = known.format();
            if (format == null) {
                try {
                    format = chooseFormat(null, Negotiation.accept(req));
                } catch (Negotiation.BadAccept e) {
                    format = null; // the full path below says what is wrong
                }
            }
            if (format != null) {
                send(req, res, known.answer(), format);
                return;
            }
        }
        // version=: the question asked of a published release (default the current one); its own catalogue and cache
        Versions.Served release = Versions.of(ctx).get(req.getParameter("version"));
        if (release == null) {
            sendJson(res, 404, error("unknown version '" + req.getParameter("version") + "'", "version",
                    Versions.of(ctx).known()));
            return;
        }
        PreparedQuery q = release.catalog().get(id);
        if (q == null) {
            boolean later = !release.version().equals(ctx.dataVersion()) && ctx.catalog().get(id) != null;
            sendJson(res, 404, error(later ? "release " + release.version() + " did not have the question '" + id + "' yet"
                    : "unknown query id '" + id + "'", null,
                    release.catalog().all().stream().map(PreparedQuery::id).toList()));
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
        res.setHeader("Vary", "Accept");
        ResultFormat format;
        try {
            format = chooseFormat(raw.get("format"), Negotiation.accept(req));
        } catch (Negotiation.BadAccept e) {
            sendJson(res, 400, error(e.getMessage(), null, offered()));
            return;
        }
        if (format == null && raw.get("format") != null) {
            sendJson(res, 400, error("format must be one of " + ResultFormat.names(), "format", ResultFormat.names()));
            return;
        }
        if (format == null) {
            sendJson(res, 406, error(Negotiation.notAcceptable(Negotiation.accept(req), Negotiation.RESULTS), null, offered()));
            return;
        }
        Answer answer;
        try {
            BoundQuery bound = release.catalog().bind(q, raw, raw.getOrDefault("lang", "nl"), RESERVED, today);
            answer = release.answers().answer(bound);
        } catch (ParameterException e) {
            sendJson(res, 400, error(e.getMessage(), e.parameter(), e.allowed()));
            return;
        } catch (Answers.Unavailable e) {
            res.setHeader("Retry-After", Integer.toString(WorkLimiter.RETRY_AFTER_SECONDS));
            sendJson(res, 503, error(e.getMessage(), null, null));
            return;
        } catch (RuntimeException e) {
            LOG.error("question {} failed", id, e);
            sendJson(res, 500, error("the question could not be answered (a fault on our side)", null, null));
            return;
        }
        // Only short spellings are remembered: 4,096 of them then hold at most a few MiB, whatever clients send.
        if (spelled.length() <= MAX_REMEMBERED_LENGTH && ctx.answers().isPrecomputed(answer)) {
            if (remembered.size() >= MAX_REMEMBERED) remembered.clear();
            remembered.put(spelled, new Remembered(answer, raw.containsKey("format") ? format : null));
        }
        res.setHeader("X-Data-Version", release.version());
        send(req, res, answer, format);
    }

    private static void send(HttpServletRequest req, HttpServletResponse res, Answer answer, ResultFormat format)
            throws IOException {
        res.setHeader("Vary", "Accept");
        Responses.send(req, res, 200, format.contentType, answer.body(format), answer.etag(format), CACHE);
    }

    /**
     * {@code format=} by name (json, csv, tsv, xml or a media type), else {@code Accept} by {@link Negotiation};
     * JSON when neither is given. Null when the name is unknown or nothing in Accept is offered.
     */
    static ResultFormat chooseFormat(String param, String accept) {
        Negotiation.Offer<ResultFormat> o = param != null ? Negotiation.byName(param, Negotiation.RESULTS)
                : Negotiation.byAccept(accept, Negotiation.RESULTS);
        return o == null ? null : o.value();
    }

    private static List<String> offered() {
        return Negotiation.RESULTS.stream().map(Negotiation.Offer::mediaType).toList();
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

    private static byte[] json(JsonValue v) {
        return JSON.toString(v).getBytes(StandardCharsets.UTF_8);
    }

    static void sendJson(HttpServletResponse res, int status, JsonValue json) throws IOException {
        byte[] body = json(json);
        res.setStatus(status);
        res.setContentType("application/json; charset=utf-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
