package nl.arbeidsmigratie.kg.linkeddata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;

import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.Negotiation;
import nl.arbeidsmigratie.kg.http.Representation;
import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.AM;

/**
 * {@code /def}: the ontology (its terms {@code /def#Term} land here too), and {@code /def/{version}}: the same
 * document under the version IRI the ontology states ({@code owl:versionIRI}). Only the version this release carries
 * is served; any other version is a 404 that names the one there is.
 */
final class OntologyServlet extends HttpServlet {
    private final ServerContext ctx;
    private final List<String> versionPaths = new ArrayList<>();
    /** The ontology is the same for every request: each syntax is written once. */
    private final Map<Representation, byte[]> written = new EnumMap<>(Representation.class);

    OntologyServlet(ServerContext ctx) {
        this.ctx = ctx;
        Graph g = ctx.kg().ontology();
        g.find(NodeFactory.createURI(AM.ONTOLOGY), OWL.versionIRI.asNode(), Node.ANY).forEachRemaining(t -> {
            String local = t.getObject().isURI() ? Labels.localPath(t.getObject().getURI()) : null;
            if (local != null) versionPaths.add(local);
        });
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (!path.equals("/def") && !versionPaths.contains(path)) {
            Responses.text(res, 404, "No ontology at " + path + ". This server has the ontology at /def"
                    + (versionPaths.isEmpty() ? "" : " and, by its version IRI, at " + String.join(", ", versionPaths)));
            return;
        }
        Negotiation.Offer<Representation> chosen = Negotiation.choose(req, res, Negotiation.PAGE_OR_RDF);
        if (chosen == null) return;
        Representation r = chosen.value();
        if (r == Representation.HTML) {
            Layout.send(req, res, 200, OntologyPage.render(ctx, Layout.lang(req), path));
            return;
        }
        byte[] body = bytes(r);
        String etag = Responses.etag((ctx.dataVersion() + "\n" + path + "\n" + r.shortName()).getBytes(StandardCharsets.UTF_8));
        Responses.send(req, res, 200, r.contentType(), body, etag, "public, max-age=300");
    }

    private synchronized byte[] bytes(Representation r) {
        return written.computeIfAbsent(r, k -> k.write(ctx.kg().ontology(), ctx.kg().prefixes()));
    }
}
