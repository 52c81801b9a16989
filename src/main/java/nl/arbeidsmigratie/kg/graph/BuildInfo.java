package nl.arbeidsmigratie.kg.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The single version from pom.xml and the release date: Maven's {@code project.build.outputTimestamp} (the
 * reproducible-builds convention), so the same commit always says the same date, whenever it is built.
 */
public record BuildInfo(String version, String releaseDate) {
    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/kg-build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String stamp = p.getProperty("outputTimestamp", "");
        // An ISO instant (2026-11-30T00:00:00Z): its date part; anything else is not a date we can state.
        String date = stamp.matches("\\d{4}-\\d{2}-\\d{2}.*") ? stamp.substring(0, 10) : "unknown";
        return new BuildInfo(p.getProperty("version", "dev"), date);
    }
}
