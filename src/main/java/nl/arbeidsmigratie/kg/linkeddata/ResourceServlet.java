package nl.arbeidsmigratie.kg.linkeddata;

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
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.Negotiation;
import nl.arbeidsmigratie.kg.http.Representation;
import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.KG;
import nl.arbeidsmigratie.kg.vocab.PROV;

/**
 * Dereferenceable IRIs of things: {@code /id/{type}/{ref}} and the skolem IRIs {@code /.well-known/genid/{digest}}.
 * Browsers get an HTML page; machines get Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML by {@code Accept}
 * (q-values honoured, 406 when nothing fits) or {@code ?format=}.
 */
final class ResourceServlet extends HttpServlet {
    private final ServerContext ctx;
    /** The graph plus its VoID/DCAT description. */
    private final Graph described;

    ResourceServlet(ServerContext ctx, Graph described) {
        this.ctx = ctx;
        this.described = described;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        String iri = KG.BASE + path.substring(1);
        Node node = NodeFactory.createURI(iri);
        if (!described.contains(node, Node.ANY, Node.ANY) && !described.contains(Node.ANY, Node.ANY, node)) {
            // A browser gets a page in its language with a way back; a machine the short text it always got.
            if (wantsPage(req)) Layout.notFound(ctx, req, res, iri);
            else Responses.text(res, 404, "No resource <" + iri + "> in this graph. Try /?q=… or /api/queries/search?q=…");
            return;
        }
        Negotiation.Offer<Representation> chosen = Negotiation.choose(req, res, Negotiation.PAGE_OR_RDF);
        if (chosen == null) return;
        res.addHeader("Link", "<" + iri + ">; rel=\"canonical\"");
        Representation r = chosen.value();
        if (r == Representation.HTML) {
            Layout.send(req, res, 200, ResourcePage.render(ctx, described, node, Layout.lang(req)));
            return;
        }
        Graph g = describe(described, node);
        g.getPrefixMapping().setNsPrefixes(ctx.kg().prefixes());
        // The document depends only on the data and the format: its tag survives restarts and matches on replicas.
        String etag = Responses.etag((ctx.dataVersion() + "\n" + iri + "\n" + r.shortName()).getBytes(StandardCharsets.UTF_8));
        Responses.send(req, res, 200, r.contentType(), r.write(g), etag, "public, max-age=300");
    }

    /** True when content negotiation would pick the HTML page (a bad ?format= or Accept counts as a machine). */
    private static boolean wantsPage(HttpServletRequest req) {
        String name = req.getParameter("format");
        try {
            Negotiation.Offer<Representation> o = name != null ? Negotiation.byName(name, Negotiation.PAGE_OR_RDF)
                    : Negotiation.byAccept(Negotiation.accept(req), Negotiation.PAGE_OR_RDF);
            return o != null && o.value() == Representation.HTML;
        } catch (Negotiation.BadAccept e) {
            return false;
        }
    }

    /**
     * Outgoing triples with the closure of the skolem nodes they lead to (what were blank nodes: a status, a
     * component), incoming links, and the labels of every neighbour.
     */
    static Graph describe(Graph all, Node node) {
        Graph g = GraphFactory.createDefaultGraph();
        List<Node> todo = new ArrayList<>(List.of(node));
        while (!todo.isEmpty()) {
            Node s = todo.remove(todo.size() - 1);
            all.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (!g.contains(t) && isSkolem(t.getObject()) && !t.getObject().equals(node)) todo.add(t.getObject());
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

    private static boolean isSkolem(Node n) {
        return n.isBlank() || (n.isURI() && n.getURI().startsWith(KG.GENID));
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
