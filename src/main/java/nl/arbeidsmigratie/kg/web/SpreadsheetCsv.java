package nl.arbeidsmigratie.kg.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

import nl.arbeidsmigratie.kg.http.Values;

/**
 * The page's CSV download, made for spreadsheets: a UTF-8 byte-order mark (so Excel reads the accents), headers in
 * the page language, and for Dutch {@code ;} as separator and a decimal comma (what Dutch Excel expects). The
 * values are the same answer the page and the API show; the API's own CSV ({@code format=csv}) stays RFC 4180
 * with the query's variable names.
 */
final class SpreadsheetCsv {
    private SpreadsheetCsv() {}

    static byte[] of(List<String> vars, List<Map<String, Node>> rows, String lang) {
        boolean nl = !"en".equals(lang);
        char sep = nl ? ';' : ',';
        StringBuilder b = new StringBuilder("\uFEFF");
        for (int i = 0; i < vars.size(); i++) {
            if (i > 0) b.append(sep);
            b.append(field(heading(vars.get(i), vars, lang), sep));
        }
        b.append("\r\n");
        for (Map<String, Node> row : rows) {
            for (int i = 0; i < vars.size(); i++) {
                if (i > 0) b.append(sep);
                b.append(field(value(row.get(vars.get(i)), lang), sep));
            }
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** "Aanbeveling" for the label column, "Aanbeveling (IRI)" for the IRI it names. */
    static String heading(String c, List<String> vars, String lang) {
        String base = AnswerTable.base(c);
        String words = Words.of(base, lang);
        if (!c.endsWith("Label") && vars.contains(c + "Label")) return words + " (IRI)";
        return words;
    }

    private static String value(Node n, String lang) {
        if (n == null) return "";
        if (n.isURI()) return n.getURI();
        if (!n.isLiteral()) return "";
        String lex = n.getLiteralLexicalForm();
        String dt = n.getLiteralDatatypeURI();
        if (XSDDatatype.XSDboolean.getURI().equals(dt)) return Values.yesNo("true".equals(lex) || "1".equals(lex), lang);
        if (!"en".equals(lang) && dt != null && (dt.equals(XSDDatatype.XSDdecimal.getURI()) || dt.equals(XSDDatatype.XSDdouble.getURI())
                || dt.equals(XSDDatatype.XSDfloat.getURI())))
            return lex.replace('.', ',');
        return lex;
    }

    private static String field(String s, char sep) {
        if (s.indexOf(sep) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)
            return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}
