package nl.arbeidsmigratie.kg.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.arbeidsmigratie.kg.http.Responses;

/**
 * Exactly one log line per request, written by Jetty when the request completes (whatever answered it: a servlet,
 * a refusal in front, Jetty's own error handling): method, path (without the query string, which may hold a query
 * or a search), status, time, and for a refusal a short reason. Everything that came from the client is cut short
 * and has its control characters escaped here, so no request can write a line break (a forged line) into the log;
 * the log pattern escapes line breaks again ({@code %enc{…}{CRLF}}).
 */
final class RequestLog implements org.eclipse.jetty.server.RequestLog {
    static final String REASON = Responses.REASON;
    private static final Logger LOG = LoggerFactory.getLogger("nl.arbeidsmigratie.kg.request");
    private static final int MAX_PATH = 200;
    private static final int MAX_REASON = 160;

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) return;
        int status = response.getStatus();
        long ms = NanoTime.millisSince(request.getBeginNanoTime());
        StringBuilder line = new StringBuilder(96);
        line.append(clean(request.getMethod(), 16)).append(' ')
                .append(clean(request.getHttpURI() == null ? "?" : request.getHttpURI().getPath(), MAX_PATH)).append(' ')
                .append(status).append(' ').append(ms).append("ms");
        Object reason = request.getAttribute(REASON);
        if (status >= 400 && reason != null) line.append(" - ").append(clean(reason.toString(), MAX_REASON));
        LOG.info(line.toString());
    }

    /** At most {@code max} characters; control characters (and DEL) as {@code \xNN}, so the line stays one line. */
    static String clean(String s, int max) {
        if (s == null) return "-";
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085')
                b.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        if (s.length() > max) b.append('…');
        return b.toString();
    }
}
