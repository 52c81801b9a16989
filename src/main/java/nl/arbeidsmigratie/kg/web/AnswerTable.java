package nl.arbeidsmigratie.kg.web;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import nl.arbeidsmigratie.kg.http.Values;
import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.http.Locators;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.SCHEMA;

/**
 * The answer as an HTML table that fits: on a laptop the columns share the width (long text folds into a
 * {@code <details>}), and below about 700 px each row becomes a card (site.css) that shows the item first, then its
 * status and date, then the rest, each value with its column's name. Every value is written the reader's way
 * ({@link Values}), with its sort key in {@code data-sort}.
 */
final class AnswerTable {
    static final String SOURCE_COLUMN = "source";
    /** Longer texts fold: the first words stay visible, the rest opens on demand. */
    private static final int FOLD = 160;
    /** Lists joined by the query with " | " show as lists; more items than this fold. */
    private static final int LIST_SHOWN = 2;
    /** Columns a query writes numbers into as text (Table 1's cells); elsewhere digits may be an identifier. */
    private static final Set<String> NUMBERS_IN_TEXT = Set.of("eu", "nonEu");
    /** Columns folded into the value they qualify: "ten minste circa 15.000 personen". */
    private static final Set<String> QUALIFIERS = Set.of("unit", "bound", "approximate");
    private static final Set<String> STATUS = Set.of("status", "statuses");
    private static final Set<String> DATES = Set.of("statusDate", "date", "asOf", "replacedBy");
    /** Empty list columns say so, so that a problem with nothing for it does not read as a blank. */
    private static final Set<String> SAY_NONE = Set.of("measures", "recommendations");
    /** A row with a value here is a plan that a later one replaced: it is marked as such (site.css). */
    static final String REPLACED_BY = "replacedBy";

    private AnswerTable() {}

    /** The heading name of a column: "themeLabel" is headed "theme" when the query also returns ?theme. */
    static String base(String c) {
        return c.endsWith("Label") && c.length() > 5 ? c.substring(0, c.length() - 5) : c;
    }

    /** True when the answer has a value column with qualifiers (unit, bound, approximate) to fold into it. */
    private static boolean qualified(List<String> vars) {
        return vars.contains("value") && vars.stream().anyMatch(v -> QUALIFIERS.contains(base(v)));
    }

    /** The columns the page shows: a label column stands for its IRI column; qualifiers go into the value. */
    static List<String> shown(List<String> vars) {
        List<String> out = new ArrayList<>();
        boolean hasValue = qualified(vars);
        for (String v : vars) {
            if (vars.contains(v + "Label")) continue;
            if (hasValue && QUALIFIERS.contains(base(v))) continue;
            out.add(v);
        }
        return out;
    }

