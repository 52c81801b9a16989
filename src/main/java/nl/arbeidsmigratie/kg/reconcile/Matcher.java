package nl.arbeidsmigratie.kg.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import nl.arbeidsmigratie.kg.search.SearchIndex;

/**
 * Finds the things a name written in a spreadsheet means, on the search index built at {@code mvn package}.
 *
 * <p>Three levels, best first. An identifier (BWB id, Kamerstuk, Staatsblad), however it is written ("Kamerstuk
 * 36446", "kst 36446", "BWBR0007149"), names one thing: score 100, a sure match. A name that equals one of a thing's
 * names (labels, titles, short titles such as Wtta, abbreviations such as NLA, former names such as Inspectie SZW),
 * folded (case and accents ignored): score 100. The same after dropping the words people add or leave out ("de",
 * "het", "wet", "ministerie van", "(NLA)"): score 95. Either is sure only when exactly one thing of the wanted types
 * has that name. Anything else goes to the home search's ranking (prefixes, parts of compounds, typos), scored below
 * 90 and never a sure match.
 */
final class Matcher {
    static final double EXACT = 100, CORE = 95, SEARCH_CEILING = 90;
    /** Words that carry no identity: articles, prepositions, and the kind words readers add ("wet", "ministerie"). */
    static final Set<String> STOP_WORDS = Set.of("de", "het", "een", "van", "der", "den", "en", "voor", "op", "in",
            "the", "of", "and", "for", "wet", "act", "ministerie", "ministry", "stichting");
    /** Words that only say which register a number is from. */
    private static final Set<String> ID_WORDS = Set.of("kamerstuk", "kamerstukken", "kst", "dossier", "dossiernummer",
            "bwb", "id", "bwbid", "stb", "staatsblad", "nr", "no", "nummer");

    /** A candidate: the thing's IRI, its score (0–100), whether it is sure, and why (for features). */
    record Candidate(String iri, double score, boolean sure, String how) {}

    private final SearchIndex index;
    private final Map<String, Set<String>> byName = new HashMap<>(), byCore = new HashMap<>(), byId = new HashMap<>();

    Matcher(SearchIndex index) {
        this.index = index;
        for (SearchIndex.Entry e : index.entries()) {
            if (e.isQuestion()) continue;
            for (String n : e.names()) {
                for (String variant : variants(n)) {
                    add(byName, SearchIndex.fold(variant), e.target());
                    add(byCore, core(variant), e.target());
                }
            }
            for (String id : e.identifiers()) add(byId, idKey(id), e.target());
        }
    }

    private static void add(Map<String, Set<String>> m, String key, String iri) {
        if (!key.isEmpty()) m.computeIfAbsent(key, k -> new TreeSet<>()).add(iri);
    }

    /** A name as written and without what stands in brackets: "Wet arbeid vreemdelingen (Wav)" is also "… vreemdelingen". */
    static List<String> variants(String name) {
        String bare = name.replaceAll("\\([^)]*\\)", " ").strip();
        return bare.isEmpty() || bare.equals(name.strip()) ? List.of(name) : List.of(name, bare);
    }

    /** The folded name without stop words; the folded name itself when nothing else is left. */
    static String core(String name) {
        String folded = SearchIndex.fold(name);
        String c = Arrays.stream(folded.split(" ")).filter(t -> !t.isEmpty() && !STOP_WORDS.contains(t))
                .collect(Collectors.joining(" "));
        return c.isEmpty() ? folded : c;
    }

    /** An identifier as a key: register words and separators dropped ("Kamerstuk 36 446" → "36446"); empty if no digit. */
    static String idKey(String s) {
        String c = Arrays.stream(SearchIndex.fold(s).split(" ")).filter(t -> !ID_WORDS.contains(t))
                .collect(Collectors.joining(""));
        return c.chars().anyMatch(Character::isDigit) ? c : "";
    }

    /**
     * The best candidates for {@code query} among the things {@code wanted} accepts, best first, at most
     * {@code limit}. A query that has a sure answer skips the search ranking: the batch stays fast.
     */
    List<Candidate> match(String query, Predicate<String> wanted, int limit) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        Set<String> ids = filter(byId.get(idKey(query)), wanted);
        for (String iri : ids) found.put(iri, new Candidate(iri, EXACT, ids.size() == 1, "identifier"));
        Set<String> exact = new TreeSet<>(), cores = new TreeSet<>();
        for (String v : variants(query)) {
            exact.addAll(filter(byName.get(SearchIndex.fold(v)), wanted));
            cores.addAll(filter(byCore.get(core(v)), wanted));
        }
        for (String iri : exact) found.putIfAbsent(iri, new Candidate(iri, EXACT, exact.size() == 1 && ids.isEmpty(), "name"));
        for (String iri : cores)
            found.putIfAbsent(iri, new Candidate(iri, CORE, exact.isEmpty() && ids.isEmpty() && cores.size() == 1, "core name"));
        boolean sure = found.values().stream().anyMatch(Candidate::sure);
        if (!sure) {
            // The home search's ranking; asked for more than needed because the type filter drops some.
            for (SearchIndex.Hit h : index.search(query, Math.max(limit * 4, 20))) {
                String iri = h.entry().target();
                if (h.entry().isQuestion() || found.containsKey(iri) || !wanted.test(iri)) continue;
                double s = Math.min(SEARCH_CEILING - 1, SEARCH_CEILING * h.score() / (h.score() + 25));
                found.put(iri, new Candidate(iri, Math.round(s * 10) / 10.0, false, "search"));
            }
        }
        List<Candidate> out = new ArrayList<>(found.values());
        // stable: equal scores keep the order they were found in (identifier, name, core name, search rank)
        out.sort(Comparator.comparingDouble((Candidate c) -> -c.score()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private static Set<String> filter(Set<String> iris, Predicate<String> wanted) {
        if (iris == null) return Set.of();
        Set<String> out = new TreeSet<>();
        for (String iri : iris) if (wanted.test(iri)) out.add(iri);
        return out;
    }
}
