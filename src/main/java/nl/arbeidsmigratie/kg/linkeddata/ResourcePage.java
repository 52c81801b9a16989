package nl.arbeidsmigratie.kg.linkeddata;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.http.Html;
import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.Locators;
import nl.arbeidsmigratie.kg.http.Messages;
import nl.arbeidsmigratie.kg.http.Representation;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.http.Values;
import nl.arbeidsmigratie.kg.query.Parameter;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;
import nl.arbeidsmigratie.kg.vocab.PROV;
import nl.arbeidsmigratie.kg.vocab.SCHEMA;

/**
 * The profile page of one thing, written for a reader in the page's language: what it is (its kind follows the
 * facts: an adopted bill reads as an act from that date on), what it says, the questions that answer "where does it
 * stand?" for it, its key facts with their source and place, its dated status history as a timeline (each step
 * with whose view it is and its own source), what refers to it, and its sources. Every value is written the reader's
 * way (ja/nee, 13 mei 2024, 1.000.000), without language tags. The raw properties stay below, under "Alle gegevens",
 * and as RDF. The same page serves every kind (law, recommendation, measure, responsible body, problem, figure,
 * source): the graph decides which parts a thing has. Words come from the message bundle {@code profile*.properties}.
 */
public final class ResourcePage {
    private ResourcePage() {}

    private static final String MESSAGES = "nl.arbeidsmigratie.kg.linkeddata.profile";

    /** Names and texts: shown as the title, the description and the notes, not again among the key facts. */
    private static final Set<Node> NAMES_AND_TEXTS = Set.of(RDF.type.asNode(), RDFS.label.asNode(), SKOS.prefLabel.asNode(),
            SKOS.altLabel.asNode(), DCTerms.title.asNode(), DCTerms.description.asNode(), SKOS.definition.asNode(),
            RDFS.comment.asNode(), SKOS.note.asNode(), SKOS.scopeNote.asNode(), AM.hasStatus, AM.locator,
            PROV.wasDerivedFrom, DCTerms.source.asNode(), FOAF.name.asNode());
    private static final Node[] NOTES = {RDFS.comment.asNode(), SKOS.note.asNode(), SKOS.scopeNote.asNode()};

    /** @param g the graph plus its VoID/DCAT description */
    public static String render(ServerContext ctx, Graph g, Node node, String lang) {
        Messages m = Messages.of(MESSAGES, lang);
        String title = text(Labels.label(g, node, lang), lang);
        StringBuilder b = new StringBuilder("<article class=\"resource profile\">\n");
        b.append("<p class=\"kind\">").append(kind(ctx, g, node, lang, m)).append("</p>\n");
        b.append("<h1>").append(esc(title)).append("</h1>\n");
        String alt = altLabels(g, node, lang);
        if (!alt.isEmpty()) b.append("<p class=\"alt\">").append(m.get("alsoKnownAs")).append(' ').append(alt).append("</p>\n");
        b.append(literalBlock(g, node, new Node[] {DCTerms.description.asNode(), SKOS.definition.asNode()}, lang, "description", m));
        b.append(readIt(g, node, lang, m));
        b.append(questions(ctx, node, lang, m));
        b.append(facts(ctx, g, node, lang, m));
        b.append(history(g, node, lang, m));
        String notes = literalBlock(g, node, NOTES, lang, "note", m);
        if (!notes.isEmpty()) b.append("<section class=\"notes\"><h2>").append(m.get("notes")).append("</h2>\n").append(notes).append("</section>\n");
        b.append(referrers(ctx, g, node, lang, m));
        b.append(sources(g, node, lang, m));

        b.append("<details class=\"all-data\" id=\"all-data\"><summary><h2>").append(m.get("allData")).append("</h2></summary>\n");
        b.append("<p class=\"iri\">").append(m.get("iri")).append(" <code>").append(esc(node.getURI())).append("</code></p>\n");
        b.append(table(ctx, g, ResourceServlet.outgoing(g, node), lang, m.get("property"), m.get("value"), node, m));
        Map<Node, List<Node>> in = ResourceServlet.incoming(g, node);
        if (!in.isEmpty()) {
            b.append("<h3>").append(m.get("linksHere")).append("</h3>\n");
            b.append(table(ctx, g, in, lang, m.get("via"), m.get("from"), null, m));
        }
        String path = Labels.localPath(node.getURI());
        b.append(formats(path, lang)).append("</details>\n</article>");
        return Layout.page(ctx, lang, title, path, b.toString(), null);
    }

