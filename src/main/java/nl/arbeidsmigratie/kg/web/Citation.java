package nl.arbeidsmigratie.kg.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;

import nl.arbeidsmigratie.kg.http.Values;
import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.query.Today;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * How to cite one answer: the report behind it (title, author and date as the graph records them), where in the
 * report its rows come from, the data version, the permalink and the access date; as text, BibTeX and CSL-JSON.
 * The permalink is absolute only with {@code --public-url}; otherwise it is a path that the page completes with
 * its own origin (site.js), never with the request's Host header.
 */
record Citation(Report report, String questionId, String questionTitle, String version, String releaseDate,
                String permalink, LocalDate accessed, List<String> locators, String lang) {

    /** The report as the graph describes it (bron:rapport): never from memory. */
    record Report(String title, String author, String issued) {
        static Report of(Graph g) {
            Node r = NodeFactory.createURI(KG.REPORT);
            String title = Labels.literal(g, r, DCTerms.title.asNode(), "nl");
            if (title == null) title = Labels.label(g, r, "nl");
            // The front matter writes the title with a full stop; a citation adds its own punctuation.
            title = title.strip().replaceAll("\\.$", "");
            String author = Labels.literal(g, r, AM.authorName, "nl");
            String issued = Labels.literal(g, r, DCTerms.issued.asNode(), "nl");
            return new Report(title, author, issued);
        }

        String year() { return issued == null || issued.length() < 4 ? "" : issued.substring(0, 4); }

        /** "Arbeidsmigratie in Nederland (2025)": the short form of chart source lines. */
        String shortName() { return title + (year().isEmpty() ? "" : " (" + year() + ")"); }
    }

    private static final Pattern CHAPTER = Pattern.compile("^(Inleiding|Hoofdstuk \\d+)(?:,\\s*(.+))?$");

    /**
     * Where in the report the shown rows come from: the chapters, and within them the sections and tables
     * ("Hoofdstuk 6 (Tabel 2), Hoofdstuk 7 (§Nieuwe Wetgeving)"). Read from the rows' own {@code locator} column where
     * the answer has one, else from the am:locator of the thing each row is about (its first column), never from
     * every IRI in a row: a theme or an organisation named beside the row would cite chapters the row does not rest
     * on. Parts that point elsewhere (another document) are left out: those rows carry their own source.
     */
    static List<String> locators(Graph g, List<String> vars, List<Map<String, Node>> rows) {
        List<String> texts = new ArrayList<>();
        if (vars.contains("locator")) {
            for (Map<String, Node> row : rows) {
                Node l = row.get("locator");
                if (l != null && l.isLiteral()) texts.add(l.getLiteralLexicalForm());
            }
        } else if (!vars.isEmpty()) {
            String first = AnswerTable.base(AnswerTable.shown(vars).get(0));
            Set<Node> items = new LinkedHashSet<>();
            for (Map<String, Node> row : rows) {
                Node n = row.get(first);
                if (n != null && n.isURI()) items.add(n);
            }
            for (Node n : items)
                g.find(n, AM.locator, Node.ANY).forEachRemaining(t -> {
                    if (t.getObject().isLiteral()) texts.add(t.getObject().getLiteralLexicalForm());
                });
        }
        // chapter → its sections and tables, in the order of the report
        java.util.TreeMap<String, Set<String>> chapters = new java.util.TreeMap<>(Citation::compareLocators);
        for (String text : texts) {
            for (String part : text.split(";")) {
                Matcher m = CHAPTER.matcher(part.strip());
                if (!m.find()) continue;
                Set<String> sections = chapters.computeIfAbsent(m.group(1), k -> new java.util.TreeSet<>());
                if (m.group(2) != null) for (String sec : m.group(2).split(",\\s*")) if (!sec.isBlank()) sections.add(sec.strip());
            }
        }
        List<String> out = new ArrayList<>();
        chapters.forEach((ch, sections) -> out.add(sections.isEmpty() ? ch : ch + " (" + String.join(", ", sections) + ")"));
        return out;
    }

    private static int compareLocators(String a, String b) {
        return key(a).compareTo(key(b));
    }

    private static String key(String loc) {
        Matcher m = Pattern.compile("Hoofdstuk (\\d+)").matcher(loc);
        String ch = loc.startsWith("Inleiding") ? "00" : m.find() ? String.format("%02d", Integer.parseInt(m.group(1))) : "99";
        return ch + loc;
    }

    /** A locator in the page language: "Hoofdstuk 6, Tabel 2" / "Chapter 6, Table 2". */
    static String localLocator(String loc, String lang) {
        if (!"en".equals(lang)) return loc;
        return loc.replace("Inleiding", "Introduction").replace("inleiding", "introduction").replace("Hoofdstuk", "Chapter")
                .replace("Tabel", "Table");
    }

    static Citation of(ServerContext ctx, String id, String title, String permalink, List<String> vars,
                       List<Map<String, Node>> rows, String lang) {
        return of(ctx, id, title, permalink, vars, rows, lang, ctx.dataVersion(), ctx.kg().buildInfo().releaseDate());
    }

    /** The citation of an answer of the release {@code version}, published on {@code releaseDate}. */
    static Citation of(ServerContext ctx, String id, String title, String permalink, List<String> vars,
                       List<Map<String, Node>> rows, String lang, String version, String releaseDate) {
        Graph g = ctx.kg().all();
        return new Citation(Report.of(g), id, title, version, releaseDate, permalink, Today.date(), locators(g, vars, rows), lang);
    }

    private boolean nl() { return !"en".equals(lang); }

    String where() {
        List<String> l = new ArrayList<>();
        for (String s : locators) l.add(localLocator(s, lang));
        return String.join("; ", l);
    }

    /** The plain-text citation the page shows. */
    String text() {
        StringBuilder b = new StringBuilder("Arbeidsmigratie KG");
        if (releaseYear() != null) b.append(" (").append(releaseYear()).append(")");
        b.append(". ").append(nl() ? "Vraag" : "Question").append(" ‘").append(questionTitle).append("’, ")
                .append(nl() ? "dataversie " : "data version ").append(version)
                .append(releaseDate == null ? "" : (nl() ? " van " : " of ") + Values.text(releaseDate, lang, false).text()).append(". ")
                .append(nl() ? "Gebaseerd op: " : "Based on: ");
        // The author as the report's own metadata names it, said to be that: who it is, the report does not say.
        if (report.author() != null) b.append(report.author()).append(nl() ? " (auteur volgens de metadata van het rapport), "
                : " (author as named in the report's metadata), ");
        b.append("‘").append(report.title()).append("’");
        if (report.issued() != null) b.append(" (").append(Values.text(report.issued(), lang, false).text()).append(")");
        if (!locators.isEmpty()) b.append(", ").append(where());
        b.append(". ").append(permalink).append(" (").append(nl() ? "geraadpleegd " : "accessed ")
                .append(Values.text(accessed.toString(), lang, false).text()).append(").");
        return b.toString();
    }

    private String releaseYear() {
        return releaseDate != null && releaseDate.matches("\\d{4}-.*") ? releaseDate.substring(0, 4) : null;
    }

    private String reportKey() {
        return (report.author() == null ? "report" : report.author().replaceAll("[^A-Za-z0-9]", "")) + report.year();
    }

    /** Two BibTeX entries: the answer (a dataset, version and permalink) and the report it rests on. */
    String bibtex() {
        StringBuilder b = new StringBuilder();
        b.append("@misc{arbeidsmigratiekg-").append(questionId).append(",\n")
                .append("  author = {{Arbeidsmigratie KG}},\n")
                .append("  title = {").append(bib(questionTitle)).append("},\n")
                .append("  howpublished = {Arbeidsmigratie KG, ").append(nl() ? "dataversie " : "data version ")
                .append(bib(version)).append("},\n");
        if (releaseYear() != null) b.append("  year = {").append(releaseYear()).append("},\n");
        b.append("  version = {").append(bib(version)).append("},\n")
                .append("  url = {").append(bib(permalink)).append("},\n")
                .append("  urldate = {").append(accessed).append("},\n")
                .append("  note = {").append(nl() ? "Gebaseerd op " : "Based on ").append(bib(report.title()));
        if (!locators.isEmpty()) b.append(", ").append(bib(where()));
        b.append("},\n  related = {").append(reportKey()).append("}\n}\n\n");
        b.append("@report{").append(reportKey()).append(",\n");
        if (report.author() != null) b.append("  author = {{").append(bib(report.author())).append("}},\n");
        b.append("  title = {").append(bib(report.title())).append("},\n");
        if (report.issued() != null) b.append("  date = {").append(report.issued()).append("},\n");
        b.append("  year = {").append(report.year()).append("},\n  language = {dutch}\n}\n");
        return b.toString();
    }

    private static String bib(String s) {
        return s == null ? "" : s.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")
                .replace("%", "\\%").replace("&", "\\&").replace("#", "\\#").replace("_", "\\_");
    }

    /** CSL-JSON (the format of Zotero, Pandoc and citeproc): the same two items. */
    String cslJson() {
        JsonArray items = new JsonArray();
        JsonObject answer = new JsonObject();
        answer.put("id", "arbeidsmigratiekg-" + questionId);
        answer.put("type", "dataset");
        answer.put("title", questionTitle);
        answer.put("author", authors("Arbeidsmigratie KG"));
        answer.put("publisher", "Arbeidsmigratie KG");
        answer.put("version", version);
        answer.put("URL", permalink);
        answer.put("accessed", dateParts(accessed.toString()));
        if (releaseDate != null && releaseDate.matches("\\d{4}-\\d{2}-\\d{2}")) answer.put("issued", dateParts(releaseDate));
        answer.put("note", (nl() ? "Gebaseerd op " : "Based on ") + report.title()
                + (locators.isEmpty() ? "" : ", " + where()));
        answer.put("language", lang);
        items.add(answer);
        JsonObject rep = new JsonObject();
        rep.put("id", reportKey());
        rep.put("type", "report");
        rep.put("title", report.title());
        if (report.author() != null) rep.put("author", authors(report.author()));
        if (report.issued() != null) rep.put("issued", dateParts(report.issued()));
        rep.put("language", "nl");
        if (!locators.isEmpty()) rep.put("section", String.join("; ", locators));
        items.add(rep);
        return JSON.toString(items) + "\n";
    }

    private static JsonArray authors(String literal) {
        JsonArray a = new JsonArray();
        JsonObject o = new JsonObject();
        o.put("literal", literal);
        a.add(o);
        return a;
    }

    private static JsonObject dateParts(String iso) {
        JsonArray parts = new JsonArray();
        for (String p : iso.split("-")) parts.add(Integer.parseInt(p));
        JsonArray outer = new JsonArray();
        outer.add(parts);
        JsonObject o = new JsonObject();
        o.put("date-parts", outer);
        return o;
    }
}
