package nl.arbeidsmigratie.kg.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;

import nl.arbeidsmigratie.kg.http.Values;
import nl.arbeidsmigratie.kg.query.PreparedQuery;

/**
 * What a question's chart counts, computed here from the typed answer so that charts.js only draws. A chart counts
 * things that mean something (recommendations by status, measures by status per theme, problems by what exists
 * for them), never rows of a join: each plan names the column whose distinct values are counted. The query header
 * ({@code #+ chart}, {@code chart_x}, {@code chart_y}) chooses the kind; the plans below say what a reader is
 * counting and how the chart is titled.
 */
final class ChartPlan {
    private ChartPlan() {}

    /** kind: bar | stacked | grouped | timeline; x: category column; series: colour column; count: distinct column. */
    private record Plan(String kind, String x, String series, String count, String[] title) {}

    private static final Map<String, Plan> PLANS = Map.of(
            // One row is one recommendation (queries/recommendation-status.rq): the chart counts rows, so that its
            // bars add up to the page's row counter.
            "recommendation-status", new Plan("bar", "statusLabel", null, null,
                    new String[] {"Aanbevelingen per status", "Recommendations by status"}),
            // One row is one item of one body: the bars add up to the rows.
            "body-progress", new Plan("stacked", "bodyLabel", "statusLabel", null,
                    new String[] {"Aanbevelingen en maatregelen per instantie, naar status",
                            "Recommendations and measures by responsible body and status"}),
            "problems-responses", new Plan("stacked", "themeLabel", "statusLabel", "response",
                    new String[] {"Maatregelen en wetten per thema, naar status", "Measures and laws by theme and status"}),
            "unaddressed-problems", new Plan("bar", "@coverage", null, "problem",
                    new String[] {"Problemen zonder werkende oplossing, naar wat er voor ze is",
                            "Problems without a working solution, by what exists for them"}),
            "critiques", new Plan("bar", "byLabel", null, "critique",
                    new String[] {"Kritiekpunten per afzender", "Critiques by critic"}),
            "actor", new Plan("bar", "roleLabel", null, "target",
                    new String[] {"Onderwerpen per rol", "Subjects by role"}));

    private static final Plan ONE_BODY = new Plan("bar", "statusLabel", null, null,
            new String[] {"Aanbevelingen en maatregelen per status", "Recommendations and measures by status"});

    private static final String NONE_NL = "(geen status)", NONE_EN = "(no status)";

    /** The chart as JSON for charts.js, or null when the question has none or the answer is empty. */
    static JsonObject of(PreparedQuery q, List<String> vars, List<Map<String, Node>> rows, String lang, String title) {
        if ("none".equals(q.chart()) || rows.isEmpty()) return null;
        boolean nl = !"en".equals(lang);
        Plan plan = PLANS.get(q.id());
        // One body's page: a single stacked bar says little; its recommendations and measures by status do.
        if ("body-progress".equals(q.id()) && rows.stream().map(r -> text(r.get("body"))).distinct().count() == 1)
            plan = ONE_BODY;
        JsonObject o = new JsonObject();
        o.put("lang", lang);
        switch (q.chart()) {
            case "timeline" -> {
                String x = q.chartX(), y = q.chartY();
                if (x == null || y == null || !vars.contains(x) || !vars.contains(y)) return null;
                String colour = List.of("kindLabel", "statusLabel").stream().filter(c -> !c.equals(y) && vars.contains(c))
                        .findFirst().orElse(null);
                JsonArray events = new JsonArray();
                Set<String> seen = new HashSet<>();
                for (Map<String, Node> r : rows) {
                    String d = text(r.get(x));
                    String label = text(r.get(y));
                    if (d.isEmpty() || !seen.add(d + "|" + label)) continue;
                    JsonObject e = new JsonObject();
                    e.put("date", d);
                    e.put("dateText", Values.text(d, lang, false).text());
                    e.put("label", label);
                    e.put("kind", colour == null ? "" : text(r.get(colour)));
                    events.add(e);
                }
                o.put("kind", "timeline");
                o.put("events", events);
                o.put("title", title != null ? title : Words.of(base(y), lang) + (nl ? " in de tijd" : " over time"));
                return o;
            }
            case "grouped" -> {
                return grouped(q, vars, rows, lang, o);
            }
            default -> { }
        }
        String x = plan != null ? plan.x() : q.chartX();
        String series = plan != null ? plan.series() : "stacked".equals(q.chart()) ? q.chartY() : null;
        String count = plan != null ? plan.count() : "stacked".equals(q.chart()) ? vars.get(0) : q.chartY();
        if (x == null || (!x.startsWith("@") && !vars.contains(x))) return null;
        String none = nl ? NONE_NL : NONE_EN;
        // category → series → distinct counted values
        Map<String, Map<String, Set<String>>> groups = new LinkedHashMap<>();
        List<String> seriesNames = new ArrayList<>();
        boolean summed = false;
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (Map<String, Node> r : rows) {
            String cat = x.equals("@coverage") ? coverage(r, lang) : text(r.get(x));
            if (cat.isEmpty()) cat = nl ? "(onbekend)" : "(unknown)";
            Node counted = count == null ? null : r.get(count);
            if (count != null && counted == null) continue; // e.g. a problem with no measure: nothing to count
            if (counted != null && counted.isLiteral() && isNumber(counted) && plan == null && series == null) {
                summed = true;
                sums.merge(cat, new BigDecimal(counted.getLiteralLexicalForm()), BigDecimal::add);
                continue;
            }
            String s = series == null ? "" : text(r.get(series));
            if (series != null && s.isEmpty()) s = none;
            if (!seriesNames.contains(s)) seriesNames.add(s);
            groups.computeIfAbsent(cat, k -> new LinkedHashMap<>()).computeIfAbsent(s, k -> new HashSet<>())
                    .add(counted == null ? Integer.toString(System.identityHashCode(r)) : key(counted));
        }
        // The gaps last, in grey (charts.js): they are not one more kind.
        if (seriesNames.remove(none)) seriesNames.add(none);
        JsonArray cats = new JsonArray();
        if (summed) {
            sums.forEach((k, v) -> cats.add(category(k, List.of(v.doubleValue()))));
        } else {
            // stacked: categories in the reader's alphabetical order ("gemeenten" beside "Gemeente X", not after "Z")
            Map<String, Map<String, Set<String>>> ordered = "stacked".equals(q.chart())
                    ? new TreeMap<>(java.text.Collator.getInstance(Values.locale(lang))) : new LinkedHashMap<>();
            ordered.putAll(groups);
            ordered.forEach((k, m) -> {
                List<Double> values = new ArrayList<>();
                for (String s : seriesNames) values.add((double) m.getOrDefault(s, Set.of()).size());
                cats.add(category(k, values));
            });
        }
        o.put("kind", series == null ? "bar" : "stacked");
        o.put("categories", cats);
        JsonArray sn = new JsonArray();
        if (series != null) seriesNames.forEach(sn::add);
        o.put("series", sn);
        o.put("none", none);
        o.put("sort", series == null);
        String t = title != null ? title : plan != null ? plan.title()[nl ? 0 : 1]
                : Words.of(base(count == null ? x : count), lang) + (nl ? " — aantal per " : " — number by ")
                + Words.of(base(x), lang).toLowerCase();
        o.put("title", t);
        return o;
    }

