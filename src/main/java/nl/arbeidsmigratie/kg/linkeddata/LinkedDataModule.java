package nl.arbeidsmigratie.kg.linkeddata;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

import nl.arbeidsmigratie.kg.http.ServerContext;

/** Dereferenceable IRIs: {@code /id/…} for the things in the graph and {@code /def} for the ontology. */
public final class LinkedDataModule implements FusekiModule {
    private final ServerContext ctx;

    public LinkedDataModule(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override public String name() { return "linked-data"; }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        ResourceServlet resources = new ResourceServlet(ctx);
        b.addServlet("/id/*", resources);
        b.addServlet("/def", resources);
    }
}
