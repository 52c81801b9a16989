package nl.arbeidsmigratie.kg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.Var;

import nl.arbeidsmigratie.kg.load.KgInputException;

/**
 * One prepared question: a {@code queries/ID.rq} file with a grlc-style {@code #+} header. The header keys:
 * summary (English title), title_nl, description, description_nl, tags, defaults, enumerate, views, chart, chart_x,
 * chart_y, example and expect (the rows the report says must be there; used by the tests).
 */
public final class PreparedQuery {
    /** Always bound by the server to the requested language, "nl" or "en". */
    public static final String LANG_VARIABLE = "_lang_string";
    private static final Pattern PARAM_VAR =
            Pattern.compile("[?$](__?)([A-Za-z][A-Za-z0-9]*)(?:_(iri|string|integer|date))?\\b");

    private final String id;
    private final String fileName;
    private final String text;
    private final Query query;
    private final Map<String, List<String>> header;
    private final List<Parameter> parameters;

    private PreparedQuery(String id, String fileName, String text, Query query, Map<String, List<String>> header,
                          List<Parameter> parameters) {
        this.id = id;
        this.fileName = fileName;
        this.text = text;
        this.query = query;
        this.header = header;
        this.parameters = parameters;
    }

    public static PreparedQuery parse(String id, String text, String fileName) {
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new KgInputException(fileName + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
        }
        if (!query.isSelectType())
            throw new KgInputException(fileName + ": a prepared question must be a SELECT query");
        Map<String, List<String>> header = parseHeader(text);
        if (!header.containsKey("summary"))
            throw new KgInputException(fileName + ": header lacks '#+ summary:'");
        Map<String, String> defaults = keyValues(header.getOrDefault("defaults", List.of()));
        List<Parameter> params = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = PARAM_VAR.matcher(stripComments(text));
        while (m.find()) {
            String name = m.group(2);
            String varName = m.group(0).substring(1);
            if (varName.equals(LANG_VARIABLE) || !seen.add(name)) continue;
            boolean required = m.group(1).length() == 1;
            Parameter.Type type = m.group(3) == null ? Parameter.Type.STRING
                    : Parameter.Type.valueOf(m.group(3).toUpperCase());
            params.add(new Parameter(name, type, required, defaults.get(name), Var.alloc(varName), List.of()));
        }
        return new PreparedQuery(id, fileName, text, query, header, List.copyOf(params));
    }

    /** {@code #+ key: value} lines and {@code #+   - item} list lines, in order. */
    static Map<String, List<String>> parseHeader(String text) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        String current = null;
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("#+")) {
                if (!t.isEmpty() && !t.startsWith("#")) break;
                continue;
            }
            String body = t.substring(2).strip();
            if (body.startsWith("- ") && current != null) {
                h.get(current).add(body.substring(2).strip());
            } else {
                int colon = body.indexOf(':');
                if (colon < 0) continue;
                current = body.substring(0, colon).strip();
                String value = body.substring(colon + 1).strip();
                h.computeIfAbsent(current, k -> new ArrayList<>());
                if (!value.isEmpty()) h.get(current).add(value);
            }
        }
        return h;
    }

    /** {@code name: value} list items (grlc defaults) or {@code a=b c=d} pairs. */
    static Map<String, String> keyValues(List<String> items) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String item : items) {
            int colon = item.indexOf(':');
            if (colon > 0 && !item.substring(0, colon).contains("=")) {
                map.put(item.substring(0, colon).strip(), item.substring(colon + 1).strip());
            }
        }
        return map;
    }

    /** Pairs {@code name=value} separated by spaces; values may not contain spaces unless quoted with "…". */
    public static Map<String, String> pairs(String line) {
        Map<String, String> map = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([A-Za-z][A-Za-z0-9]*)=(\"[^\"]*\"|\\S*)").matcher(line);
        while (m.find()) {
            String v = m.group(2);
            if (v.startsWith("\"")) v = v.substring(1, v.length() - 1);
            map.put(m.group(1), v);
        }
        return map;
    }

    private static String stripComments(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) if (!line.strip().startsWith("#")) sb.append(line).append('\n');
        return sb.toString();
    }

    PreparedQuery withParameters(List<Parameter> params) {
        return new PreparedQuery(id, fileName, text, query, header, List.copyOf(params));
    }

    public String id() { return id; }
    /** The source file as messages name it, e.g. {@code queries/law.rq}. */
    public String fileName() { return fileName; }
    public String text() { return text; }
    /** The parsed query; callers must not modify it (clone first). */
    public Query query() { return query; }
    public List<Parameter> parameters() { return parameters; }
    public String title(String lang) { return "nl".equals(lang) ? first("title_nl", first("summary", id)) : first("summary", id); }
    public String description(String lang) {
        return "nl".equals(lang) ? first("description_nl", first("description", "")) : first("description", "");
    }
    public List<String> tags() { return header.getOrDefault("tags", List.of()); }
    public String chart() { return first("chart", "none"); }
    public String chartX() { return first("chart_x", null); }
    public String chartY() { return first("chart_y", null); }
    public Map<String, String> example() { return pairs(first("example", "")); }
    /**
     * Named views the gallery offers and the server may compute ahead ({@code #+ views:} list items such as
     * {@code asOf=2025-06-27}), each as parameter name → value.
     */
    public List<Map<String, String>> views() {
        return header.getOrDefault("views", List.of()).stream().map(PreparedQuery::pairs).toList();
    }
    public List<Map<String, String>> expectations() {
        return header.getOrDefault("expect", List.of()).stream().map(PreparedQuery::pairs).toList();
    }
    public Map<String, List<String>> header() { return header; }
    public List<String> resultVariables() { return query.getResultVars(); }

    public Parameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private String first(String key, String fallback) {
        List<String> v = header.get(key);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }
}
