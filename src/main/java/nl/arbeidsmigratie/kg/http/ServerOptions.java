package nl.arbeidsmigratie.kg.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * The settings of {@code serve}; every limit has a safe default. {@code publicUrl} is where readers reach the
 * server (e.g. {@code https://arbeidsmigratie.example}); without it, links are relative and never taken from the
 * request's Host header.
 */
public record ServerOptions(int port, String host, int timeoutSeconds, int maxRows, int maxConcurrent,
                            int maxRequestBytes, String publicUrl) {
    public static final int DEFAULT_PORT = 3030;

    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_PORT, "127.0.0.1", 30, 10_000, defaultConcurrency(), 256 * 1024, null);
    }

    /**
     * Ad-hoc queries at once by default: one per core, 2 to 4. A query can keep a core busy until its time limit, so
     * more than there are cores would only slow pages, questions and pings down, not answer more queries.
     */
    public static int defaultConcurrency() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public static ServerOptions from(Map<String, String> o) {
        ServerOptions d = defaults();
        return new ServerOptions(
                intOption(o, "port", d.port(), 0, 65535),
                o.getOrDefault("host", d.host()),
                intOption(o, "timeout", d.timeoutSeconds(), 1, 3600),
                intOption(o, "max-rows", d.maxRows(), 1, 10_000_000),
                intOption(o, "max-concurrent", d.maxConcurrent(), 1, 1024),
                d.maxRequestBytes(),
                publicUrl(o.get("public-url")));
    }

    /** An absolute http(s) URL without query or fragment; stored without a trailing slash. */
    private static String publicUrl(String v) {
        if (v == null) return null;
        try {
            URI u = new URI(v);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
                    || u.getRawQuery() != null || u.getRawFragment() != null)
                throw new URISyntaxException(v, "not an absolute http(s) URL");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--public-url must be an absolute http(s) URL such as "
                    + "https://arbeidsmigratie.example, not '" + v + "'");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    private static int intOption(Map<String, String> o, String name, int dflt, int min, int max) {
        String v = o.get(name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number from " + min + " to " + max
                    + ", not '" + v + "'");
        }
    }
}
