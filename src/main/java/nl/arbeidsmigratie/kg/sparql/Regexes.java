package nl.arbeidsmigratie.kg.sparql;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import org.apache.jena.sparql.expr.ExprEvalException;

/**
 * SPARQL regular expressions (REGEX, REPLACE, fn:matches, fn:replace) on RE2/J, a linear-time engine: no pattern
 * backtracks, so none runs away on a short input. Linear is still input × pattern, so patterns are capped at
 * {@link Limits#MAX_PATTERN} characters and the input is read through a {@link CharSequence} that checks the query's
 * {@link Budget} as the engine reads it: a match stops at the query's deadline.
 *
 * <p>RE2 has no back-references and no look-around; a pattern that uses them is refused with a message saying so.
 * XPath flags map to RE2's: {@code i s m} directly, {@code x} removes whitespace outside character classes and
 * {@code q} quotes the whole pattern.
 */
final class Regexes {
    private Regexes() {}

    /** A pattern given as a constant in the query: a bad one refuses the whole query (400), naming the problem. */
    static Pattern compileConstant(String pattern, String flags) {
        try {
            return compile(pattern, flags);
        } catch (ExprEvalException e) {
            throw new LimitExceeded(e.getMessage());
        }
    }

    /** A pattern computed per row: a bad one is an expression error for that row, as SPARQL defines. */
    static Pattern compile(String pattern, String flags) {
        if (pattern.length() > Limits.MAX_PATTERN)
            throw new LimitExceeded("a regular expression is longer than " + Limits.MAX_PATTERN + " characters");
        int mask = 0;
        String p = pattern;
        if (flags != null) {
            for (int i = 0; i < flags.length(); i++) {
                switch (flags.charAt(i)) {
                    case 'i' -> mask |= Pattern.CASE_INSENSITIVE;
                    case 's' -> mask |= Pattern.DOTALL;
                    case 'm' -> mask |= Pattern.MULTILINE;
                    case 'x', 'q' -> { }
                    default -> throw new ExprEvalException("regex flags may only be s, m, i, x and q, not '"
                            + flags.charAt(i) + "'");
                }
            }
            if (flags.indexOf('q') >= 0) p = Pattern.quote(p);
            else if (flags.indexOf('x') >= 0) p = withoutWhitespace(p);
        }
        try {
            return Pattern.compile(p, mask);
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException("regular expression not supported here (this endpoint uses RE2: no "
                    + "back-references or look-around): " + e.getDescription());
        }
    }

    /** XPath's {@code x} flag: whitespace is removed, except inside a character class. */
    private static String withoutWhitespace(String p) {
        StringBuilder b = new StringBuilder(p.length());
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                b.append(c).append(p.charAt(++i));
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            if (!inClass && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) continue;
            b.append(c);
        }
        return b.toString();
    }

    static boolean find(Pattern p, String input, Budget budget) {
        return p.matcher(watched(input, budget)).find();
    }

    /**
     * XPath's fn:replace: every non-overlapping match replaced; {@code $N} is group N, {@code \$} and {@code \\} are
     * literal. As Jena does, a zero-length match counts only where it is the first match. The result is capped at
     * {@link Limits#MAX_STRING} characters while it is built. Returns null when nothing matched.
     */
    static String replace(Pattern p, String input, String replacement, Budget budget) {
        Matcher m = p.matcher(watched(input, budget));
        StringBuilder out = null;
        int tail = 0;
        while (m.find()) {
            if (out == null) out = new StringBuilder();
            else if (m.start() == m.end()) continue;
            out.append(input, tail, m.start());
            appendReplacement(out, replacement, m);
            tail = m.end();
            Budget.checkLength(out.length());
        }
        if (out == null) return null;
        out.append(input, tail, input.length());
        Budget.checkLength(out.length());
        return out.toString();
    }

    private static void appendReplacement(StringBuilder out, String r, Matcher m) {
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                if (i + 1 < r.length() && (r.charAt(i + 1) == '\\' || r.charAt(i + 1) == '$')) {
                    out.append(r.charAt(++i));
                    continue;
                }
                throw new ExprEvalException("replacement: a backslash must be followed by \\ or $");
            }
            if (c == '$') {
                // XPath: the longest run of digits that is still a group number of the pattern.
                int j = i + 1;
                if (j >= r.length() || !Character.isDigit(r.charAt(j)))
                    throw new ExprEvalException("replacement: $ must be followed by a group number");
                int group = r.charAt(j) - '0';
                int k = j + 1;
                while (k < r.length() && Character.isDigit(r.charAt(k))) {
                    int longer = group * 10 + (r.charAt(k) - '0');
                    if (longer > m.groupCount()) break;
                    group = longer;
                    k++;
                }
                if (group <= m.groupCount()) {
                    String g = m.group(group);
                    if (g != null) out.append(g);
                }
                i = k - 1;
                Budget.checkLength(out.length());
                continue;
            }
            out.append(c);
        }
        Budget.checkLength(out.length());
    }

    private static CharSequence watched(String s, Budget budget) {
        if (s.length() > Limits.MAX_STRING) Budget.checkLength(s.length());
        return budget == null ? s : new Watched(s, budget);
    }

    /** The input as the engine reads it: every read checks for cancellation, every 256th also the clock. */
    private static final class Watched implements CharSequence {
        private final String s;
        private final Budget budget;
        private int reads;

        Watched(String s, Budget budget) {
            this.s = s;
            this.budget = budget;
        }

        @Override public int length() { return s.length(); }

        @Override public char charAt(int index) {
            if ((++reads & 0xff) == 0 || budget.cancelled()) budget.check();
            return s.charAt(index);
        }

        @Override public CharSequence subSequence(int start, int end) { return s.subSequence(start, end); }
        @Override public String toString() { return s; }
    }
}
