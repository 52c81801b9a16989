package nl.arbeidsmigratie.kg.api;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

import nl.arbeidsmigratie.kg.http.ServerContext;

/** The prepared-question API: {@code /api/queries}, {@code /api/queries/{id}} and {@code /api/openapi.json}. */
public final class ApiModule implements FusekiModule {
    private final ServerContext ctx;

    public ApiModule(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override public String name() { return "api"; }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        b.addServlet("/api/*", new ApiServlet(ctx));
    }
}
