package nl.arbeidsmigratie.kg.sparql;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A look at the query text before Jena parses it: one pass over the characters, no recursion, that refuses what would
 * make parsing or the recursive walks over the parsed query slow or deep. Jena's parser is quadratic in the number
 * of variables (a 250 KB query of 50,000 variables took 45 s to parse), and it, the algebra and every transform
 * recurse as deep as the brackets nest and as long as an operator chain is (40,000 {@code +} overflowed the stack).
 * Strings, IRIs and comments are skipped, so their content never counts.
 */
final class QueryText {
    private QueryText() {}

    /** Keywords that each nest the algebra one level deeper when repeated. */
    private static final Set<String> NESTING = Set.of("UNION", "OPTIONAL", "MINUS", "BIND", "FILTER", "GRAPH",
            "SERVICE", "EXISTS", "VALUES", "LATERAL");

    /** Throws {@link LimitExceeded} (400) naming the limit the text goes past. */
    static void check(String q) {
        Set<String> vars = new HashSet<>();
        int depth = 0;
        int operators = 0;
        int n = q.length();
        int i = 0;
        while (i < n) {
            char c = q.charAt(i);
            if (c == '#') {
                while (i < n && q.charAt(i) != '\n' && q.charAt(i) != '\r') i++;
            } else if (c == '"' || c == '\'') {
                i = skipString(q, i);
            } else if (c == '<' && iriEnd(q, i) > 0) {
                i = iriEnd(q, i);
            } else if ((c == '?' || c == '$') && i + 1 < n && isNameChar(q.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && isNameChar(q.charAt(j))) j++;
                if (vars.add(q.substring(i + 1, j)) && vars.size() > Limits.MAX_VARIABLES)
                    throw new LimitExceeded("the query has more than " + Limits.MAX_VARIABLES
                            + " distinct variables, the limit of this endpoint");
                i = j;
            } else if (isNameChar(c) || c == ':') {
                int j = i;
                while (j < n && (isNameChar(q.charAt(j)) || q.charAt(j) == ':' || q.charAt(j) == '-'
                        || q.charAt(j) == '.' && j + 1 < n && isNameChar(q.charAt(j + 1)))) j++;
                if (j - i <= 8 && NESTING.contains(q.substring(i, j).toUpperCase(Locale.ROOT))) operators++;
                i = j;
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    if (++depth > Limits.MAX_DEPTH)
                        throw new LimitExceeded("the query nests brackets deeper than " + Limits.MAX_DEPTH
                                + " levels, the limit of this endpoint");
                } else if (c == ')' || c == ']' || c == '}') {
                    depth = Math.max(0, depth - 1);
                } else if ("+-*/=!<>&|^".indexOf(c) >= 0) {
                    operators++;
                }
                i++;
            }
            if (operators > Limits.MAX_OPERATORS)
                throw new LimitExceeded("the query has more than " + Limits.MAX_OPERATORS
                        + " operators and nesting keywords, the limit of this endpoint");
        }
    }

    /** Letters, digits, underscore and non-ASCII: what SPARQL names are made of. */
    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80;
    }

    /** The index after an IRI reference that starts at {@code i}, or -1 when the {@code <} is an operator. */
    private static int iriEnd(String q, int i) {
        for (int j = i + 1; j < q.length(); j++) {
            char c = q.charAt(j);
            if (c == '>') return j + 1;
            if (c <= ' ' || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\')
                return -1;
        }
        return -1;
    }

    /** The index after a string literal that starts at {@code i} (short or long form, with escapes). */
    private static int skipString(String q, int i) {
        char quote = q.charAt(i);
        int n = q.length();
        boolean isLong = i + 2 < n && q.charAt(i + 1) == quote && q.charAt(i + 2) == quote;
        int j = i + (isLong ? 3 : 1);
        while (j < n) {
            char c = q.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote) {
                if (!isLong) return j + 1;
                if (j + 2 < n && q.charAt(j + 1) == quote && q.charAt(j + 2) == quote) return j + 3;
            } else if (!isLong && (c == '\n' || c == '\r')) {
                return j;
            }
            j++;
        }
        return n;
    }
}
