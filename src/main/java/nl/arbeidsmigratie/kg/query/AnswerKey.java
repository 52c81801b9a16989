package nl.arbeidsmigratie.kg.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One question asked, in canonical form: the query id, the language and the parameter values after defaults are
 * filled in, short IRIs expanded and dates normalised. Two requests that must get the same answer get equal keys,
 * however they were spelled; the key is what answers are cached and precomputed under.
 */
public record AnswerKey(String queryId, String lang, SortedMap<String, String> params) {
    public AnswerKey {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** e.g. {@code law?law=https%3A%2F%2F…&lang=nl}: stable across runs and machines. */
    public String canonical() {
        StringBuilder b = new StringBuilder(queryId).append('?');
        params.forEach((k, v) -> b.append(enc(k)).append('=').append(enc(v)).append('&'));
        return b.append("lang=").append(lang).toString();
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    @Override public String toString() { return canonical(); }
}
