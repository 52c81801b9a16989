package nl.arbeidsmigratie.kg.server;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.query.WorkLimiter;

/**
 * In front of every path: CORS (read methods only), the data-version header, and the refusals of a public read-only
 * endpoint: no method but GET/HEAD/OPTIONS, POST only for SPARQL queries and reconciliation batches, no {@code stylesheet=} or {@code callback=}
 * (both reflected into results by Fuseki) and no {@code update=}, however their names are spelled (matched after
 * percent-decoding, ignoring case), a query string that is not UTF-8 is a 400, and a cap on ad-hoc query execution,
 * per client (remote address). By the time a request gets here
 * its body has been read ({@link BodyGate}), so a slow client never holds a slot. The request log is
 * {@link RequestLog}; a refusal leaves its reason for it.
 */
final class RequestGuard implements Filter {
    static final String DATA_VERSION_HEADER = "X-Data-Version";
    private static final Set<String> SPARQL_PATHS = Set.of("/kg", "/kg/", "/kg/sparql", "/kg/query");
    private static final String RECONCILE_PATH = "/reconcile";
    private static final Set<String> REFUSED_PARAMS = Set.of("stylesheet", "callback", "update");

    private final String dataVersion;
    private final WorkLimiter limiter;
    /** True while prepared questions wait for a slot: they go first, so no new ad-hoc query starts meanwhile. */
    private final java.util.function.BooleanSupplier questionsWaiting;
    /** False until the server has answered its warm-up requests: until then {@code /$/ping} says 503. */
    private volatile boolean ready;

    RequestGuard(String dataVersion, WorkLimiter limiter, java.util.function.BooleanSupplier questionsWaiting) {
        this.dataVersion = dataVersion;
        this.limiter = limiter;
        this.questionsWaiting = questionsWaiting;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        try {
            WorkLimiter.asClient(request.getRemoteAddr(), () -> {
                try {
                    guard(request, response, chain);
                    return null;
                } catch (IOException | ServletException e) {
                    throw new Wrapped(e);
                }
            });
        } catch (Wrapped w) {
            if (w.getCause() instanceof IOException io) throw io;
            throw (ServletException) w.getCause();
        }
    }

    private static final class Wrapped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        Wrapped(Exception cause) { super(cause); }
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        response.setHeader(DATA_VERSION_HEADER, dataVersion);
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", DATA_VERSION_HEADER + ", ETag, Retry-After, Link, X-SPARQL-MaxRows");
        String method = request.getMethod();
        if (!ready && path.equals("/$/ping")) {
            response.setHeader("Retry-After", "1");
            refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "starting");
            return;
        }
        if (method.equals("OPTIONS")) {
            response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type, Accept-Language");
            response.setHeader("Access-Control-Max-Age", "86400");
            response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        boolean sparql = SPARQL_PATHS.contains(path);
        // POST: SPARQL queries, and reconciliation batches (OpenRefine posts a form with queries= or extend=)
        boolean postable = sparql || path.equals(RECONCILE_PATH);
        if (!method.equals("GET") && !method.equals("HEAD") && !(method.equals("POST") && postable)) {
            response.setHeader("Allow", postable ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS");
            refuse(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    method + " is not allowed on " + path + ": this server is read-only");
            return;
        }
        if (method.equals("POST") && !isQueryContentType(request.getContentType())) {
            refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "POST takes a SPARQL query as application/sparql-query or an HTML form; updates are refused");
            return;
        }
        Map<String, String[]> params;
        try {
            params = request.getParameterMap();
        } catch (RuntimeException e) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    "the query string or form is not valid percent-encoded UTF-8, or has more than 1,000 fields");
            return;
        }
        for (String name : params.keySet()) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (REFUSED_PARAMS.contains(n)) {
                refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "parameter '" + n + "' is not accepted here");
                return;
            }
        }
        boolean heavy = sparql && (method.equals("POST") || request.getQueryString() != null);
        if (!heavy) {
            chain.doFilter(request, response);
            return;
        }
        if (HeapGuard.underPressure()) {
            response.setHeader("Retry-After", Integer.toString(WorkLimiter.RETRY_AFTER_SECONDS));
            refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "the server is short of memory; retry after " + WorkLimiter.RETRY_AFTER_SECONDS + " s");
            return;
        }
        if (questionsWaiting.getAsBoolean() || !limiter.tryAcquire()) {
            response.setHeader("Retry-After", Integer.toString(WorkLimiter.RETRY_AFTER_SECONDS));
            refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "too many queries at once (at most " + limiter.capacity() + ", " + limiter.perClient()
                            + " per client); retry after " + WorkLimiter.RETRY_AFTER_SECONDS + " s");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            limiter.release();
        }
    }

    void ready() { ready = true; }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isQueryContentType(String contentType) {
        return contentType == null || isForm(contentType)
                || contentType.toLowerCase(Locale.ROOT).startsWith("application/sparql-query");
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        request.setAttribute(Responses.REASON, message);
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(message);
    }
}
