package nl.arbeidsmigratie.kg.http;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;

/**
 * What a linked-data document is sent as: a page for people, or one of six RDF syntaxes. Each has its media type,
 * the other media types clients use for it, and the names {@code ?format=} takes (the first is ours).
 */
public enum Representation {
    HTML("HTML", "text/html", List.of("application/xhtml+xml"), List.of("html"), null),
    TURTLE("Turtle", "text/turtle", List.of("application/x-turtle", "text/n3"), List.of("ttl", "turtle", "n3"),
            RDFFormat.TURTLE_PRETTY),
    NTRIPLES("N-Triples", "application/n-triples", List.of("text/plain"), List.of("nt", "ntriples", "n-triples"),
            RDFFormat.NTRIPLES_UTF8),
    NQUADS("N-Quads", "application/n-quads", List.of("text/x-nquads"), List.of("nq", "nquads", "n-quads"),
            RDFFormat.NQUADS_UTF8),
    TRIG("TriG", "application/trig", List.of("application/x-trig"), List.of("trig"), RDFFormat.TRIG_PRETTY),
    JSONLD("JSON-LD", "application/ld+json", List.of("application/json"), List.of("jsonld", "json-ld", "json"),
            RDFFormat.JSONLD11_PRETTY),
    RDFXML("RDF/XML", "application/rdf+xml", List.of("application/xml", "text/xml"),
            List.of("rdf", "xml", "rdfxml", "rdf+xml", "owl"), RDFFormat.RDFXML_PLAIN);

    private final String label;
    public final String mediaType;
    final List<String> alsoAccepted;
    final List<String> names;
    private final RDFFormat format;

    Representation(String label, String mediaType, List<String> alsoAccepted, List<String> names, RDFFormat format) {
        this.label = label;
        this.mediaType = mediaType;
        this.alsoAccepted = alsoAccepted;
        this.names = names;
        this.format = format;
    }

    /** The six RDF syntaxes, Turtle first. */
    public static Representation[] rdf() {
        return Arrays.stream(values()).filter(r -> r != HTML).toArray(Representation[]::new);
    }

    /** The {@code ?format=} name the server's own links use. */
    public String shortName() { return names.get(0); }

    /** A name people read: "Turtle", "JSON-LD" … */
    public String label() { return label; }

    /** The value of Content-Type: every syntax here is UTF-8. */
    public String contentType() { return mediaType + "; charset=utf-8"; }

    /** A graph in this syntax with {@code prefixes}, leaving the graph's own prefix mapping alone. */
    public byte[] write(Graph g, PrefixMapping prefixes) {
        return write(new GraphWrapper(g) {
            @Override public PrefixMapping getPrefixMapping() { return prefixes; }
        });
    }

    /** A graph in this syntax; in N-Quads and TriG it is the default graph. */
    public byte[] write(Graph g) {
        if (RDFLanguages.isQuads(format.getLang())) return write(DatasetGraphFactory.wrap(g));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(format).output(out);
        return out.toByteArray();
    }

    /** A dataset in this syntax; a triples syntax writes its default graph. */
    public byte[] write(DatasetGraph ds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (RDFLanguages.isQuads(format.getLang())) RDFWriter.source(ds).format(format).output(out);
        else RDFWriter.source(ds.getDefaultGraph()).format(format).output(out);
        return out.toByteArray();
    }
}
