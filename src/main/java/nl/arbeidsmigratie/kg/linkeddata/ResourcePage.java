package nl.arbeidsmigratie.kg.linkeddata;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
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
import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.Locators;
import nl.arbeidsmigratie.kg.http.Representation;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;
import nl.arbeidsmigratie.kg.vocab.PROV;
import nl.arbeidsmigratie.kg.vocab.SCHEMA;

/** The HTML page of one resource: labels, description, properties with labelled links, incoming links, sources. */
public final class ResourcePage {
    private ResourcePage() {}

    /** @param g the graph plus its VoID/DCAT description */
    public static String render(ServerContext ctx, Graph g, Node node, String lang) {
        boolean nl = "nl".equals(lang);
        String title = Labels.label(g, node, lang);
        StringBuilder b = new StringBuilder();
        b.append("<article class=\"resource\">\n<h1>").append(esc(title)).append("</h1>\n");
        b.append("<p class=\"iri\"><code>").append(esc(node.getURI())).append("</code></p>\n");
        Set<Node> types = new LinkedHashSet<>();
        g.find(node, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> types.add(t.getObject()));
        if (!types.isEmpty()) {
            b.append("<p class=\"types\">").append(nl ? "Soort: " : "Kind: ");
            boolean first = true;
            for (Node t : types) {
                // Inferred super-types would drown the ones the data states.
                if (ctx.kg().inferred().contains(node, RDF.type.asNode(), t)
                        && !ctx.kg().asserted().contains(node, RDF.type.asNode(), t)) continue;
                if (!first) b.append(", ");
                b.append(link(g, t, lang));
                first = false;
            }
            b.append("</p>\n");
        }
        String d = Labels.description(g, node, lang);
        if (d != null) b.append("<p class=\"description\">").append(esc(d)).append("</p>\n");
        b.append(readIt(g, node, lang));

        b.append(sources(g, node, lang));
        b.append("<h2>").append(nl ? "Eigenschappen" : "Properties").append("</h2>\n");
        b.append(table(ctx, g, ResourceServlet.outgoing(g, node), lang, nl ? "Eigenschap" : "Property",
                nl ? "Waarde" : "Value", node));
        Map<Node, List<Node>> in = ResourceServlet.incoming(g, node);
        if (!in.isEmpty()) {
            b.append("<h2>").append(nl ? "Verwijzingen hierheen" : "Links to here").append("</h2>\n");
            b.append(table(ctx, g, in, lang, nl ? "Via" : "Via", nl ? "Van" : "From", null));
        }
        String path = Labels.localPath(node.getURI());
        b.append(formats(path, lang)).append("</article>");
        return Layout.page(ctx, lang, title, path, b.toString(), null);
    }

    /** "As data: Turtle N-Triples …": a link to every RDF syntax of the document at {@code path}. */
    static String formats(String path, String lang) {
        StringBuilder b = new StringBuilder("<p class=\"formats\">").append("nl".equals(lang) ? "Als data: " : "As data: ");
        for (Representation r : Representation.rdf())
            b.append("<a href=\"").append(esc(path)).append("?format=").append(r.shortName()).append("\" type=\"")
                    .append(r.mediaType).append("\">").append(esc(r.label())).append("</a> ");
        return b.append("</p>\n").toString();
    }

    private static String sources(Graph g, Node node, String lang) {
        Set<Node> srcs = new LinkedHashSet<>();
        for (Node p : ResourceServlet.SOURCE_PROPERTIES) g.find(node, p, Node.ANY).forEachRemaining(t -> srcs.add(t.getObject()));
        if (srcs.isEmpty()) return "";
        StringBuilder b = new StringBuilder("<section class=\"sources\"><h2>")
                .append("nl".equals(lang) ? "Bronnen" : "Sources").append("</h2><ul>\n");
        for (Node s : srcs) {
            b.append("<li>").append(link(g, s, lang));
            String url = Labels.literal(g, s, SCHEMA.url, lang);
            if (url != null && (url.startsWith("https://") || url.startsWith("http://")))
                b.append(" — <a rel=\"external\" href=\"").append(esc(url)).append("\">").append(esc(url)).append("</a>");
            b.append("</li>\n");
        }
        String loc = Locators.human(Labels.literal(g, node, AM.locator, lang));
        if (loc != null) b.append("<li>").append("nl".equals(lang) ? "Vindplaats: " : "Locator: ").append(esc(loc)).append("</li>\n");
        return b.append("</ul></section>\n").toString();
    }