    /** For a problem without a working solution: what exists for it (recommendations, measures not yet in force). */
    private static String coverage(Map<String, Node> r, String lang) {
        boolean nl = !"en".equals(lang);
        boolean measures = !text(r.get("measures")).isEmpty();
        Node count = r.get("recommendationCount");
        boolean recommended = count != null && !"0".equals(count.getLiteralLexicalForm());
        boolean explicit = r.get("explicitlyUnaddressed") != null && "true".equals(r.get("explicitlyUnaddressed").getLiteralLexicalForm());
        if (measures && explicit) return nl ? "Maatregel bestaat, maar volgens de bron onopgelost" : "A measure exists, but the source says it is unsolved";
        if (measures) return nl ? "Maatregel nog niet in werking" : "Measure not yet in force";
        if (recommended) return nl ? "Alleen aanbevelingen, geen maatregel" : "Only recommendations, no measure";
        return nl ? "Geen aanbeveling en geen maatregel" : "No recommendation and no measure";
    }

    /** grouped: one bar per numeric column named in chart_y, for the rows in the most common unit. */
    private static JsonObject grouped(PreparedQuery q, List<String> vars, List<Map<String, Node>> rows, String lang, JsonObject o) {
        String x = q.chartX();
        if (x == null || q.chartY() == null || !vars.contains(x)) return null;
        List<String> ys = new ArrayList<>();
        for (String c : q.chartY().split("[\\s,]+")) if (vars.contains(c)) ys.add(c);
        if (ys.isEmpty()) return null;
        Map<String, Integer> units = new LinkedHashMap<>();
        for (Map<String, Node> r : rows) units.merge(text(r.get("unit")), 1, Integer::sum);
        String unit = units.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        JsonArray cats = new JsonArray();
        for (Map<String, Node> r : rows) {
            if (!text(r.get("unit")).equals(unit)) continue;
            List<Double> values = new ArrayList<>();
            boolean any = false;
            for (String y : ys) {
                Double d = leadingNumber(text(r.get(y)));
                any |= d != null;
                values.add(d == null ? 0 : d);
            }
            if (any) cats.add(category(text(r.get(x)), values));
        }
        if (cats.isEmpty()) return null;
        JsonArray sn = new JsonArray();
        ys.forEach(y -> sn.add(Words.of(y, lang)));
        boolean nl = !"en".equals(lang);
        o.put("kind", "grouped");
        o.put("categories", cats);
        o.put("series", sn);
        o.put("sort", false);
        o.put("title", String.join(nl ? " en " : " and ", ys.stream().map(y -> Words.of(y, lang)).toList())
                + (unit.isEmpty() ? "" : " (" + unit + ")"));
        return o;
    }

    /** "73 (laag inkomen)" → 73; "40,9" → 40.9; "Polen (32)" → null. */
    private static Double leadingNumber(String s) {
        var m = java.util.regex.Pattern.compile("^-?\\d+(?:[.,]\\d+)?").matcher(s.strip());
        return m.find() ? Double.valueOf(m.group().replace(',', '.')) : null;
    }

    private static JsonObject category(String label, List<Double> values) {
        JsonObject c = new JsonObject();
        c.put("label", label);
        JsonArray v = new JsonArray();
        values.forEach(d -> v.add(org.apache.jena.atlas.json.JsonNumber.value(d)));
        c.put("values", v);
        return c;
    }

    private static boolean isNumber(Node n) {
        try {
            new BigDecimal(n.getLiteralLexicalForm());
            return n.getLiteralDatatypeURI() != null && !n.getLiteralDatatypeURI().endsWith("#string");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String key(Node n) { return n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString(); }

    static String text(Node n) { return n == null ? "" : n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : ""; }

    private static String base(String c) {
        return c.endsWith("Label") && c.length() > 5 ? c.substring(0, c.length() - 5) : c;
    }
}
