package nl.arbeidsmigratie.kg.dump;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http.content.HttpContent;

import nl.arbeidsmigratie.kg.http.Responses;

/**
 * The dump files, served by Jetty's own resource service: byte ranges (one or many, read first by {@link ByteRanges};
 * malformed or unsatisfiable ones get 416), {@code If-Modified-Since}, HEAD, and the precompressed {@code .gz} copy for clients that accept gzip.
 * We add what it lacks: strong ETags that are the files' SHA-256 (as in SHA256SUMS, so they survive restarts and
 * match on mirrors), weak comparison and {@code *} in {@code If-None-Match} ({@link Responses#notModified}), and
 * {@code If-Range}. Only the files of the release are served; nothing else under the folder.
 */
final class DumpFilesServlet extends ResourceServlet {
    private final Path dir;
    private final Map<String, DumpFile> files;

    record DumpFile(String name, String mediaType, String sha256, long bytes) {
        String etag() { return "\"" + sha256 + "\""; }
    }

    DumpFilesServlet(Path dir, Map<String, DumpFile> files) {
        this.dir = dir;
        this.files = files;
    }

    @Override
    public String getInitParameter(String name) {
        return switch (name) {
            case "baseResource" -> dir.toUri().toString();
            case "precompressed" -> "gzip=.gz";
            case "dirAllowed", "redirectWelcome", "welcomeServlets" -> "false";
            case "pathInfoOnly", "etags", "acceptRanges" -> "true";
            case "cacheControl" -> "public, max-age=3600";
            default -> null;
        };
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(List.of("baseResource", "precompressed", "dirAllowed", "redirectWelcome",
                "welcomeServlets", "pathInfoOnly", "etags", "acceptRanges", "cacheControl"));
    }

    @Override
    public void init() throws ServletException {
        super.init();
        HttpContent.Factory jetty = getResourceService().getHttpContentFactory();
        getResourceService().setHttpContentFactory(path -> {
            HttpContent c = jetty.getContent(path);
            String name = path.startsWith("/") ? path.substring(1) : path;
            DumpFile f = files.get(name.endsWith(".gz") && !files.containsKey(name) ? name.substring(0, name.length() - 3) : name);
            return c == null || f == null ? c : new Described(c, f);
        });
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        DumpFile f = files.get(name);
        if (f == null) {
            Responses.text(res, 404, "No dump /dumps/" + name + "; see /dumps/");
            return;
        }
        if (Responses.notModified(req, f.etag())) {
            res.setHeader("ETag", f.etag());
            res.setHeader("Cache-Control", "public, max-age=3600");
            res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (name.endsWith(".gz")) res.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        String range = req.getHeader("Range");
        String ifRange = req.getHeader("If-Range");
        // If-Range (RFC 9110 §13.1.5): a range only of the very same bytes, else the whole file.
        if (range != null && ifRange != null && !ifRange.strip().equals(f.etag())) range = null;
        if (range != null) {
            ByteRanges ranges = ByteRanges.parse(range, f.bytes());
            switch (ranges.outcome()) {
                case UNSATISFIABLE -> {
                    String message = "the Range header is not a byte range within this file (" + f.bytes() + " bytes)";
                    req.setAttribute(Responses.REASON, message);
                    res.setHeader("Content-Range", "bytes */" + f.bytes());
                    Responses.text(res, 416, message);
                    return;
                }
                case WHOLE -> range = null;
                case PARTIAL -> range = ranges.header();
            }
        }
        super.doGet(withRange(req, range), res);
    }

    /**
     * The request as Jetty's resource service should see it: with our reading of the ranges, or none. (A range request
     * reaches us without Accept-Encoding, see server.ResponseHeaders: ranges count the bytes SHA256SUMS describes.)
     */
    private static HttpServletRequest withRange(HttpServletRequest req, String range) {
        return new HttpServletRequestWrapper(req) {
            @Override public String getHeader(String name) {
                return isRange(name) ? range : isIfRange(name) ? null : super.getHeader(name);
            }
            @Override public Enumeration<String> getHeaders(String name) {
                if (isRange(name)) return range == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(range));
                return isIfRange(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }
            @Override public Enumeration<String> getHeaderNames() {
                List<String> names = new java.util.ArrayList<>(Collections.list(super.getHeaderNames()).stream()
                        .filter(h -> !isRange(h) && !isIfRange(h)).toList());
                if (range != null) names.add("Range");
                return Collections.enumeration(names);
            }
            private boolean isRange(String h) { return "Range".equalsIgnoreCase(h); }
            private boolean isIfRange(String h) { return "If-Range".equalsIgnoreCase(h); }
        };
    }

    /** A dump as Jetty serves it, with our media type and SHA-256 ETag. */
    private static final class Described extends HttpContent.Wrapper {
        private final HttpField type;
        private final HttpField etag;

        Described(HttpContent c, DumpFile f) {
            super(c);
            this.type = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, f.mediaType());
            this.etag = new PreEncodedHttpField(HttpHeader.ETAG, f.etag());
        }

        @Override public HttpField getContentType() { return type; }
        @Override public String getContentTypeValue() { return type.getValue(); }
        @Override public HttpField getETag() { return etag; }
        @Override public String getETagValue() { return etag.getValue(); }
    }
}