    private static String table(ServerContext ctx, Graph g, Map<Node, List<Node>> rows, String lang, String h1, String h2,
                                Node self) {
        StringBuilder b = new StringBuilder("<table class=\"props\"><thead><tr><th scope=\"col\">")
                .append(esc(h1)).append("</th><th scope=\"col\">").append(esc(h2)).append("</th></tr></thead><tbody>\n");
        for (Map.Entry<Node, List<Node>> e : rows.entrySet()) {
            b.append("<tr><th scope=\"row\">").append(propertyLink(g, e.getKey(), lang)).append("</th><td><ul>");
            List<Node> values = new ArrayList<>(e.getValue());
            // Values in the page language first, then those without a language, then the others.
            values.sort(Comparator.comparingInt((Node o) -> !o.isLiteral() ? 1
                    : lang.equalsIgnoreCase(o.getLiteralLanguage()) ? 0 : o.getLiteralLanguage().isEmpty() ? 1 : 2));
            for (Node o : values) {
                boolean inferred = self != null && ctx.kg().inferred().contains(self, e.getKey(), o)
                        && !ctx.kg().asserted().contains(self, e.getKey(), o);
                b.append("<li").append(inferred ? " class=\"inferred\" title=\"" + ("nl".equals(lang) ? "afgeleid" : "inferred") + "\"" : "")
                        .append(">").append(value(g, o, lang)).append("</li>");
            }
            b.append("</ul></td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    static String value(Graph g, Node o, String lang) {
        if (o.isLiteral()) {
            String l = o.getLiteralLanguage();
            String text = esc(o.getLiteralLexicalForm());
            if (!l.isEmpty()) return "<span lang=\"" + esc(l) + "\">" + text + "</span> <small>@" + esc(l) + "</small>";
            String lex = o.getLiteralLexicalForm();
            if ((lex.startsWith("https://") || lex.startsWith("http://")) && !lex.contains(" "))
                return "<a rel=\"external\" href=\"" + text + "\">" + text + "</a>";
            return text;
        }
        if (o.isBlank()) return "<em>[…]</em>";
        return link(g, o, lang);
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
        String own = Labels.literal(g, p, RDFS.label.asNode(), lang);
        boolean inLang = false;
        var it = g.find(p, RDFS.label.asNode(), Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral() && lang.equalsIgnoreCase(o.getLiteralLanguage())) { inLang = true; own = o.getLiteralLexicalForm(); }
        }
        if (inLang) return own;
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
    private static String readIt(Graph g, Node node, String lang) {
        boolean nl = "nl".equals(lang);
        String url = Labels.literal(g, node, SCHEMA.url, lang);
        if (url == null) url = Labels.literal(g, node, FOAF.homepage.asNode(), lang);
        if (url == null) {
            var it = g.find(node, FOAF.homepage.asNode(), Node.ANY);
            if (it.hasNext()) { Node o = it.next().getObject(); if (o.isURI()) url = o.getURI(); }
        }
        if (url != null && (url.startsWith("https://") || url.startsWith("http://")))
            return "<p class=\"read\"><a rel=\"external\" href=\"" + esc(url) + "\">" + (nl ? "Lees de bron" : "Read the source")
                    + "</a> <span class=\"url\">" + esc(url) + "</span></p>\n";
        if (!node.getURI().equals(KG.REPORT)) return "";
        String title = Labels.literal(g, node, DCTerms.title.asNode(), "nl");
        String author = Labels.literal(g, node, AM.authorName, "nl");
        String issued = Labels.literal(g, node, DCTerms.issued.asNode(), "nl");
        return "<section class=\"read\"><h2>" + (nl ? "Het rapport" : "The report") + "</h2>\n<p class=\"cite-report\">"
                + esc(author == null ? "" : author + ", ") + "<cite>" + esc(title == null ? "" : title.replaceAll("\\.$", "")) + "</cite>"
                + esc(issued == null ? "" : " (" + issued + ")") + ".</p>\n<p>"
                + (nl ? "Het rapport vermeldt geen webadres en geen uitgever; deze graaf noemt bij elk feit de vindplaats "
                        + "(hoofdstuk, paragraaf of tabel). Elke vraag op deze site heeft onder ‘Delen en citeren’ een "
                        + "citaat met die vindplaatsen, als tekst, BibTeX en CSL-JSON."
                      : "The report gives no web address and no publisher; this graph names, for every fact, where in "
                        + "the report it stands (chapter, section or table). Every question on this site offers, under "
                        + "‘Share and cite’, a citation with those places, as text, BibTeX and CSL-JSON.")
                + "</p></section>\n";
    }

    public static String link(Graph g, Node n, String lang) {
        String label = esc(Labels.label(g, n, lang));
        String local = Labels.localPath(n.getURI());
        String href = local != null ? local + (local.contains("#") ? "" : "?lang=" + lang) : n.getURI();
        return "<a href=\"" + esc(href) + "\">" + label + "</a>";
    }
}
