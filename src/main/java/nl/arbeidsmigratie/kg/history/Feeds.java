package nl.arbeidsmigratie.kg.history;

import static nl.arbeidsmigratie.kg.vocab.ATOM.NS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * Atom feeds (RFC 4287) of the new and changed dated statements: one for the whole graph ({@code all}) and one per
 * recommendation, law, measure and responsible body ({@code {type}/{slug}}, as in its IRI), in Dutch and English.
 * Entries are ordered by the release that published them (newest first), so a statement about an old date that a new
 * release adds is at the top. Written at build; an item without statements has an empty feed (served, not stored).
 */
final class Feeds {
    static final String DIR = "feeds";
    static final String ATOM = "application/atom+xml";

    private Feeds() {}

    static void write(List<Statement> statements, List<History.Version> versions, KnowledgeGraph kg, Path dir)
            throws IOException {
        Map<String, Integer> order = new TreeMap<>();
        for (int i = 0; i < versions.size(); i++) order.put(versions.get(i).version(), i);
        List<Statement> sorted = new ArrayList<>(statements);
        sorted.sort(Comparator.<Statement>comparingInt(s -> -order.get(s.version()))
                .thenComparing(s -> s.asOf() == null ? "" : s.asOf(), Comparator.reverseOrder())
                .thenComparing(Statement::iri));
        String updated = versions.get(versions.size() - 1).date();
        Map<String, List<Statement>> byFeed = new TreeMap<>();
        byFeed.put("all", sorted);
        for (Statement s : sorted) {
            for (String iri : s.items()) byFeed.computeIfAbsent(name(iri), k -> new ArrayList<>()).add(s);
            for (String iri : s.bodies()) {
                List<Statement> l = byFeed.computeIfAbsent(name(iri), k -> new ArrayList<>());
                if (!l.contains(s)) l.add(s);
            }
        }
        for (Map.Entry<String, List<Statement>> f : byFeed.entrySet()) {
            if (f.getKey() == null) continue;
            String iri = f.getKey().equals("all") ? null : KG.ID + f.getKey();
            for (String lang : List.of("nl", "en")) {
                Path file = dir.resolve(f.getKey() + "." + lang + ".atom");
                Files.createDirectories(file.getParent());
                Files.write(file, atom(f.getKey(), title(kg, iri, lang), f.getValue(), updated, lang).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** {@code wet/wtta} for an IRI under {@code /id/}; null for any other. */
    static String name(String iri) {
        return iri.startsWith(KG.ID) && iri.substring(KG.ID.length()).matches("[a-z0-9-]+/[A-Za-z0-9._-]+")
                ? iri.substring(KG.ID.length()) : null;
    }

    static String title(KnowledgeGraph kg, String iri, String lang) {
        boolean nl = "nl".equals(lang);
        if (iri == null) return nl ? "Arbeidsmigratie KG: nieuwe en gewijzigde statussen" : "Arbeidsmigratie KG: new and changed statuses";
        String label = Labels.label(kg.all(), org.apache.jena.graph.NodeFactory.createURI(iri), lang);
        return "Arbeidsmigratie KG: " + (label == null ? iri : label);
    }

    /** One feed document. Links point to the IRIs, which dereference to their pages. */
    static String atom(String name, String title, List<Statement> entries, String updated, String lang) {
        boolean nl = "nl".equals(lang);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"").append(NS).append("\" xml:lang=\"").append(lang).append("\">\n")
                .append("  <id>urn:x-arbeidsmigratie-kg:feed:").append(xml(name)).append("</id>\n")
                .append("  <title>").append(xml(title)).append("</title>\n")
                .append("  <updated>").append(dateTime(entries.isEmpty() ? updated : entries.get(0).releaseDate())).append("</updated>\n")
                .append("  <author><name>Arbeidsmigratie KG</name></author>\n")
                .append("  <link rel=\"self\" type=\"").append(ATOM).append("\" href=\"/feeds/").append(xml(name))
                .append(".atom?lang=").append(lang).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(name.equals("all") ? "/releases/?lang=" + lang
                        : xml(KG.ID + name)).append("\"/>\n");
        for (Statement s : entries) {
            b.append("  <entry>\n")
                    .append("    <id>").append(xml(s.memberIri())).append("</id>\n")
                    .append("    <title>").append(xml(s.label(lang))).append("</title>\n")
                    .append("    <updated>").append(dateTime(s.releaseDate())).append("</updated>\n")
                    .append("    <published>").append(dateTime(s.releaseDate())).append("</published>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(s.iri())).append("\"/>\n");
            for (String src : s.sources()) b.append("    <link rel=\"related\" href=\"").append(xml(src)).append("\"/>\n");
            if (s.status() != null)
                b.append("    <category term=\"").append(xml(s.status())).append("\" label=\"")
                        .append(xml(s.statusLabel().getOrDefault(lang, s.status()))).append("\"/>\n");
            String what = (s.isNew() ? (nl ? "Nieuw" : "New") : (nl ? "Gewijzigd" : "Changed"))
                    + (nl ? " in uitgave " : " in release ") + s.version() + ". "
                    + (s.asOf() == null ? "" : (nl ? "Peildatum " : "As of ") + s.asOf()
                    + (s.scheduled() ? (nl ? " (gepland)" : " (scheduled)") : "") + ". ")
                    + s.description().getOrDefault(lang, s.description().getOrDefault("nl", ""))
                    + (s.sources().isEmpty() ? "" : (nl ? " Bron: " : " Source: ") + String.join(", ", s.sources()));
            b.append("    <summary>").append(xml(what)).append("</summary>\n  </entry>\n");
        }
        return b.append("</feed>\n").toString();
    }

    static String dateTime(String date) { return date + "T00:00:00Z"; }

    /** XML text: the five special characters escaped, characters XML 1.0 cannot carry dropped. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
                        b.appendCodePoint(c);
                }
            }
        });
        return b.toString();
    }
}