    // ---- what it is

    /**
     * The kind as the data states it (not the inferred super-kinds). A bill that both chambers adopted reads as an
     * act from the Senate's vote on, saying what it was before and since when.
     */
    private static String kind(ServerContext ctx, Graph g, Node node, String lang, Messages m) {
        List<String> names = new ArrayList<>();
        boolean bill = false;
        var it = g.find(node, RDF.type.asNode(), Node.ANY);
        while (it.hasNext()) {
            Node t = it.next().getObject();
            if (ctx.kg().inferred().contains(node, RDF.type.asNode(), t) && !ctx.kg().asserted().contains(node, RDF.type.asNode(), t)) continue;
            if (t.equals(AM.Bill)) { bill = true; continue; }
            if (t.isURI() && (t.getURI().startsWith(PROV.NS) || t.getURI().startsWith(OWL.NS))) continue;
            String name = Labels.label(g, t, lang);
            if (!names.contains(name)) names.add(name);
        }
        String adopted = bill ? dateLiteral(g, node, AM.dateAdoptedSenate) : null;
        if (bill && adopted != null && !LocalDate.parse(adopted).isAfter(LocalDate.now())) {
            return esc(m.get("kind.adoptedBill", Values.dateWords(adopted, lang)));
        }
        if (bill) names.add(0, m.get("kind.bill"));
        if (names.isEmpty()) return esc(m.get("kind.thing"));
        String s = String.join(", ", names);
        return esc(Character.toUpperCase(s.charAt(0)) + s.substring(1));
    }

    private static String altLabels(Graph g, Node node, String lang) {
        Set<String> out = new LinkedHashSet<>();
        String title = Labels.label(g, node, lang);
        for (Node o : inPageLanguage(g, node, SKOS.altLabel.asNode(), lang))
            if (!o.getLiteralLexicalForm().equals(title)) out.add(esc(text(o.getLiteralLexicalForm(), lang)));
        return String.join(" · ", out);
    }

    /** The first of {@code props} that has text, in the page language, as paragraphs (or the other language, marked). */
    private static String literalBlock(Graph g, Node node, Node[] props, String lang, String cls, Messages m) {
        StringBuilder b = new StringBuilder();
        boolean notes = "note".equals(cls);
        for (Node p : props) {
            List<Node> values = inPageLanguage(g, node, p, lang);
            for (Node o : values) {
                String l = o.getLiteralLanguage();
                boolean other = !l.isEmpty() && !l.equalsIgnoreCase(lang);
                b.append("<p class=\"").append(cls).append("\"").append(other ? " lang=\"" + esc(l) + "\"" : "").append(">")
                        .append(esc(text(o.getLiteralLexicalForm(), lang)))
                        .append(other ? " <small lang=\"" + esc(lang) + "\" class=\"only-other\">(" + m.get("onlyIn." + l.toLowerCase()) + ")</small>" : "")
                        .append("</p>\n");
            }
            if (!values.isEmpty() && !notes) break;
        }
        return b.toString();
    }

