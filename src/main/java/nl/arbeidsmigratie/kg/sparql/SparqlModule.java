package nl.arbeidsmigratie.kg.sparql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;

import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * {@code /kg/sparql}, {@code /kg/query} (SPARQL 1.1 Protocol, query only; each query answered by a worker process of
 * {@link WorkerPool}) and {@code /kg/get} (Graph Store Protocol, read only, on the frozen dataset); without a query,
 * {@code /kg/sparql} and {@code /kg/query} answer their SPARQL 1.1 Service Description.
 */
public final class SparqlModule implements FusekiModule {
    public static final String DATASET_PATH = "/kg";
    private final ServerContext ctx;
    private final WorkerPool workers;

    public SparqlModule(ServerContext ctx, WorkerPool workers) {
        this.ctx = ctx;
        this.workers = workers;
    }

    @Override public String name() { return "sparql"; }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        // Public endpoint: nothing in this process may reach out to other hosts either.
        ARQ.globalServiceAllowed = false;
        ARQ.getContext().set(ARQ.httpServiceAllowed, false);
        b.registerOperation(Operation.Query, new AdHocQueryService(workers,
                        new QueryCosts(ctx.options().maxConcurrent()), ctx.timeoutMillis(), ctx.options().maxRows()))
         .add(DATASET_PATH, new FrozenDataset(ctx.kg().dataset()), false);
        Map<String, Graph> descriptions = new LinkedHashMap<>();
        descriptions.put(DATASET_PATH + "/sparql", ServiceDescription.describe(ctx.kg(), ctx.options(), KG.SPARQL));
        descriptions.put(DATASET_PATH + "/query", ServiceDescription.describe(ctx.kg(), ctx.options(), KG.SPARQL_QUERY));
        ServiceDescriptionFilter sd = new ServiceDescriptionFilter(descriptions);
        descriptions.keySet().forEach(path -> b.addFilter(path, sd));
    }
}
