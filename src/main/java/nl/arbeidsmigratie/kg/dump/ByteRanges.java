package nl.arbeidsmigratie.kg.dump;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@code Range: bytes=…} header read against a file's length (RFC 9110 §14.2), before Jetty's resource service
 * sees it. Overlapping and adjacent ranges are merged and the rest put in ascending order (§14.3 allows both), so
 * {@code bytes=0-0,0-1,0-2,0-} is one range; past {@link #MAX_RANGES} ranges the header is ignored and the whole
 * file sent (§14.2: "many small ranges" signal a broken client or an attack; Apache's MaxRanges does the same).
 * Parsed by hand: a regular expression over 10,000 ranges overflowed the stack (a 500).
 */
record ByteRanges(Outcome outcome, List<long[]> ranges) {
    /** Ranges left after merging at most; more and the header is ignored. */
    static final int MAX_RANGES = 16;
    /** Numbers longer than this are beyond any file (and beyond a long). */
    private static final int MAX_DIGITS = 18;

    enum Outcome {
        /** Send these ranges (one or more, merged, ascending). */
        PARTIAL,
        /** Send the whole file: too many ranges. */
        WHOLE,
        /** 416: not a byte range, or none of the ranges lies within the file. */
        UNSATISFIABLE
    }

    static ByteRanges parse(String header, long length) {
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) return unsatisfiable();
        List<long[]> ranges = new ArrayList<>();
        for (String part : h.substring(6).split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty()) continue; // RFC 9110 §5.6.1: empty list elements are ignored
            int dash = p.indexOf('-');
            if (dash < 0) return unsatisfiable();
            String first = p.substring(0, dash).strip(), last = p.substring(dash + 1).strip();
            if (!digits(first, true) || !digits(last, true) || (first.isEmpty() && last.isEmpty())) return unsatisfiable();
            long from, to;
            if (first.isEmpty()) { // a suffix: the last N bytes
                long n = Long.parseLong(last);
                if (n == 0) continue;
                from = Math.max(0, length - n);
                to = length - 1;
            } else {
                from = Long.parseLong(first);
                to = last.isEmpty() ? length - 1 : Math.min(Long.parseLong(last), length - 1);
                if (!last.isEmpty() && Long.parseLong(last) < from) return unsatisfiable();
            }
            if (from < length && from <= to) ranges.add(new long[] {from, to});
        }
        if (ranges.isEmpty()) return unsatisfiable();
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : ranges) {
            long[] prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null && r[0] <= prev[1] + 1) prev[1] = Math.max(prev[1], r[1]);
            else merged.add(r.clone());
        }
        if (merged.size() > MAX_RANGES) return new ByteRanges(Outcome.WHOLE, List.of());
        return new ByteRanges(Outcome.PARTIAL, List.copyOf(merged));
    }

    /** The ranges as a header Jetty reads: {@code bytes=0-99,200-299}. */
    String header() {
        StringBuilder b = new StringBuilder("bytes=");
        for (long[] r : ranges) b.append(b.length() > 6 ? "," : "").append(r[0]).append('-').append(r[1]);
        return b.toString();
    }

    private static ByteRanges unsatisfiable() {
        return new ByteRanges(Outcome.UNSATISFIABLE, List.of());
    }

    private static boolean digits(String s, boolean emptyOk) {
        if (s.isEmpty()) return emptyOk;
        if (s.length() > MAX_DIGITS) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
