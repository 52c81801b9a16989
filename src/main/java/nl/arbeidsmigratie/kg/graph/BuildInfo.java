package nl.arbeidsmigratie.kg.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The single version from pom.xml and the build date, stamped into the jar at build time. */
public record BuildInfo(String version, String buildDate) {
    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/kg-build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(p.getProperty("version", "dev"), p.getProperty("buildDate", "unknown"));
    }
}
