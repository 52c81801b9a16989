package nl.arbeidsmigratie.kg.linkeddata;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.rdf.model.Model;

import nl.arbeidsmigratie.kg.dump.Dumps;
import nl.arbeidsmigratie.kg.http.ServerContext;

/**
 * Every IRI the graph and its description mint dereferences here: {@code /id/…} for things (and, from
 * {@code void.ttl}, the dataset, its subsets, distributions and checksums), {@code /.well-known/genid/…} for skolem
 * IRIs, {@code /def} and {@code /def/{version}} for the ontology, {@code /graph/asserted} and {@code /graph/inferred}
 * for the named graphs. Each answers HTML or RDF by content negotiation ({@code http.Negotiation}).
 */
public final class LinkedDataModule implements FusekiModule {
    private final ServerContext ctx;

    public LinkedDataModule(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override public String name() { return "linked-data"; }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        // The graph plus its VoID/DCAT description: both mint IRIs under /id/, and both are published.
        Graph described = new Union(ctx.kg().all(), Dumps.description(ctx.dumps()));
        described.getPrefixMapping().setNsPrefixes(ctx.kg().prefixes());
        ResourceServlet resources = new ResourceServlet(ctx, described);
        b.addServlet("/id/*", resources);
        b.addServlet("/.well-known/genid/*", resources);
        OntologyServlet ontology = new OntologyServlet(ctx);
        b.addServlet("/def", ontology);
        b.addServlet("/def/*", ontology);
        b.addServlet("/graph/*", new GraphServlet(ctx));
    }
}
