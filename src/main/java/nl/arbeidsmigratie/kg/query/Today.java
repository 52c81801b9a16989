package nl.arbeidsmigratie.kg.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * "Today" for the questions whose default date is the day of the request: the system clock, or the day a test (or an
 * operator checking a coming change) sets with {@code -Dkg.today=YYYY-MM-DD}. Read on every request, never at build
 * or start-up, so a server started in December still answers for 2 January on 2 January. {@code serve} passes the
 * property on to its child JVM like every other {@code -D}.
 */
public final class Today {
    /** The system property that sets the clock. */
    public static final String PROPERTY = "kg.today";

    private Today() {}

    public static LocalDate date() {
        String set = System.getProperty(PROPERTY);
        if (set == null || set.isBlank()) return LocalDate.now();
        try {
            return LocalDate.parse(set.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("-D" + PROPERTY + " must be a date YYYY-MM-DD, not '" + set + "'", e);
        }
    }
}
