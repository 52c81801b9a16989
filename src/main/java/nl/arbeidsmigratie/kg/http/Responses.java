package nl.arbeidsmigratie.kg.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.QuotedCSV;

import nl.arbeidsmigratie.kg.digest.Sha256;

/**
 * The one place where a computed body is sent: ETag, Cache-Control, the {@code If-None-Match} check and HEAD.
 * Compression is not done here: Jetty's GzipHandler compresses every response it should, honouring
 * {@code gzip;q=0}, and adjusts ETags for the compressed variant. Byte ranges are served only for dumps, by Jetty's
 * resource service.
 */
public final class Responses {
    /** Request attribute: a short reason for a refusal, which the request log adds to the request's one line. */
    public static final String REASON = "arbeidsmigratie.reason";

    private Responses() {}

    /** Sends {@code body} with its ETag; answers 304 instead when the client already has it. */
    public static void send(HttpServletRequest req, HttpServletResponse res, int status, String contentType,
                            byte[] body, String etag, String cacheControl) throws IOException {
        if (etag != null) res.setHeader("ETag", etag);
        if (cacheControl != null) res.setHeader("Cache-Control", cacheControl);
        if (status == 200 && etag != null && notModified(req, etag)) {
            res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        res.setStatus(status);
        res.setContentType(contentType);
        res.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) res.getOutputStream().write(body);
    }

    /**
     * RFC 9110 §13.1.2: true when {@code If-None-Match} is {@code *} or lists a tag that matches {@code etag} by weak
     * comparison ({@code W/"x"} matches {@code "x"}), for GET and HEAD. The list is parsed with Jetty's
     * {@link QuotedCSV}, which keeps commas inside quoted tags.
     */
    public static boolean notModified(HttpServletRequest req, String etag) {
        String method = req.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) return false;
        var values = req.getHeaders("If-None-Match");
        if (values == null) return false;
        String mine = opaque(etag);
        while (values.hasMoreElements()) {
            for (String tag : new QuotedCSV(true, values.nextElement())) {
                if (tag.equals("*") || opaque(tag).equals(mine)) return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        return t.startsWith("W/") ? t.substring(2) : t;
    }

    /**
     * True when the request accepts gzip, read as Jetty's GzipHandler reads it ({@code gzip;q=0} does not), so that
     * a body we compress ourselves goes to the same clients as one Jetty compresses.
     */
    public static boolean acceptsGzip(HttpServletRequest req) {
        var values = req.getHeaders("Accept-Encoding");
        while (values != null && values.hasMoreElements())
            if (new HttpField(HttpHeader.ACCEPT_ENCODING, values.nextElement()).contains("gzip")) return true;
        return false;
    }

    /** A strong ETag for a body: the first 80 bits of its SHA-256. */
    public static String etag(byte[] body) {
        return "\"" + Sha256.hex(body).substring(0, 20) + "\"";
    }

    /** A short plain-text answer, for errors on paths that have no page of their own. */
    public static void text(HttpServletResponse res, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType("text/plain; charset=utf-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
