package nl.arbeidsmigratie.kg.server;

import java.nio.file.Path;
import java.util.Map;

/** The settings of {@code serve}; every limit has a safe default. */
public record ServerOptions(int port, String host, int timeoutSeconds, int maxRows, int maxConcurrent,
                            Path dumps, int maxRequestBytes) {
    public static final int DEFAULT_PORT = 3030;

    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_PORT, "127.0.0.1", 30, 10_000, 4, null, 256 * 1024);
    }

    public static ServerOptions from(Map<String, String> o) {
        ServerOptions d = defaults();
        return new ServerOptions(
                intOption(o, "port", d.port(), 0, 65535),
                o.getOrDefault("host", d.host()),
                intOption(o, "timeout", d.timeoutSeconds(), 1, 3600),
                intOption(o, "max-rows", d.maxRows(), 1, 10_000_000),
                intOption(o, "max-concurrent", d.maxConcurrent(), 1, 1024),
                o.containsKey("dumps") ? Path.of(o.get("dumps")) : null,
                d.maxRequestBytes());
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
