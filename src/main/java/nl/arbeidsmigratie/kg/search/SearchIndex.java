package nl.arbeidsmigratie.kg.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.ELI;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * The home page's search: every named thing in the graph (by rdfs:label, skos:prefLabel, skos:altLabel and
 * dct:title, in Dutch and English, abbreviations included) and every prepared question, in a small inverted index
 * built at {@code mvn package} and stored in the release ({@code search.bin}).
 *
 * <p>Matching works on folded tokens (lower case, accents removed): a query token matches an indexed token exactly,
 * as its prefix, inside it (Dutch compounds: "inspectie" finds "Arbeidsinspectie") or within one or two edits (typos),
 * in falling weight. Tokens are weighted by their rarity (IDF), names outweigh descriptions, and a name that equals
 * the query (an abbreviation such as "NLA") or starts with it ranks first. The test
 * {@code SearchIndexTest} measures the ranking against a list of reader queries and their expected answers.
 */
public final class SearchIndex {
    private static final int MAGIC = 0x4b475332; // "KGS2"
    /** Field weights: a name counts three times a description. */
    static final int NAME = 0, DESCRIPTION = 1;
    private static final double[] FIELD_WEIGHT = {3.0, 1.0};

    /**
     * One searchable thing: an IRI of the graph or a question ({@code q:ID}), with its texts. {@code identifiers} are
     * register numbers that name exactly one thing (BWB id, Kamerstuk, Staatsblad): searched as names, and a sure
     * match for the reconciliation service.
     */
    public record Entry(String target, List<String> names, List<String> descriptions, List<String> identifiers) {
        public Entry(String target, List<String> names, List<String> descriptions) {
            this(target, names, descriptions, List.of());
        }
        public boolean isQuestion() { return target.startsWith("q:"); }
    }

    /** A hit: the entry and its score. */
    public record Hit(Entry entry, double score) {}

    private final String dataVersion;
    private final List<Entry> entries;
    /** Sorted vocabulary of folded tokens and, per token, postings: entry id × 2 + field. */
    private final String[] vocab;
    private final int[][] postings;
    /** Folded names per entry, for whole-name and prefix bonuses. */
    private final String[][] foldedNames;

