package nl.arbeidsmigratie.kg.http;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of a page in its language, from a message bundle ({@code java.util.ResourceBundle}, properties files read
 * as UTF-8): {@code name.properties} is English, {@code name_nl.properties} Dutch. No fallback to the JVM's own
 * locale, so a Dutch server never answers an English page with Dutch words. {@code {0}}, {@code {1}} … are replaced
 * by the arguments as they are (no {@code MessageFormat}: its quoting rules would eat the apostrophes of Dutch).
 */
public final class Messages {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** @param baseName e.g. {@code nl.arbeidsmigratie.kg.linkeddata.profile} */
    public static Messages of(String baseName, String lang) {
        String l = "nl".equals(lang) ? "nl" : "en";
        return LOADED.computeIfAbsent(baseName + "_" + l, k -> new Messages(ResourceBundle.getBundle(baseName,
                "nl".equals(l) ? Locale.forLanguageTag("nl") : Locale.ROOT, Messages.class.getClassLoader(), NO_FALLBACK)));
    }

    /** The message under {@code key} with its arguments filled in; a missing key fails loudly (a test catches it). */
    public String get(String key, Object... args) {
        String s = bundle.getString(key);
        for (int i = 0; i < args.length; i++) s = s.replace("{" + i + "}", String.valueOf(args[i]));
        return s;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
