package nl.arbeidsmigratie.kg.reconcile;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.search.SearchIndex;
import nl.arbeidsmigratie.kg.testsupport.Graphs;

/** One service on the real graph and the search index as {@code mvn package} builds it, shared by the tests. */
final class ServiceFixture {
    private static Service service;

    private ServiceFixture() {}

    static synchronized Service service() {
        if (service == null) {
            KnowledgeGraph kg = Graphs.real();
            service = new Service(kg, SearchIndex.build(kg, QueryCatalog.build(kg)));
        }
        return service;
    }
}
