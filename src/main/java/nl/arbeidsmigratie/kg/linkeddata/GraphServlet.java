package nl.arbeidsmigratie.kg.linkeddata;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;

import nl.arbeidsmigratie.kg.dump.GraphDocuments;
import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.http.Html;
import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.Negotiation;
import nl.arbeidsmigratie.kg.http.Representation;
import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * The named graphs as documents: {@code /graph/asserted} (what the sources say) and {@code /graph/inferred} (what
 * the rules add), in every RDF syntax or as a short page. The Graph Store Protocol reads the same graphs at
 * {@code /kg/get?graph=…}.
 */
final class GraphServlet extends HttpServlet {
    private record NamedGraph(String iri, Graph graph, String nl, String en) {}

    private final ServerContext ctx;
    private final Map<String, NamedGraph> graphs = new LinkedHashMap<>();
    private final Map<String, Map<Representation, byte[]>> written = new LinkedHashMap<>();
    private static final String CACHE = "public, max-age=300";
    /** The documents built at package time, the same bytes {@code /kg/get?graph=…} sends. */
    private final GraphDocuments documents;

    GraphServlet(ServerContext ctx) {
        this.ctx = ctx;
        this.documents = GraphDocuments.of(ctx.kg(), ctx.dumps());
        add(KG.GRAPH_ASSERTED, ctx.kg().asserted(), "Wat de ontologie en de databestanden zeggen.",
                "What the ontology and data files say.");
        add(KG.GRAPH_INFERRED, ctx.kg().inferred(), "Wat de OWL RL-regels en afleidingen daaraan toevoegen.",
                "What the OWL RL rules and derivations add to it.");
    }

    private void add(String iri, Graph g, String nl, String en) {
        String path = Labels.localPath(iri);
        graphs.put(path, new NamedGraph(iri, g, nl, en));
        written.put(path, new EnumMap<>(Representation.class));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        NamedGraph ng = graphs.get(path);
        if (ng == null) {
            Responses.text(res, 404, "No graph at " + path + "; the named graphs are " + String.join(" and ", graphs.keySet()));
            return;
        }
        Negotiation.Offer<Representation> chosen = Negotiation.choose(req, res, Negotiation.PAGE_OR_RDF);
        if (chosen == null) return;
        res.addHeader("Link", "<" + ng.iri() + ">; rel=\"canonical\"");
        Representation r = chosen.value();
        if (r == Representation.HTML) {
            Layout.send(req, res, 200, page(ng, path, Layout.lang(req)));
            return;
        }
        if (documents != null) {
            GraphDocuments.send(req, res, documents.get(ng.iri(), r), r, CACHE);
            return;
        }
        String etag = Responses.etag((ctx.dataVersion() + "\n" + path + "\n" + r.shortName()).getBytes(StandardCharsets.UTF_8));
        Responses.send(req, res, 200, r.contentType(), bytes(path, ng, r), etag, CACHE);
    }

    /** Without documents built at package time (a store on disk): each graph in each syntax written when first asked for. */
    private byte[] bytes(String path, NamedGraph ng, Representation r) {
        Map<Representation, byte[]> cache = written.get(path);
        synchronized (cache) {
            return cache.computeIfAbsent(r, k -> k.write(ng.graph(), ctx.kg().prefixes()));
        }
    }

    private String page(NamedGraph ng, String path, String lang) {
        boolean nl = "nl".equals(lang);
        String gsp = "/kg/get?graph=" + Html.url(ng.iri());
        StringBuilder b = new StringBuilder("<article class=\"graph\"><h1>").append(nl ? "Benoemde graaf " : "Named graph ")
                .append("<code>").append(esc(path)).append("</code></h1>\n<p class=\"iri\"><code>").append(esc(ng.iri()))
                .append("</code></p>\n<p>").append(esc(nl ? ng.nl() : ng.en())).append(" ")
                .append(String.format("%,d", ng.graph().size()).replace(',', nl ? '.' : ','))
                .append(" triples.</p>\n<p>").append(nl ? "Graph Store Protocol: " : "Graph Store Protocol: ")
                .append("<a href=\"").append(esc(gsp)).append("\"><code>").append(esc(gsp)).append("</code></a></p>\n")
                .append(ResourcePage.formats(path, lang)).append("</article>");
        return Layout.page(ctx, lang, (nl ? "Graaf " : "Graph ") + path, path, b.toString(), null);
    }
}