    private SearchIndex(String dataVersion, List<Entry> entries) {
        this.dataVersion = dataVersion;
        this.entries = List.copyOf(entries);
        TreeMap<String, TreeSet<Integer>> inv = new TreeMap<>();
        foldedNames = new String[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            foldedNames[i] = e.names().stream().map(SearchIndex::fold).toArray(String[]::new);
            for (String n : e.names()) for (String t : tokens(n)) inv.computeIfAbsent(t, k -> new TreeSet<>()).add(i * 2 + NAME);
            for (String n : e.identifiers()) for (String t : tokens(n)) inv.computeIfAbsent(t, k -> new TreeSet<>()).add(i * 2 + NAME);
            for (String d : e.descriptions())
                for (String t : tokens(d)) inv.computeIfAbsent(t, k -> new TreeSet<>()).add(i * 2 + DESCRIPTION);
        }
        vocab = inv.keySet().toArray(String[]::new);
        postings = new int[vocab.length][];
        int k = 0;
        for (TreeSet<Integer> p : inv.values()) postings[k++] = p.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Collects the entries from the graph and the questions: the build step. */
    public static SearchIndex build(KnowledgeGraph kg, QueryCatalog catalog) {
        Graph g = kg.asserted();
        Map<String, Entry> byIri = new LinkedHashMap<>();
        // Names as readers write them: labels, titles, short titles (Wtta) and former names (Inspectie SZW).
        Node[] nameProps = {RDFS.label.asNode(), SKOS.prefLabel.asNode(), SKOS.altLabel.asNode(), DCTerms.title.asNode(),
                ELI.title, ELI.titleShort, AM.formerName};
        Node[] idProps = {ELI.idLocal, AM.kamerstuk, AM.staatsblad};
        Node[] descProps = {DCTerms.description.asNode(), SKOS.definition.asNode()};
        TreeSet<String> subjects = new TreeSet<>();
        for (Node p : nameProps) g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
            // things, not the ontology's terms or skolem nodes
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(KG.ID))
                subjects.add(t.getSubject().getURI());
        });
        for (String iri : subjects) {
            Node s = org.apache.jena.graph.NodeFactory.createURI(iri);
            List<String> names = new ArrayList<>(), descs = new ArrayList<>(), ids = new ArrayList<>();
            for (Node p : nameProps) literals(g, s, p, names);
            for (Node p : descProps) literals(g, s, p, descs);
            for (Node p : idProps) literals(g, s, p, ids);
            byIri.put(iri, new Entry(iri, dedupe(names), dedupe(descs), dedupe(ids)));
        }
        List<Entry> entries = new ArrayList<>();
        if (catalog != null)
            for (PreparedQuery q : catalog.all())
                entries.add(new Entry("q:" + q.id(), List.of(q.title("nl"), q.title("en")),
                        List.of(q.description("nl"), q.description("en"))));
        entries.addAll(byIri.values());
        return new SearchIndex(kg.dataVersion(), entries);
    }

    private static void literals(Graph g, Node s, Node p, List<String> out) {
        g.find(s, p, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral()) out.add(t.getObject().getLiteralLexicalForm());
        });
        out.sort(null);
    }

    private static List<String> dedupe(List<String> l) {
        return List.copyOf(new java.util.LinkedHashSet<>(l));
    }

    public String dataVersion() { return dataVersion; }
    public int size() { return entries.size(); }
    public int vocabularySize() { return vocab.length; }
    /** Every entry, questions first, then things by IRI: the order of the build. */
    public List<Entry> entries() { return entries; }

    /** The best hits for a query, best first; at most {@code limit}. */
    public List<Hit> search(String query, int limit) {
        List<String> qt = tokens(query);
        if (qt.isEmpty()) return List.of();
        String fq = fold(query);
        int n = entries.size();
        double[] score = new double[n];
        int[] matched = new int[n];
        for (int qi = 0; qi < qt.size(); qi++) {
            String t = qt.get(qi);
            // best weight per entry for this query token
            double[] best = new double[n];
            for (int v = 0; v < vocab.length; v++) {
                double m = match(t, vocab[v]);
                if (m == 0) continue;
                double idf = Math.log(1.0 + (double) n / postings[v].length);
                for (int p : postings[v]) {
                    int e = p >> 1;
                    double w = m * idf * FIELD_WEIGHT[p & 1];
                    if (w > best[e]) best[e] = w;
                }
            }
            for (int e = 0; e < n; e++) if (best[e] > 0) { score[e] += best[e]; matched[e]++; }
        }
        List<Hit> hits = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            if (score[e] == 0) continue;
            double coverage = (double) matched[e] / qt.size();
            double s = score[e] * coverage * coverage;
            double nameBonus = 0;
            for (String name : foldedNames[e]) {
                if (name.equals(fq)) { nameBonus = 100; break; }
                double b = 0;
                if (name.startsWith(fq + " ") || name.endsWith(" " + fq)) b += 20;
                // The more of a name the query covers, the more that name is what the reader typed.
                int nameTokens = name.split(" ").length;
                int covered = 0;
                for (String t : qt) if ((" " + name + " ").contains(" " + t + " ")) covered++;
                b += 12.0 * covered / nameTokens;
                nameBonus = Math.max(nameBonus, b);
            }
            s += nameBonus + PRIOR.getOrDefault(kindOf(entries.get(e).target()), 0.0);
            hits.add(new Hit(entries.get(e), s));
        }
        hits.sort(Comparator.comparingDouble((Hit h) -> -h.score())
                .thenComparingInt(h -> shortestName(h.entry()))
                .thenComparing(h -> h.entry().target()));
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    /** Things a reader looks up by name come before the claims about them. */
    private static final Map<String, Double> PRIOR = Map.of("organisatie", 3.0, "persoon", 3.0, "wet", 3.0,
            "thema", 2.0, "beoordeling", -4.0);

    private static String kindOf(String target) {
        if (!target.startsWith(KG.ID)) return "";
        String rest = target.substring(KG.ID.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static int shortestName(Entry e) {
        return e.names().stream().mapToInt(String::length).min().orElse(999);
    }

    /** How well query token {@code q} matches indexed token {@code t}: 1 exact, .8 prefix, .5 inside, .35 typo. */
    static double match(String q, String t) {
        if (t.equals(q)) return 1.0;
        if (q.length() >= 2 && t.startsWith(q)) return 0.8;
        // a plural or inflected query ("aanbevelingen" for "aanbeveling")
        if (t.length() >= 4 && q.startsWith(t) && q.length() - t.length() <= 2) return 0.7;
        if (q.length() >= 4 && t.contains(q)) return 0.5;
        int max = q.length() >= 8 ? 2 : q.length() >= 5 ? 1 : 0;
        // typos: same first letter (readers rarely get that wrong), one or two edits
        if (max > 0 && t.charAt(0) == q.charAt(0) && Math.abs(t.length() - q.length()) <= max
                && distance(q, t, max) <= max) return 0.35;
        return 0;
    }

    /** Damerau–Levenshtein (optimal string alignment) distance, giving up above {@code max}. */
    static int distance(String a, String b, int max) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
        }
        return d[a.length()][b.length()];
    }

    /** Lower case, accents removed, anything but letters and digits a space. */
    public static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static List<String> tokens(String s) {
        String f = fold(s);
        if (f.isEmpty()) return List.of();
        return Arrays.stream(f.split(" ")).filter(t -> !t.isEmpty()).distinct().toList();
    }

    // ---- stored in the release

    public static final String FILE = "search.bin";

    public void write(OutputStream raw) throws IOException {
        DataOutputStream out = new DataOutputStream(raw);
        out.writeInt(MAGIC);
        out.writeUTF(dataVersion);
        out.writeInt(entries.size());
        for (Entry e : entries) {
            out.writeUTF(e.target());
            out.writeInt(e.names().size());
            for (String s : e.names()) out.writeUTF(s);
            out.writeInt(e.descriptions().size());
            for (String s : e.descriptions()) out.writeUTF(s);
            out.writeInt(e.identifiers().size());
            for (String s : e.identifiers()) out.writeUTF(s);
        }
        out.flush();
    }

    public static SearchIndex read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (in.readInt() != MAGIC) throw new IOException("not a search index");
        String version = in.readUTF();
        int n = in.readInt();
        List<Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String target = in.readUTF();
            List<String> names = new ArrayList<>(), descs = new ArrayList<>(), ids = new ArrayList<>();
            for (int k = in.readInt(); k > 0; k--) names.add(in.readUTF());
            for (int k = in.readInt(); k > 0; k--) descs.add(in.readUTF());
            for (int k = in.readInt(); k > 0; k--) ids.add(in.readUTF());
            entries.add(new Entry(target, names, descs, ids));
        }
        return new SearchIndex(version, entries);
    }

    /** The index the release stores, when it belongs to this graph; else one built now (a {@code --source} run). */
    public static SearchIndex forGraph(KnowledgeGraph kg, QueryCatalog catalog) {
        Path file = kg.source().releaseDir().resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
                SearchIndex stored = read(in);
                if (stored.dataVersion().equals(kg.dataVersion())) return stored;
            } catch (IOException e) {
                // fall through: build it
            }
        }
        return build(kg, catalog);
    }

    /** Entries by target, for tests. */
    Map<String, Entry> byTarget() {
        Map<String, Entry> m = new HashMap<>();
        entries.forEach(e -> m.put(e.target(), e));
        return m;
    }
}
