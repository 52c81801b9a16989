package nl.arbeidsmigratie.kg.linkeddata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;
import nl.arbeidsmigratie.kg.vocab.PROV;
import nl.arbeidsmigratie.kg.http.Layout;

/**
 * Dereferenceable IRIs: {@code /id/{type}/{ref}} for things and {@code /def} for the ontology. Browsers get an
 * HTML page; machines get Turtle, JSON-LD, N-Triples or RDF/XML by {@code Accept} (or {@code ?format=}).
 */
final class ResourceServlet extends HttpServlet {
    /** Machine formats, by the names {@code ?format=} accepts and the media types Accept may carry. */
    enum RdfFormat {
        TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_PRETTY),
        JSONLD("jsonld", "application/ld+json", RDFFormat.JSONLD11_PRETTY),
        NTRIPLES("nt", "application/n-triples", RDFFormat.NTRIPLES_UTF8),
        RDFXML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PLAIN);

        final String name;
        final String mediaType;
        final RDFFormat format;

        RdfFormat(String name, String mediaType, RDFFormat format) {
            this.name = name;
            this.mediaType = mediaType;
            this.format = format;
        }
    }

    private final ServerContext ctx;

    ResourceServlet(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        boolean ontology = req.getServletPath().equals("/def");
        String iri = ontology ? AM.ONTOLOGY : KG.ID + (req.getPathInfo() == null ? "" : req.getPathInfo().substring(1));
        Node node = NodeFactory.createURI(iri);
        Graph all = ctx.kg().all();
        if (!ontology && !all.contains(node, Node.ANY, Node.ANY)) {
            // A browser gets a page in its language with a way back; a machine the short text it always got.
            if (choose(req.getParameter("format"), req.getHeader("Accept")) == null) Layout.notFound(ctx, req, res, iri);
            else Responses.text(res, 404, "No resource <" + iri + "> in this graph. Try /?q=… or /api/queries/search?q=…");
            return;
        }
        res.setHeader("Vary", "Accept");
        res.setHeader("Link", "<" + iri + ">; rel=\"canonical\"");
        RdfFormat f = choose(req.getParameter("format"), req.getHeader("Accept"));
        if (req.getParameter("format") != null && f == null && !"html".equals(req.getParameter("format"))) {
            Responses.text(res, 400, "format must be one of html, ttl, jsonld, nt, rdf");
            return;
        }
        if (f == null) {
            String lang = Layout.lang(req);
            String html = ontology ? OntologyPage.render(ctx, lang) : ResourcePage.render(ctx, node, lang);
            Layout.send(req, res, 200, html);
            return;
        }
        Graph g = ontology ? ctx.kg().ontology() : describe(all, node);
        g.getPrefixMapping().setNsPrefixes(ctx.kg().prefixes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(f.format).output(out);
        // The document depends only on the data and the format: its tag survives restarts and matches on replicas.
        String etag = Responses.etag((ctx.dataVersion() + "\n" + iri + "\n" + f.name).getBytes(StandardCharsets.UTF_8));
        Responses.send(req, res, 200, f.mediaType + "; charset=utf-8", out.toByteArray(), etag, "public, max-age=300");
    }

    /** null means HTML: the default for browsers and for anything that does not ask for RDF. */
    static RdfFormat choose(String param, String accept) {
        if (param != null) {
            if (param.equals("html")) return null;
            for (RdfFormat f : RdfFormat.values()) if (f.name.equals(param)) return f;
            return null;
        }
        if (accept == null) return null;
        String a = accept.toLowerCase();
        if (a.contains("text/html") || a.contains("application/xhtml")) return null;
        for (RdfFormat f : RdfFormat.values()) if (a.contains(f.mediaType)) return f;
        if (a.contains("application/json")) return RdfFormat.JSONLD;
        if (a.contains("application/xml")) return RdfFormat.RDFXML;
        if (a.contains("text/plain")) return RdfFormat.NTRIPLES;
        return null;
    }

    /** Outgoing triples with their blank-node closure, plus incoming links, plus labels of every neighbour. */
    static Graph describe(Graph all, Node node) {
        Graph g = GraphFactory.createDefaultGraph();
        List<Node> todo = new ArrayList<>(List.of(node));
        while (!todo.isEmpty()) {
            Node s = todo.remove(todo.size() - 1);
            all.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (!g.contains(t) && t.getObject().isBlank()) todo.add(t.getObject());
                g.add(t);
            });
        }
        all.find(Node.ANY, Node.ANY, node).forEachRemaining(t -> {
            if (t.getSubject().isURI()) g.add(t);
        });
        List<Node> neighbours = new ArrayList<>();
        g.find().forEachRemaining(t -> {
            neighbours.add(t.getSubject());
            neighbours.add(t.getObject());
        });
        for (Node n : neighbours) {
            if (!n.isURI() || n.equals(node)) continue;
            all.find(n, RDFS.label.asNode(), Node.ANY).forEachRemaining(g::add);
        }
        return g;
    }

    /** Shared by the HTML pages: predicate → objects of a subject, in a stable order. */
    static Map<Node, List<Node>> outgoing(Graph g, Node s) {
        Map<Node, List<Node>> m = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        g.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> m.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject()));
        return m;
    }

    static Map<Node, List<Node>> incoming(Graph g, Node o) {
        Map<Node, List<Node>> m = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        g.find(Node.ANY, Node.ANY, o).forEachRemaining(t -> {
            if (t.getSubject().isURI()) m.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getSubject());
        });
        return m;
    }

    static final Node[] SOURCE_PROPERTIES = {PROV.wasDerivedFrom, DCTerms.source.asNode()};
}
