package nl.arbeidsmigratie.kg.sparql;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriterRegistry;
import org.apache.jena.riot.WriterDatasetRIOT;
import org.apache.jena.riot.WriterDatasetRIOTFactory;
import org.apache.jena.riot.WriterGraphRIOT;
import org.apache.jena.riot.WriterGraphRIOTFactory;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterFactory;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;

/**
 * XML output that stays well-formed whatever the data: XML 1.0 cannot carry U+0000–U+001F (but tab, line feed and
 * carriage return), U+FFFE or U+FFFF, not even as character references, and Jena's writers copy them through (a
 * query can make them: {@code SELECT ("\u0000" AS ?x) {}}). Every XML writer (SPARQL results XML, RDF/XML, TriX) is
 * registered again here with its output passed through a filter that replaces each such character with U+FFFD,
 * the replacement character. JSON, CSV, TSV and the RDF text formats carry them escaped and are left alone.
 */
public final class XmlSafe {
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    private static boolean registered;

    private XmlSafe() {}

    /** Registers the filtered writers, once, for the whole process (the API and the build use them too). */
    public static synchronized void register() {
        if (registered) return;
        registered = true;
        RowSetWriterFactory results = RowSetWriterRegistry.getFactory(ResultSetLang.RS_XML);
        RowSetWriterRegistry.register(ResultSetLang.RS_XML, lang -> new Results(results.create(lang)));
        for (RDFFormat f : RDFWriterRegistry.registeredGraphFormats()) {
            if (!isXml(f.getLang())) continue;
            WriterGraphRIOTFactory g = RDFWriterRegistry.getWriterGraphFactory(f);
            if (g != null) RDFWriterRegistry.register(f, (WriterGraphRIOTFactory) form -> new Graphs(g.create(form)));
        }
        for (RDFFormat f : RDFWriterRegistry.registeredDatasetFormats()) {
            if (!isXml(f.getLang())) continue;
            WriterDatasetRIOTFactory d = RDFWriterRegistry.getWriterDatasetFactory(f);
            if (d != null) RDFWriterRegistry.register(f, (WriterDatasetRIOTFactory) form -> new Datasets(d.create(form)));
        }
    }

    private static boolean isXml(Lang lang) {
        return Lang.RDFXML.equals(lang) || Lang.TRIX.equals(lang);
    }

    /**
     * UTF-8 bytes with XML-illegal characters replaced, whether written raw or as a character reference ({@code &#x0;},
     * which Jena writes for control characters and which is just as illegal). Control characters are single bytes that
     * never occur inside a multi-byte sequence; U+FFFE and U+FFFF are EF BF BE and EF BF BF. Sequences are recognised
     * across write calls.
     */
    static final class Bytes extends FilterOutputStream {
        private final byte[] held = new byte[16];
        private int n;

        Bytes(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                int x = b[i] & 0xff;
                if (n == 0 && x >= 0x20 && x != 0xEF && x != '&') continue;
                out.write(b, start, i - start);
                start = i + 1;
                write(x);
            }
            out.write(b, start, end - start);
        }

        @Override
        public void write(int x) throws IOException {
            x &= 0xff;
            if (n > 0 && held[0] == (byte) 0xEF) {
                held[n++] = (byte) x;
                if (n == 2 && x == 0xBF) return;
                if (n == 3 && (x == 0xBE || x == 0xBF)) { out.write(REPLACEMENT); n = 0; return; }
                release();
                return;
            }
            if (n > 0) {
                // Inside "&#": digits (or x and hex digits) up to ';'.
                held[n++] = (byte) x;
                if (n == 2 && x == '#') return;
                if (n == 3 && (x == 'x' || x == 'X' || isDigit(x))) return;
                if (n > 3 && n < held.length && x != ';' && (isDigit(x) || (held[2] == 'x' || held[2] == 'X') && isHex(x))) return;
                if (n > 3 && x == ';') {
                    int cp = codePoint();
                    if (cp >= 0 && !legal(cp)) { out.write(REPLACEMENT); n = 0; return; }
                }
                release();
                return;
            }
            if (x == 0xEF || x == '&') { held[n++] = (byte) x; return; }
            if (x < 0x20 && x != '\t' && x != '\n' && x != '\r') { out.write(REPLACEMENT); return; }
            out.write(x);
        }

        /** Writes out what was held back; a byte that may start a new sequence is looked at again. */
        private void release() throws IOException {
            int last = held[n - 1] & 0xff;
            boolean again = n > 1 && (last == 0xEF || last == '&' || last < 0x20);
            out.write(held, 0, again ? n - 1 : n);
            n = 0;
            if (again) write(last);
        }

        private int codePoint() {
            boolean hex = held[2] == 'x' || held[2] == 'X';
            String digits = new String(held, hex ? 3 : 2, n - 1 - (hex ? 3 : 2), java.nio.charset.StandardCharsets.US_ASCII);
            try {
                return digits.isEmpty() ? -1 : Integer.parseInt(digits, hex ? 16 : 10);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static boolean isDigit(int x) { return x >= '0' && x <= '9'; }
        private static boolean isHex(int x) { return isDigit(x) || x >= 'a' && x <= 'f' || x >= 'A' && x <= 'F'; }

        private static boolean legal(int cp) {
            return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                    || cp >= 0x10000 && cp <= 0x10FFFF;
        }

        void flushPending() throws IOException {
            if (n > 0) out.write(held, 0, n);
            n = 0;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flushPending();
            super.close();
        }
    }

    /** Character output (unused by the server, which writes bytes): filtered as bytes, then decoded. */
    private interface ToBytes { void write(OutputStream out); }

    private static void viaBytes(Writer out, ToBytes w) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Bytes b = new Bytes(bytes);
        w.write(b);
        finish(b);
        try {
            out.write(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Results(RowSetWriter w) implements RowSetWriter {
        @Override public void write(OutputStream out, RowSet rowSet, Context context) {
            Bytes b = new Bytes(out);
            w.write(b, rowSet, context);
            finish(b);
        }
        @Override public void write(Writer out, RowSet rowSet, Context context) { viaBytes(out, o -> w.write(o, rowSet, context)); }
        @Override public void write(OutputStream out, boolean result, Context context) { w.write(out, result, context); }
    }

    private record Graphs(WriterGraphRIOT w) implements WriterGraphRIOT {
        @Override public void write(OutputStream out, Graph graph, PrefixMap prefixMap, String baseURI, Context context) {
            Bytes b = new Bytes(out);
            w.write(b, graph, prefixMap, baseURI, context);
            finish(b);
        }
        @Override public void write(Writer out, Graph graph, PrefixMap prefixMap, String baseURI, Context context) {
            viaBytes(out, o -> w.write(o, graph, prefixMap, baseURI, context));
        }
        @Override public Lang getLang() { return w.getLang(); }
    }

    private record Datasets(WriterDatasetRIOT w) implements WriterDatasetRIOT {
        @Override public void write(OutputStream out, DatasetGraph dsg, PrefixMap prefixMap, String baseURI, Context context) {
            Bytes b = new Bytes(out);
            w.write(b, dsg, prefixMap, baseURI, context);
            finish(b);
        }
        @Override public void write(Writer out, DatasetGraph dsg, PrefixMap prefixMap, String baseURI, Context context) {
            viaBytes(out, o -> w.write(o, dsg, prefixMap, baseURI, context));
        }
        @Override public Lang getLang() { return w.getLang(); }
    }

    /** Writes out a held-back EF/EF BF and flushes, without closing the caller's stream. */
    private static void finish(Bytes b) {
        try {
            b.flushPending();
            b.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
