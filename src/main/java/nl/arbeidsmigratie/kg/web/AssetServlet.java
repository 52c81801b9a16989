package nl.arbeidsmigratie.kg.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /assets/…}: the page's own CSS and JavaScript ({@code web/} on the classpath) and CodeMirror from its
 * webjar ({@code /assets/codemirror/…}). Everything the pages load comes from the jar; no CDN. Files are read from
 * the classpath once, kept in memory with a gzip copy, and served with an ETag.
 */
final class AssetServlet extends HttpServlet {
    private static final String CODEMIRROR = "META-INF/resources/webjars/codemirror/5.65.16/";
    /** Plain names only: no "..", no hidden files, a known extension, so nothing else on the classpath leaks. */
    private static final Pattern SAFE = Pattern.compile("(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*\\.(css|js|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    private record Asset(byte[] plain, byte[] gzip, String type, String etag) {}

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Asset a = SAFE.matcher(path).matches() ? asset(path) : null;
        if (a == null) {
            res.setStatus(404);
            res.setContentType("text/plain; charset=utf-8");
            res.getWriter().println("no asset /assets/" + path);
            return;
        }
        String ae = req.getHeader("Accept-Encoding");
        boolean gz = ae != null && ae.contains("gzip");
        // The two encodings are different bytes, so they get different tags.
        String etag = gz ? a.etag().replace("\"", "") + "-gz" : a.etag().replace("\"", "");
        etag = "\"" + etag + "\"";
        res.setHeader("ETag", etag);
        res.setHeader("Vary", "Accept-Encoding");
        // Pages link assets with ?v=<version>, so a day of caching never serves a stale file after an upgrade.
        res.setHeader("Cache-Control", "public, max-age=86400");
        String inm = req.getHeader("If-None-Match");
        if (inm != null && inm.contains(etag)) {
            res.setStatus(304);
            return;
        }
        byte[] body = gz ? a.gzip() : a.plain();
        res.setStatus(200);
        res.setContentType(a.type());
        if (gz) res.setHeader("Content-Encoding", "gzip");
        res.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) res.getOutputStream().write(body);
    }

    /** Only files that exist are kept, so requests for made-up names cannot grow the cache. */
    private Asset asset(String path) {
        Asset a = cache.get(path);
        if (a == null) {
            a = load(path).orElse(null);
            if (a != null) cache.put(path, a);
        }
        return a;
    }

    private static Optional<Asset> load(String path) {
        String resource = path.startsWith("codemirror/") ? CODEMIRROR + path.substring("codemirror/".length()) : "web/" + path;
        try (InputStream in = AssetServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return Optional.empty();
            byte[] plain = in.readAllBytes();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(plain);
            }
            String ext = path.substring(path.lastIndexOf('.') + 1);
            return Optional.of(new Asset(plain, out.toByteArray(), TYPES.get(ext), etag(plain)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 20) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
