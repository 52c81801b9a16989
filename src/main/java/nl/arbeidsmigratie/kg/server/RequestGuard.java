package nl.arbeidsmigratie.kg.server;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.arbeidsmigratie.kg.query.WorkLimiter;

/**
 * In front of every path: one log line per request, CORS (read methods only), the data-version header, and the
 * refusals of a public read-only endpoint: no method but GET/HEAD/OPTIONS, POST only for SPARQL queries,
 * no {@code stylesheet=} or {@code callback=} (both reflected into results by Fuseki), no {@code update=}, a
 * concurrency cap on query execution.
 */
final class RequestGuard implements Filter {
    static final String DATA_VERSION_HEADER = "X-Data-Version";
    private static final Logger LOG = LoggerFactory.getLogger("nl.arbeidsmigratie.kg.request");
    private static final Set<String> SPARQL_PATHS = Set.of("/kg", "/kg/", "/kg/sparql", "/kg/query");
    private static final Set<String> REFUSED_PARAMS = Set.of("stylesheet", "callback", "update");

    private final String dataVersion;
    private final WorkLimiter limiter;
    /** False until the server has answered its warm-up requests: until then {@code /$/ping} says 503. */
    private volatile boolean ready;

    RequestGuard(String dataVersion, WorkLimiter limiter) {
        this.dataVersion = dataVersion;
        this.limiter = limiter;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long start = System.nanoTime();
        String path = request.getRequestURI();
        try {
            response.setHeader(DATA_VERSION_HEADER, dataVersion);
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Expose-Headers", DATA_VERSION_HEADER + ", ETag, Retry-After, Link, X-SPARQL-MaxRows");
            response.setHeader("X-Content-Type-Options", "nosniff");
            String method = request.getMethod();
            if (!ready && path.equals("/$/ping")) {
                response.setHeader("Retry-After", "1");
                refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "starting");
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
            if (!method.equals("GET") && !method.equals("HEAD") && !(method.equals("POST") && sparql)) {
                response.setHeader("Allow", sparql ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS");
                refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                        method + " is not allowed on " + path + ": this server is read-only");
                return;
            }
            if (method.equals("POST") && !isQueryContentType(request.getContentType())) {
                refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                        "POST takes a SPARQL query as application/sparql-query or an HTML form; updates are refused");
                return;
            }
            for (String p : REFUSED_PARAMS) {
                if (hasParameter(request, p)) {
                    refuse(response, HttpServletResponse.SC_BAD_REQUEST, "parameter '" + p + "' is not accepted here");
                    return;
                }
            }
            boolean heavy = sparql && (method.equals("POST") || request.getQueryString() != null);
            if (heavy) {
                if (!limiter.tryAcquire()) {
                    response.setHeader("Retry-After", Integer.toString(WorkLimiter.RETRY_AFTER_SECONDS));
                    refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                            "too many queries at once; retry after " + WorkLimiter.RETRY_AFTER_SECONDS + " s");
                    return;
                }
                try {
                    chain.doFilter(req, res);
                } finally {
                    limiter.release();
                }
            } else {
                chain.doFilter(req, res);
            }
        } finally {
            LOG.info("{} {} {} {}ms", request.getMethod(), path, response.getStatus(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    void ready() { ready = true; }

    /** Looks at the query string only for GET, so a POST body is left for Fuseki to read. */
    private static boolean hasParameter(HttpServletRequest request, String name) {
        String qs = request.getQueryString();
        if (qs != null) {
            for (String part : qs.split("&")) {
                String key = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                if (key.equals(name)) return true;
            }
        }
        return "POST".equals(request.getMethod()) && isForm(request.getContentType())
                && request.getParameter(name) != null;
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isQueryContentType(String contentType) {
        return contentType == null || isForm(contentType)
                || contentType.toLowerCase().startsWith("application/sparql-query");
    }

    static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(message);
    }
}
