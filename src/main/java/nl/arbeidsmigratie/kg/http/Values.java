package nl.arbeidsmigratie.kg.http;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

/**
 * A value of an answer as a reader of the page language writes it: ja/nee, 1.000.000, 13 mei 2024, 2005–2016.
 * Each value also has a sort key (the ISO date, the plain number) that the page keeps in a {@code data-sort}
 * attribute, so sorting follows the value, not its words.
 */
public final class Values {
    private Values() {}

    /** The words of a value and the key it sorts by (null: sort by the words). */
    public record Shown(String text, String sortKey) {}

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern INTERVAL = Pattern.compile("(\\d{4}(?:-\\d{2}(?:-\\d{2})?)?)/(\\d{4}(?:-\\d{2}(?:-\\d{2})?)?)");
    /** A plain number written by a query as text ("225300", "40,9", "28.7"), maybe followed by a note in brackets. */
    private static final Pattern NUMBER_TEXT = Pattern.compile("(-?\\d+)(?:[.,](\\d+))?( \\(.*\\))?");

    public static Locale locale(String lang) {
        return "en".equals(lang) ? Locale.UK : Locale.forLanguageTag("nl-NL");
    }

    /**
     * A literal by its datatype. Plain strings that are ISO dates or periods are read as such; a plain string that
     * is a number is formatted only when {@code numbersInText} (identifiers such as a Kamerstuk number are strings
     * of digits too).
     */
    public static Shown literal(Node n, String lang, boolean numbersInText) {
        String lex = n.getLiteralLexicalForm();
        String dt = n.getLiteralDatatypeURI();
        if (XSDDatatype.XSDboolean.getURI().equals(dt)) {
            boolean b = "true".equals(lex) || "1".equals(lex);
            return new Shown(yesNo(b, lang), b ? "1" : "0");
        }
        if (dt != null && isNumeric(dt)) {
            try {
                BigDecimal d = new BigDecimal(lex.strip());
                return new Shown(number(d, lang), d.toPlainString());
            } catch (NumberFormatException e) {
                return new Shown(lex, null);
            }
        }
        return text(lex, lang, numbersInText);
    }

    /** A string as the page shows it: dates and periods in words, numbers with the locale's separators. */
    public static Shown text(String s, String lang, boolean numbersInText) {
        String t = s.strip();
        String date = dateWords(t, lang);
        if (date != null) return new Shown(date, t);
        Matcher iv = INTERVAL.matcher(t);
        if (iv.matches()) {
            String a = dateWords(iv.group(1), lang), b = dateWords(iv.group(2), lang);
            if (a != null && b != null) return new Shown(a + "–" + b, t);
        }
        // Several dates in one cell (a list of planned dates): each in words.
        if (t.contains(" ") && t.split("\\s+").length > 1) {
            StringBuilder out = new StringBuilder();
            for (String part : t.split("\\s+")) {
                String w = dateWords(part, lang);
                if (w == null) { out = null; break; }
                if (out.length() > 0) out.append(", ");
                out.append(w);
            }
            if (out != null) return new Shown(out.toString(), t);
        }
        Matcher m = NUMBER_TEXT.matcher(t);
        if (numbersInText && m.matches() && !YEAR.matcher(t).matches()) {
            BigDecimal d = new BigDecimal(m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)));
            return new Shown(number(d, lang) + (m.group(3) == null ? "" : m.group(3)), d.toPlainString());
        }
        return new Shown(s, null);
    }

    private static final Pattern ISO_DATE_IN_TEXT = Pattern.compile("(?<![\\w/-])(\\d{4}-\\d{2}-\\d{2})(?![\\w/-])");

    /**
     * A running text (a note, a label) with the ISO dates in it written out: "volgens het rapport (2025-06-27)" →
     * "volgens het rapport (27 juni 2025)". Dates inside an address or a name with hyphens stay as they are.
     */
    public static String datesInText(String s, String lang) {
        if (s == null || s.indexOf('-') < 0) return s;
        Matcher m = ISO_DATE_IN_TEXT.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String w = dateWords(m.group(1), lang);
            m.appendReplacement(out, Matcher.quoteReplacement(w == null ? m.group(1) : w));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String yesNo(boolean b, String lang) {
        return "en".equals(lang) ? (b ? "yes" : "no") : (b ? "ja" : "nee");
    }

    public static String number(BigDecimal d, String lang) {
        // As many decimals as the source wrote: "6,0" stays "6,0".
        NumberFormat f = NumberFormat.getNumberInstance(locale(lang));
        f.setMaximumFractionDigits(Math.max(0, d.scale()));
        f.setMinimumFractionDigits(Math.max(0, d.scale()));
        f.setGroupingUsed(true);
        return f.format(d);
    }

    /** "2024-05-13" → "13 mei 2024", "2024-05" → "mei 2024", "2024" → "2024"; null when it is no date. */
    public static String dateWords(String s, String lang) {
        try {
            if (ISO_DATE.matcher(s).matches())
                return LocalDate.parse(s).format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale(lang)));
            if (ISO_MONTH.matcher(s).matches())
                return YearMonth.parse(s).format(DateTimeFormatter.ofPattern("MMMM yyyy", locale(lang)));
        } catch (DateTimeParseException e) {
            return null;
        }
        if (YEAR.matcher(s).matches()) return s;
        return null;
    }

    /** True for a literal typed as a number (xsd:decimal, xsd:integer …); a string of digits is not one. */
    public static boolean isNumber(Node n) {
        return n.isLiteral() && n.getLiteralDatatypeURI() != null && isNumeric(n.getLiteralDatatypeURI());
    }

    private static boolean isNumeric(String dt) {
        return dt.equals(XSDDatatype.XSDinteger.getURI()) || dt.equals(XSDDatatype.XSDdecimal.getURI())
                || dt.equals(XSDDatatype.XSDdouble.getURI()) || dt.equals(XSDDatatype.XSDfloat.getURI())
                || dt.equals(XSDDatatype.XSDint.getURI()) || dt.equals(XSDDatatype.XSDlong.getURI())
                || dt.equals(XSDDatatype.XSDnonNegativeInteger.getURI())
                || dt.equals(XSDDatatype.XSDpositiveInteger.getURI());
    }
}
