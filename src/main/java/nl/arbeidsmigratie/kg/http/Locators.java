package nl.arbeidsmigratie.kg.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Locators (am:locator) as a reader should see them: places in a document ("Hoofdstuk 6, Tabel 2"), never the
 * name of one of the project's own files. A part that names a file ({@code FACTS-AFTER-REPORT.md §…}) is left
 * out: such a claim's own source, shown beside it, says where it comes from.
 */
public final class Locators {
    private static final Pattern FILE_PART = Pattern.compile("^[\\w.-]+\\.(md|txt|ttl|rq)\\b.*");

    private Locators() {}

    /** The human parts of a locator, joined by "; ", or null when none is left. */
    public static String human(String locator) {
        if (locator == null) return null;
        List<String> parts = new ArrayList<>();
        for (String p : locator.split(";")) {
            String t = p.strip();
            if (!t.isEmpty() && !FILE_PART.matcher(t).matches() && !parts.contains(t)) parts.add(t);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