    /** The literals of p in the page language; when there are none, those without a language, else the others. */
    private static List<Node> inPageLanguage(Graph g, Node s, Node p, String lang) {
        List<Node> exact = new ArrayList<>(), plain = new ArrayList<>(), other = new ArrayList<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> {
            Node o = t.getObject();
            if (!o.isLiteral()) return;
            String l = o.getLiteralLanguage();
            (l.equalsIgnoreCase(lang) ? exact : l.isEmpty() ? plain : other).add(o);
        });
        Comparator<Node> byText = Comparator.comparing(Node::getLiteralLexicalForm);
        exact.sort(byText); plain.sort(byText); other.sort(byText);
        return !exact.isEmpty() ? exact : !plain.isEmpty() ? plain : other;
    }

    // ---- the questions about it

    /**
     * Every prepared question that takes this thing as its choice, as a link with that choice made; the questions
     * about status first, under "where does it stand?".
     */
    private static String questions(ServerContext ctx, Node node, String lang, Messages m) {
        List<PreparedQuery> status = new ArrayList<>(), other = new ArrayList<>();
        Map<PreparedQuery, String> param = new LinkedHashMap<>();
        List<PreparedQuery> all = new ArrayList<>(ctx.catalog().all());
        all.sort(Comparator.comparing(PreparedQuery::id));
        for (PreparedQuery q : all) {
            for (Parameter p : q.parameters()) {
                if (p.type() != Parameter.Type.IRI || p.allowedValues().isEmpty() || !p.isAllowed(node.getURI())) continue;
                param.put(q, p.name());
                (q.tags().contains("status") || q.id().equals("law") ? status : other).add(q);
                break;
            }
        }
        if (param.isEmpty()) return "";
        StringBuilder b = new StringBuilder("<section class=\"questions\"><h2>")
                .append(status.isEmpty() ? m.get("questions") : m.get("whereItStands")).append("</h2>\n<ul>\n");
        for (PreparedQuery q : status) b.append(questionLink(q, param.get(q), node, lang, true));
        for (PreparedQuery q : other) b.append(questionLink(q, param.get(q), node, lang, false));
        return b.append("</ul></section>\n").toString();
    }

    private static String questionLink(PreparedQuery q, String param, Node node, String lang, boolean status) {
        String href = "/q/" + Html.url(q.id()) + "?" + Html.url(param) + "=" + Html.url(node.getURI()) + "&lang=" + lang;
        return "<li" + (status ? " class=\"status-question\"" : "") + "><a href=\"" + esc(href) + "\">"
                + esc(q.title(lang)) + "</a></li>\n";
    }

    // ---- key facts

    private static String facts(ServerContext ctx, Graph g, Node node, String lang, Messages m) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Node, List<Node>> e : ResourceServlet.outgoing(g, node).entrySet()) {
            Node p = e.getKey();
            if (NAMES_AND_TEXTS.contains(p)) continue;
            List<Node> values = new ArrayList<>();
            for (Node o : e.getValue()) {
                // what the data states; the inferred inverses and super-properties stay under "all data"
                if (!ctx.kg().asserted().contains(node, p, o) && ctx.kg().inferred().contains(node, p, o)) continue;
                if (o.isLiteral() && !o.getLiteralLanguage().isEmpty() && !o.getLiteralLanguage().equalsIgnoreCase(lang)
                        && hasLanguage(g, node, p, lang)) continue;
                values.add(o);
            }
            if (values.isEmpty()) continue;
            values.sort(Comparator.comparing((Node o) -> plainValue(g, o, lang), String.CASE_INSENSITIVE_ORDER));
            b.append("<dt>").append(esc(capital(propertyName(g, p, lang)))).append("</dt><dd>");
            if (values.size() == 1) b.append(value(g, values.get(0), lang));
            else {
                b.append("<ul>");
                for (Node o : values) b.append("<li>").append(value(g, o, lang)).append("</li>");
                b.append("</ul>");
            }
            b.append("</dd>\n");
        }
        if (b.length() == 0) return "";
        return "<section class=\"facts\"><h2>" + m.get("facts") + "</h2>\n<dl class=\"facts\">\n" + b + "</dl>\n"
                + sourceLine(g, node, lang, m) + "</section>\n";
    }

    private static boolean hasLanguage(Graph g, Node s, Node p, String lang) {
        var it = g.find(s, p, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral() && o.getLiteralLanguage().equalsIgnoreCase(lang)) return true;
        }
        return false;
    }

    /** "Bron: het rapport (Hoofdstuk 6, Tabel 2)": where the statements of a thing come from, with the place. */
    private static String sourceLine(Graph g, Node node, String lang, Messages m) {
        List<String> srcs = new ArrayList<>();
        for (Node p : ResourceServlet.SOURCE_PROPERTIES)
            g.find(node, p, Node.ANY).forEachRemaining(t -> { if (t.getObject().isURI()) srcs.add(link(g, t.getObject(), lang)); });
        if (srcs.isEmpty()) return "";
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(srcs));
        String loc = Locators.human(Labels.literal(g, node, AM.locator, lang));
        return "<p class=\"source-line\">" + m.get("source") + " " + String.join(", ", distinct)
                + (loc == null ? "" : " — " + m.get("place") + " " + esc(Values.datesInText(loc, lang))) + "</p>\n";
    }

    // ---- status history

    /** Every dated status assessment, oldest first: date, status, whose view, what it plans, its source and place. */
    private static String history(Graph g, Node node, String lang, Messages m) {
        List<Node> steps = new ArrayList<>();
        g.find(node, AM.hasStatus, Node.ANY).forEachRemaining(t -> steps.add(t.getObject()));
        if (steps.isEmpty()) return "";
        steps.sort(Comparator.comparing((Node a) -> {
            String d = dateLiteral(g, a, AM.asOf);
            return d == null ? "" : d;
        }).thenComparing((Node a) -> a.toString()));
        StringBuilder b = new StringBuilder("<section class=\"history\"><h2>").append(m.get("history")).append("</h2>\n<ol class=\"timeline\">\n");
        for (Node a : steps) {
            String date = dateLiteral(g, a, AM.asOf);
            b.append("<li>");
            if (date != null) b.append("<time datetime=\"").append(esc(date)).append("\">").append(esc(dateWithPrecision(g, a, date, lang))).append("</time> ");
            Node status = object(g, a, AM.status);
            if (status != null) b.append("<strong class=\"status\">").append(esc(capital(text(Labels.label(g, status, lang), lang)))).append("</strong>");
            Node view = object(g, a, AM.assessmentKind);
            if (view != null) b.append(" <span class=\"view\">(").append(esc(m.get("viewOf", text(Labels.label(g, view, lang), lang)))).append(")</span>");
            for (Node o : inPageLanguage(g, a, RDFS.comment.asNode(), lang))
                b.append("<p class=\"step-note\"").append(otherLang(o, lang)).append(">").append(esc(text(o.getLiteralLexicalForm(), lang))).append("</p>");
            plans(g, a, AM.plannedEntryIntoForce, m.get("plannedEntryIntoForce"), lang, b);
            plans(g, a, AM.plannedAdmissionDuty, m.get("plannedAdmissionDuty"), lang, b);
            b.append(sourceLine(g, a, lang, m));
            b.append("</li>\n");
        }
        return b.append("</ol></section>\n").toString();
    }

    private static void plans(Graph g, Node a, Node p, String words, String lang, StringBuilder b) {
        List<String> dates = new ArrayList<>();
        g.find(a, p, Node.ANY).forEachRemaining(t -> dates.add(Values.literal(t.getObject(), lang, false).text()));
        if (!dates.isEmpty()) b.append("<p class=\"plan\">").append(esc(words)).append(' ').append(esc(String.join(", ", dates))).append("</p>");
    }

    /** "mei 2024" when the source gives only the month (am:datePrecision), "2024" for a year, else the day. */
    private static String dateWithPrecision(Graph g, Node a, String iso, String lang) {
        Node precision = object(g, a, AM.datePrecision);
        String p = precision == null || !precision.isURI() ? "" : precision.getURI();
        if (p.endsWith("/maand")) return Values.dateWords(iso.substring(0, 7), lang);
        if (p.endsWith("/jaar")) return iso.substring(0, 4);
        return Values.dateWords(iso, lang);
    }

    // ---- what refers to it

    private static String referrers(ServerContext ctx, Graph g, Node node, String lang, Messages m) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Node, List<Node>> e : ResourceServlet.incoming(g, node).entrySet()) {
            Node p = e.getKey();
            if (p.equals(AM.hasStatus) || p.equals(RDF.type.asNode())) continue;
            Set<String> items = new LinkedHashSet<>();
            List<Node> subjects = new ArrayList<>(e.getValue());
            subjects.sort(Comparator.comparing((Node s) -> Labels.label(g, s, lang), String.CASE_INSENSITIVE_ORDER));
            for (Node s : subjects) {
                if (!ctx.kg().asserted().contains(s, p, node)) continue;
                if (s.getURI().startsWith(KG.GENID)) continue;
                items.add("<li>" + link(g, s, lang) + "</li>");
            }
            if (items.isEmpty()) continue;
            b.append("<dt>").append(esc(m.get("refersVia", propertyName(g, p, lang)))).append("</dt><dd><ul>")
                    .append(String.join("", items)).append("</ul></dd>\n");
        }
        if (b.length() == 0) return "";
        return "<section class=\"referrers\"><h2>" + m.get("referrers") + "</h2>\n<dl class=\"facts\">\n" + b + "</dl></section>\n";
    }

    // ---- sources

    private static String sources(Graph g, Node node, String lang, Messages m) {
        Set<Node> srcs = new LinkedHashSet<>();
        for (Node p : ResourceServlet.SOURCE_PROPERTIES) g.find(node, p, Node.ANY).forEachRemaining(t -> srcs.add(t.getObject()));
        if (srcs.isEmpty()) return "";
        StringBuilder b = new StringBuilder("<section class=\"sources\"><h2>").append(m.get("sources")).append("</h2><ul>\n");
        for (Node s : srcs) {
            if (!s.isURI()) continue;
            b.append("<li>").append(link(g, s, lang));
            String url = Labels.literal(g, s, SCHEMA.url, lang);
            if (url != null && (url.startsWith("https://") || url.startsWith("http://")))
                b.append(" — <a rel=\"external\" class=\"url\" href=\"").append(esc(url)).append("\">").append(esc(url)).append("</a>");
            b.append("</li>\n");
        }
        String loc = Locators.human(Labels.literal(g, node, AM.locator, lang));
        if (loc != null) b.append("<li>").append(m.get("place")).append(' ').append(esc(Values.datesInText(loc, lang))).append("</li>\n");
        return b.append("</ul></section>\n").toString();
    }

    // ---- all data

    private static String table(ServerContext ctx, Graph g, Map<Node, List<Node>> rows, String lang, String h1, String h2,
                                Node self, Messages m) {
        StringBuilder b = new StringBuilder("<table class=\"props\"><thead><tr><th scope=\"col\">")
                .append(esc(h1)).append("</th><th scope=\"col\">").append(esc(h2)).append("</th></tr></thead><tbody>\n");
        for (Map.Entry<Node, List<Node>> e : rows.entrySet()) {
            b.append("<tr><th scope=\"row\">").append(propertyLink(g, e.getKey(), lang)).append("</th><td><ul>");
            List<Node> values = new ArrayList<>();
            // A text in the page language stands for its translations (they are in the RDF and on the other
            // language's page); a text only in the other language is shown, marked with its language.
            for (Node o : e.getValue())
                if (self == null || !o.isLiteral() || o.getLiteralLanguage().isEmpty() || o.getLiteralLanguage().equalsIgnoreCase(lang)
                        || !hasLanguage(g, self, e.getKey(), lang)) values.add(o);
            // Values in the page language first, then those without a language, then the others.
            values.sort(Comparator.comparingInt((Node o) -> !o.isLiteral() ? 1
                    : lang.equalsIgnoreCase(o.getLiteralLanguage()) ? 0 : o.getLiteralLanguage().isEmpty() ? 1 : 2));
            for (Node o : values) {
                boolean inferred = self != null && ctx.kg().inferred().contains(self, e.getKey(), o)
                        && !ctx.kg().asserted().contains(self, e.getKey(), o);
                b.append("<li").append(inferred ? " class=\"inferred\" title=\"" + esc(m.get("inferred")) + "\"" : "")
                        .append(otherLang(o, lang)).append(">").append(value(g, o, lang)).append("</li>");
            }
            b.append("</ul></td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    /** A value the reader's way: ja/nee, 13 mei 2024, 1.000.000, a link named by its label; no language tag. */
    static String value(Graph g, Node o, String lang) {
        if (o.isLiteral()) {
            String lex = o.getLiteralLexicalForm();
            if ((lex.startsWith("https://") || lex.startsWith("http://")) && !lex.contains(" "))
                return "<a rel=\"external\" href=\"" + esc(lex) + "\">" + esc(lex) + "</a>";
            if (!o.getLiteralLanguage().isEmpty()) return esc(text(lex, lang));
            return esc(Values.datesInText(Values.literal(o, lang, false).text(), lang));
        }
        if (o.isBlank()) return "<em>[…]</em>";
        return link(g, o, lang);
    }

    /** The words of a value for sorting. */
    private static String plainValue(Graph g, Node o, String lang) {
        if (o.isLiteral()) {
            String k = Values.literal(o, lang, false).sortKey();
            return k != null ? k : o.getLiteralLexicalForm();
        }
        return o.isURI() ? Labels.label(g, o, lang) : "";
    }

    private static String otherLang(Node o, String lang) {
        if (!o.isLiteral()) return "";
        String l = o.getLiteralLanguage();
        return l.isEmpty() || l.equalsIgnoreCase(lang) ? "" : " lang=\"" + esc(l) + "\"";
    }

    /** Text of the data as the page shows it: the ISO dates in it written out. */
    private static String text(String s, String lang) {
        return Values.datesInText(s, lang);
    }

    private static String capital(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Node object(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static String dateLiteral(Graph g, Node s, Node p) {
        Node o = object(g, s, p);
        if (o == null || !o.isLiteral()) return null;
        String lex = o.getLiteralLexicalForm();
        return lex.matches("\\d{4}-\\d{2}-\\d{2}") ? lex : null;
    }

    /** "As data: Turtle N-Triples …": a link to every RDF syntax of the document at {@code path}. */
    static String formats(String path, String lang) {
        StringBuilder b = new StringBuilder("<p class=\"formats\">").append("nl".equals(lang) ? "Als data: " : "As data: ");
        for (Representation r : Representation.rdf())
            b.append("<a href=\"").append(esc(path)).append("?format=").append(r.shortName()).append("\" type=\"")
                    .append(r.mediaType).append("\">").append(esc(r.label())).append("</a> ");
        return b.append("</p>\n").toString();
    }

    /** Names of the outside terms the pages show, for when the graph has no label in the page language. */
    private static final Map<Node, String[]> TERMS = Map.ofEntries(
            Map.entry(RDF.type.asNode(), new String[] {"soort", "kind"}),
            Map.entry(RDFS.label.asNode(), new String[] {"naam", "name"}),
            Map.entry(RDFS.comment.asNode(), new String[] {"toelichting", "comment"}),
            Map.entry(RDFS.seeAlso.asNode(), new String[] {"zie ook", "see also"}),
            Map.entry(RDFS.subClassOf.asNode(), new String[] {"subklasse van", "subclass of"}),
            Map.entry(RDFS.isDefinedBy.asNode(), new String[] {"gedefinieerd in", "defined by"}),
            Map.entry(SKOS.prefLabel.asNode(), new String[] {"naam", "preferred name"}),
            Map.entry(SKOS.altLabel.asNode(), new String[] {"ook bekend als", "also known as"}),
            Map.entry(SKOS.definition.asNode(), new String[] {"definitie", "definition"}),
            Map.entry(SKOS.note.asNode(), new String[] {"notitie", "note"}),
            Map.entry(SKOS.scopeNote.asNode(), new String[] {"toepassing", "scope note"}),
            Map.entry(SKOS.inScheme.asNode(), new String[] {"in de lijst", "in scheme"}),
            Map.entry(SKOS.topConceptOf.asNode(), new String[] {"hoofdbegrip van", "top concept of"}),
            Map.entry(SKOS.hasTopConcept.asNode(), new String[] {"hoofdbegrip", "top concept"}),
            Map.entry(SKOS.broader.asNode(), new String[] {"breder begrip", "broader"}),
            Map.entry(SKOS.narrower.asNode(), new String[] {"smaller begrip", "narrower"}),
            Map.entry(SKOS.related.asNode(), new String[] {"verwant", "related"}),
            Map.entry(SKOS.notation.asNode(), new String[] {"code", "notation"}),
            Map.entry(DCTerms.title.asNode(), new String[] {"titel", "title"}),
            Map.entry(DCTerms.description.asNode(), new String[] {"omschrijving", "description"}),
            Map.entry(DCTerms.source.asNode(), new String[] {"bron", "source"}),
            Map.entry(DCTerms.subject.asNode(), new String[] {"onderwerp", "subject"}),
            Map.entry(DCTerms.issued.asNode(), new String[] {"verschenen", "issued"}),
            Map.entry(DCTerms.modified.asNode(), new String[] {"gewijzigd", "modified"}),
            Map.entry(DCTerms.date.asNode(), new String[] {"datum", "date"}),
            Map.entry(DCTerms.publisher.asNode(), new String[] {"uitgever", "publisher"}),
            Map.entry(DCTerms.creator.asNode(), new String[] {"maker", "creator"}),
            Map.entry(DCTerms.language.asNode(), new String[] {"taal", "language"}),
            Map.entry(DCTerms.isPartOf.asNode(), new String[] {"onderdeel van", "part of"}),
            Map.entry(DCTerms.hasPart.asNode(), new String[] {"bevat", "has part"}),
            Map.entry(DCTerms.license.asNode(), new String[] {"licentie", "licence"}),
            Map.entry(OWL.sameAs.asNode(), new String[] {"zelfde als", "same as"}),
            Map.entry(FOAF.name.asNode(), new String[] {"naam", "name"}),
            Map.entry(FOAF.homepage.asNode(), new String[] {"website", "home page"}),
            Map.entry(PROV.wasDerivedFrom, new String[] {"afgeleid van", "derived from"}));

    /** A property's name in the page language: the graph's own label, else the list above, else its label. */
    static String propertyName(Graph g, Node p, String lang) {
        String own = null;
        var it = g.find(p, RDFS.label.asNode(), Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral() && lang.equalsIgnoreCase(o.getLiteralLanguage())) own = o.getLiteralLexicalForm();
        }
        if (own != null) return own;
        String[] w = TERMS.get(p);
        if (w != null) return "en".equals(lang) ? w[1] : w[0];
        return Labels.label(g, p, lang);
    }

    private static String propertyLink(Graph g, Node p, String lang) {
        String local = p.isURI() ? Labels.localPath(p.getURI()) : null;
        String href = local != null ? local + (local.contains("#") ? "" : "?lang=" + lang) : p.getURI();
        return "<a href=\"" + esc(href) + "\">" + esc(propertyName(g, p, lang)) + "</a>";
    }

    /**
     * Where to read a source: its web address as a plain link. The report itself gives no address (its front matter
     * names title, date and author only); its page says so and shows how to cite it, rather than invent one.
     */
    private static String readIt(Graph g, Node node, String lang, Messages m) {
        String url = Labels.literal(g, node, SCHEMA.url, lang);
        // a source is read; an organisation's home page is visited
        String words = url != null ? m.get("readSource") : m.get("website");
        if (url == null) url = Labels.literal(g, node, FOAF.homepage.asNode(), lang);
        if (url == null) {
            var it = g.find(node, FOAF.homepage.asNode(), Node.ANY);
            if (it.hasNext()) { Node o = it.next().getObject(); if (o.isURI()) url = o.getURI(); }
        }
        if (url != null && (url.startsWith("https://") || url.startsWith("http://")))
            return "<p class=\"read\"><a rel=\"external\" href=\"" + esc(url) + "\">" + words
                    + "</a> <span class=\"url\">" + esc(url) + "</span></p>\n";
        if (!node.getURI().equals(KG.REPORT)) return "";
        String title = Labels.literal(g, node, DCTerms.title.asNode(), "nl");
        String author = Labels.literal(g, node, AM.authorName, "nl");
        String issued = Labels.literal(g, node, DCTerms.issued.asNode(), "nl");
        return "<section class=\"read\"><h2>" + m.get("report") + "</h2>\n<p class=\"cite-report\">"
                + esc(author == null ? "" : author + ", ") + "<cite>" + esc(title == null ? "" : title.replaceAll("\\.$", "")) + "</cite>"
                + esc(issued == null ? "" : " (" + Values.dateWords(issued, lang) + ")") + ".</p>\n<p>"
                + m.get("report.noAddress") + "</p>\n"
                + (author == null ? "" : "<p class=\"author-note\">" + esc(m.get("report.author", author)) + "</p>\n")
                + "</section>\n";
    }

    public static String link(Graph g, Node n, String lang) {
        String label = esc(Values.datesInText(Labels.label(g, n, lang), lang));
        String local = Labels.localPath(n.getURI());
        String href = local != null ? local + (local.contains("#") ? "" : "?lang=" + lang) : n.getURI();
        return "<a href=\"" + esc(href) + "\">" + label + "</a>";
    }
}