    /** @param question the question's id, a hook for site.css where one answer needs other column widths */
    static String render(Graph g, String question, List<String> vars, List<Map<String, Node>> rows, String lang) {
        List<String> shown = shown(vars);
        StringBuilder b = new StringBuilder("<table class=\"data sortable answer\" id=\"results\" data-question=\"")
                .append(esc(question)).append("\"><thead><tr>");
        for (String c : shown) {
            b.append("<th scope=\"col\" data-col=\"").append(esc(c)).append("\" class=\"").append(role(c, shown))
                    .append("\">").append(esc(Words.of(base(c), lang))).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (Map<String, Node> row : rows) {
            b.append(filled(row.get(REPLACED_BY)) ? "<tr class=\"replaced\">" : "<tr>");
            for (String c : shown) {
                Cell cell = cell(g, c, row, vars, lang);
                b.append("<td class=\"").append(role(c, shown)).append(cell.empty ? " empty" : "")
                        .append(cell.empty && cell.html.contains("class=\"none\"") ? " says-none" : "").append("\" data-label=\"")
                        .append(esc(Words.of(base(c), lang))).append("\"");
                if (cell.sortKey != null) b.append(" data-sort=\"").append(esc(cell.sortKey)).append("\"");
                b.append(">").append(cell.html).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    /** The part a column plays in a card: the item (first column), its status, its date, or the rest. */
    private static String role(String c, List<String> shown) {
        if (c.equals(shown.get(0))) return "c-item";
        if (STATUS.contains(base(c))) return "c-status";
        // the date that replaced a plan: a date, but not the struck-through one of its row
        if (c.equals(REPLACED_BY)) return "c-date c-replacement";
        if (DATES.contains(c)) return "c-date";
        if (c.equals(SOURCE_COLUMN)) return "c-source";
        return "c-other";
    }

    private record Cell(String html, String sortKey, boolean empty) {}

    private static Cell cell(Graph g, String c, Map<String, Node> row, List<String> vars, String lang) {
        Node n = row.get(c);
        boolean nl = !"en".equals(lang);
        if (c.equals("value") && n != null && Values.isNumber(n) && qualified(vars)) return value(g, row, vars, lang);
        if (n == null || (n.isLiteral() && n.getLiteralLexicalForm().isBlank())) {
            if (SAY_NONE.contains(c)) return new Cell("<span class=\"none\">" + (nl ? "geen" : "none") + "</span>", "", true);
            return new Cell("", "", true);
        }
        String text = n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : "";
        if (c.endsWith("Label") && vars.contains(base(c))) {
            Node iri = row.get(base(c));
            String href = iri != null && iri.isURI() ? href(iri.getURI(), lang) : null;
            // labels may carry an ISO date ("… per 2025-11-11"): written out, as every date on the page
            String label = esc(Values.datesInText(text, lang));
            return new Cell(href == null ? label : "<a href=\"" + esc(href) + "\">" + label + "</a>", null, false);
        }
        if (c.equals(SOURCE_COLUMN)) {
            StringBuilder b = new StringBuilder("<ul class=\"links\">");
            for (String s : text.trim().split("\\s+")) if (!s.isEmpty()) b.append("<li>").append(link(g, s, lang)).append("</li>");
            return new Cell(b.append("</ul>").toString(), null, false);
        }
        if (n.isURI()) return new Cell(link(g, n.getURI(), lang), Labels.label(g, n, lang), false);
        if (isUrl(text)) return new Cell(link(g, text, lang), null, false);
        if (c.equals("locator")) {
            // the places in a document ("Hoofdstuk 6, Tabel 2"), never a file of this project: the row's own
            // source, in the cell beside it, names the document by its title
            String human = Locators.human(text);
            return human == null ? new Cell("", "", true) : new Cell(esc(Citation.localLocator(human, lang)), null, false);
        }
        Values.Shown shown = Values.literal(n, lang, NUMBERS_IN_TEXT.contains(c));
        if (c.endsWith("Count") && "0".equals(shown.sortKey())) return new Cell(nl ? "geen" : "none", "0", false);
        // a date inside a text ("… per 2025-11-11: niet opgevolgd") is written out like every other date
        String s = Values.datesInText(shown.text(), lang);
        if (s.contains(" | ")) return new Cell(list(s.split(" \\| "), lang), shown.sortKey(), false);
        return new Cell(fold(s, lang), shown.sortKey(), false);
    }

    private static boolean filled(Node n) {
        return n != null && (!n.isLiteral() || !n.getLiteralLexicalForm().isBlank());
    }

    /** value with its qualifiers: "ten minste circa 15.000", "75%", "€ 100.000". Sorts by the number. */
    private static Cell value(Graph g, Map<String, Node> row, List<String> vars, String lang) {
        boolean nl = !"en".equals(lang);
        Node v = row.get("value");
        Values.Shown number = Values.literal(v, lang, true);
        StringBuilder b = new StringBuilder();
        String bound = ChartPlan.text(row.get("bound"));
        if (!bound.isEmpty()) {
            if (bound.equals(Labels.label(g, AM.lowerBound, lang))) b.append(nl ? "ten minste " : "at least ");
            else if (bound.equals(Labels.label(g, AM.upperBound, lang))) b.append(nl ? "ten hoogste " : "at most ");
            else b.append(bound).append(' ');
        }
        Node approx = row.get("approximate");
        if (approx != null && "true".equals(approx.getLiteralLexicalForm())) b.append(nl ? "circa " : "about ");
        String unitIri = ChartPlan.text(row.get("unit"));
        String unitLabel = vars.contains("unitLabel") ? ChartPlan.text(row.get("unitLabel")) : unitIri;
        String local = unitIri.substring(Math.max(unitIri.lastIndexOf('/'), unitIri.lastIndexOf('#')) + 1);
        String text = number.text();
        if (local.equals("PERCENT")) text = text + "%";
        else if (local.startsWith("EUR") || local.equals("Euro")) text = "€ " + text;
        else if (!local.equals("NUM") && !local.equals("UNITLESS") && !unitLabel.isEmpty()) text = text + " " + unitLabel;
        b.append(text);
        String sort = number.sortKey();
        if (sort == null) {
            try {
                sort = new BigDecimal(v.getLiteralLexicalForm()).toPlainString();
            } catch (NumberFormatException e) {
                sort = null;
            }
        }
        return new Cell("<span class=\"num\">" + esc(b.toString()) + "</span>", sort, false);
    }

    private static String list(String[] items, String lang) {
        boolean nl = !"en".equals(lang);
        StringBuilder b = new StringBuilder("<ul class=\"items\">");
        for (int i = 0; i < Math.min(LIST_SHOWN, items.length); i++) b.append("<li>").append(esc(items[i])).append("</li>");
        b.append("</ul>");
        if (items.length > LIST_SHOWN) {
            int more = items.length - LIST_SHOWN;
            b.append("<details class=\"more\"><summary>").append(nl ? "nog " + more : more + " more").append("</summary><ul class=\"items\">");
            for (int i = LIST_SHOWN; i < items.length; i++) b.append("<li>").append(esc(items[i])).append("</li>");
            b.append("</ul></details>");
        }
        return b.toString();
    }

    /** A long text: its opening words, and the whole text in a details element. */
    private static String fold(String s, String lang) {
        if (s.length() <= FOLD) return esc(s);
        int cut = s.lastIndexOf(' ', FOLD - 40);
        if (cut < 60) cut = FOLD - 40;
        return "<details class=\"more\"><summary>" + esc(s.substring(0, cut)) + " …</summary>" + esc(s.substring(cut)) + "</details>";
    }

    /** An IRI as a link labelled with the thing's name: our own IRIs to their page here, others as they are. */
    static String link(Graph g, String iri, String lang) {
        if (!isUrl(iri)) return esc(iri);
        String href = href(iri, lang);
        if (!href.equals(iri))
            return "<a href=\"" + esc(href) + "\">" + esc(Values.datesInText(Labels.label(g, NodeFactory.createURI(iri), lang), lang)) + "</a>";
        return "<a rel=\"external\" href=\"" + esc(iri) + "\">" + esc(iri) + "</a>";
    }

    /** Our own IRIs go to their page on this server, in the page language; others stay as they are. */
    static String href(String iri, String lang) {
        String local = Labels.localPath(iri);
        if (local == null) return iri;
        return local.contains("#") ? local : local + "?lang=" + lang;
    }

    static boolean isUrl(String s) {
        return (s.startsWith("https://") || s.startsWith("http://")) && !s.contains(" ");
    }

    /** The web address of a source, when the graph has one. */
    static String url(Graph g, String iri, String lang) {
        String url = Labels.literal(g, NodeFactory.createURI(iri), SCHEMA.url, lang);
        return url != null && isUrl(url) ? url : null;
    }
}
