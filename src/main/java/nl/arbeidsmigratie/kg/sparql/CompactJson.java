package nl.arbeidsmigratie.kg.sparql;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;

/**
 * SPARQL 1.1 Query Results JSON written straight into UTF-8 bytes, without indentation: the same document Jena's
 * writer gives, less its white space, at a fraction of its cost (Jena's writer goes through an indenting character
 * writer, which the benchmarks showed to be most of the time of a small ad-hoc query). {@link SparqlResults} uses it
 * for SELECT results of {@code /kg/sparql} when JSON was chosen; everything else goes to Jena's writers.
 */
public final class CompactJson {
    private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private CompactJson() {}

    /** Writes the rows as SPARQL results JSON to {@code os} (flushed, not closed). */
    public static void write(OutputStream os, RowSet rows) throws IOException {
        Out out = new Out(os);
        write(out, rows);
        out.flush();
    }

    static void write(Out out, RowSet rows) throws IOException {
        List<Var> vars = rows.getResultVars();
        out.ascii("{\"head\":{\"vars\":[");
        for (int i = 0; i < vars.size(); i++) {
            if (i > 0) out.ascii(",");
            out.string(vars.get(i).getVarName());
        }
        out.ascii("]},\"results\":{\"bindings\":[");
        boolean firstRow = true;
        while (rows.hasNext()) {
            Binding b = rows.next();
            out.ascii(firstRow ? "{" : ",{");
            firstRow = false;
            boolean first = true;
            for (Var v : vars) {
                Node n = b.get(v);
                if (n == null) continue;
                if (!first) out.ascii(",");
                first = false;
                out.string(v.getVarName());
                out.ascii(":");
                term(out, n);
            }
            out.ascii("}");
        }
        out.ascii("]}}\n");
    }

    private static void term(Out out, Node n) throws IOException {
        if (n.isURI()) {
            out.ascii("{\"type\":\"uri\",\"value\":");
            out.string(n.getURI());
        } else if (n.isLiteral()) {
            out.ascii("{\"type\":\"literal\",\"value\":");
            out.string(n.getLiteralLexicalForm());
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                out.ascii(",\"xml:lang\":");
                out.string(lang);
            } else if (n.getLiteralDatatypeURI() != null && !XSD_STRING.equals(n.getLiteralDatatypeURI())) {
                out.ascii(",\"datatype\":");
                out.string(n.getLiteralDatatypeURI());
            }
        } else if (n.isBlank()) {
            out.ascii("{\"type\":\"bnode\",\"value\":");
            out.string(n.getBlankNodeLabel());
        } else if (n.isTripleTerm()) {
            out.ascii("{\"type\":\"triple\",\"value\":{\"subject\":");
            term(out, n.getTriple().getSubject());
            out.ascii(",\"predicate\":");
            term(out, n.getTriple().getPredicate());
            out.ascii(",\"object\":");
            term(out, n.getTriple().getObject());
            out.ascii("}");
        } else {
            out.ascii("{\"type\":\"literal\",\"value\":");
            out.string(n.toString());
        }
        out.ascii("}");
    }

    /** A small buffered UTF-8 writer with JSON string escaping. */
    static final class Out {
        private final OutputStream os;
        private final byte[] buf = new byte[8192];
        private int pos;

        Out(OutputStream os) { this.os = os; }

        void ascii(String s) throws IOException {
            for (int i = 0; i < s.length(); i++) put((byte) s.charAt(i));
        }

        void string(String s) throws IOException {
            put((byte) '"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '"' -> { put((byte) '\\'); put((byte) '"'); }
                        case '\\' -> { put((byte) '\\'); put((byte) '\\'); }
                        case '\n' -> { put((byte) '\\'); put((byte) 'n'); }
                        case '\r' -> { put((byte) '\\'); put((byte) 'r'); }
                        case '\t' -> { put((byte) '\\'); put((byte) 't'); }
                        default -> {
                            if (c < 0x20 || c == 0x7f) {
                                put((byte) '\\'); put((byte) 'u'); put((byte) '0'); put((byte) '0');
                                put(HEX[c >> 4]); put(HEX[c & 0xf]);
                            } else {
                                put((byte) c);
                            }
                        }
                    }
                } else if (c < 0x800) {
                    put((byte) (0xc0 | (c >> 6)));
                    put((byte) (0x80 | (c & 0x3f)));
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    put((byte) (0xf0 | (cp >> 18)));
                    put((byte) (0x80 | ((cp >> 12) & 0x3f)));
                    put((byte) (0x80 | ((cp >> 6) & 0x3f)));
                    put((byte) (0x80 | (cp & 0x3f)));
                } else if (Character.isSurrogate(c)) {
                    // A lone surrogate cannot be UTF-8: write it escaped, as JSON allows.
                    put((byte) '\\'); put((byte) 'u');
                    put(HEX[c >> 12]); put(HEX[(c >> 8) & 0xf]); put(HEX[(c >> 4) & 0xf]); put(HEX[c & 0xf]);
                } else {
                    put((byte) (0xe0 | (c >> 12)));
                    put((byte) (0x80 | ((c >> 6) & 0x3f)));
                    put((byte) (0x80 | (c & 0x3f)));
                }
            }
            put((byte) '"');
        }

        private void put(byte b) throws IOException {
            if (pos == buf.length) {
                os.write(buf, 0, pos);
                pos = 0;
            }
            buf[pos++] = b;
        }

        void flush() throws IOException {
            os.write(buf, 0, pos);
            pos = 0;
            os.flush();
        }
    }
}
