package nl.arbeidsmigratie.kg.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report the graph is built from ("Arbeidsmigratie in Nederland", 2025-06-27), as a test resource: tests check
 * claims against its sentences, not against the words the data chose to quote.
 */
public final class Report {
    private static String text;

    private Report() {}

    public static synchronized String text() {
        if (text == null) {
            try (InputStream in = Report.class.getResourceAsStream("/report/arbeidsmigratie-in-nederland-2025-06-27.txt")) {
                if (in == null) throw new IllegalStateException("the report is missing from src/test/resources/report/");
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text;
    }
}
