package nl.arbeidsmigratie.kg.reconcile;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.search.SearchIndex;

/** The Reconciliation Service API 0.2 for OpenRefine and other clients: {@code /reconcile} and below it. */
public final class ReconcileModule implements FusekiModule {
    private final ServerContext ctx;

    public ReconcileModule(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override public String name() { return "reconcile"; }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        ReconcileServlet servlet = new ReconcileServlet(ctx, new Service(ctx.kg(), SearchIndex.forGraph(ctx.kg(), ctx.catalog())));
        b.addServlet("/reconcile", servlet);
        b.addServlet("/reconcile/*", servlet);
    }
}
