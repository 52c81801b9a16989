package nl.arbeidsmigratie.kg.query;

import java.util.List;
import java.util.Locale;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

/** The result formats of prepared questions (API, CLI, web downloads): SPARQL 1.1 results in four syntaxes. */
public enum ResultFormat {
    JSON("application/sparql-results+json", ResultSetLang.RS_JSON),
    CSV("text/csv", ResultSetLang.RS_CSV),
    TSV("text/tab-separated-values", ResultSetLang.RS_TSV),
    XML("application/sparql-results+xml", ResultSetLang.RS_XML);

    public final String mediaType;
    /** The Content-Type header of an answer in this format (UTF-8). */
    public final String contentType;
    final Lang lang;

    ResultFormat(String mediaType, Lang lang) {
        this.mediaType = mediaType;
        this.contentType = mediaType + "; charset=utf-8";
        this.lang = lang;
    }

    /** By name, case-insensitively ({@code json}, {@code CSV} …); null when unknown. */
    public static ResultFormat of(String name) {
        if (name == null) return null;
        for (ResultFormat f : values()) if (f.name().equalsIgnoreCase(name.strip())) return f;
        return null;
    }

    public String paramName() { return name().toLowerCase(Locale.ROOT); }

    public static List<String> names() { return List.of("json", "csv", "tsv", "xml"); }
}
