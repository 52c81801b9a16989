package nl.arbeidsmigratie.kg.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;

import nl.arbeidsmigratie.kg.source.KgSource;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * Parses Turtle files strictly: any error or warning (unknown prefix, bad IRI, ill-typed literal) stops the load
 * with the file, line and column. Files are parsed each into a fresh graph and merged only when all parsed, so
 * nothing half-loaded survives a failure. Blank nodes of published files get skolem IRIs derived from their content
 * ({@link Skolem}), so the published graph is the same on every parse.
 */
public final class Loader {
    private Loader() {}

    /**
     * Parses all files into one graph. {@code prefixesOut} collects their prefixes; {@code origins} records, per
     * subject, the files that describe it, so later errors can name the file.
     */
    public static Graph load(KgSource source, List<Path> files, PrefixMapping prefixesOut, Origins origins) {
        Graph merged = GraphFactory.createDefaultGraph();
        for (Path file : files) {
            String name = source.display(file);
            Graph g = Skolem.skolemise(parse(file, name), name);
            prefixesOut.setNsPrefixes(g.getPrefixMapping());
            g.find().forEachRemaining(t -> {
                merged.add(t);
                origins.record(t.getSubject(), name);
            });
        }
        return merged;
    }

    /** The SHACL shapes: never published, so their blank nodes stay as they are. */
    public static Graph loadShapes(KgSource source, List<Path> files) {
        Graph merged = GraphFactory.createDefaultGraph();
        for (Path file : files) parse(file, source.display(file)).find().forEachRemaining(merged::add);
        return merged;
    }

    public static Graph parse(Path file, String name) {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = Files.newInputStream(file)) {
            RDFParser.create().source(in).lang(Lang.TURTLE).base(KG.BASE)
                    .errorHandler(strict(name)).parse(g);
        } catch (IOException e) {
            throw new KgInputException(name + ": cannot read: " + e.getMessage(), e);
        } catch (KgInputException e) {
            throw e;
        } catch (RiotException e) {
            throw new KgInputException(name + ": " + e.getMessage(), e);
        }
        return g;
    }

    private static ErrorHandler strict(String name) {
        return new ErrorHandler() {
            @Override public void warning(String message, long line, long col) { fail("warning", message, line, col); }
            @Override public void error(String message, long line, long col) { fail("error", message, line, col); }
            @Override public void fatal(String message, long line, long col) { fail("error", message, line, col); }

            private void fail(String kind, String message, long line, long col) {
                throw new KgInputException(String.format("%s:%d:%d: %s: %s", name, line, col, kind, message));
            }
        };
    }
}
