package nl.arbeidsmigratie.kg.http;

import java.nio.file.Path;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.query.Answers;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.query.WorkLimiter;

/**
 * What every feature of the server shares: the frozen graph, its prepared questions and their one answer cache,
 * the settings, the slots for ad-hoc SPARQL, and the folder of the dumps.
 */
public record ServerContext(KnowledgeGraph kg, QueryCatalog catalog, Answers answers, ServerOptions options,
                            WorkLimiter sparqlSlots, Path dumps) {
    public String dataVersion() { return kg.dataVersion(); }
    public long timeoutMillis() { return options.timeoutSeconds() * 1000L; }
}
