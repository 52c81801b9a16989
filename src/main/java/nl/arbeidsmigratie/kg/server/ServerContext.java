package nl.arbeidsmigratie.kg.server;

import java.nio.file.Path;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.query.QueryCatalog;

/** What every servlet of the server shares: the frozen graph, its prepared questions, limits and dumps. */
public record ServerContext(KnowledgeGraph kg, QueryCatalog catalog, ServerOptions options, Path dumps,
                            WorkLimiter limiter) {
    public String dataVersion() { return kg.dataVersion(); }
    public long timeoutMillis() { return options.timeoutSeconds() * 1000L; }
}
