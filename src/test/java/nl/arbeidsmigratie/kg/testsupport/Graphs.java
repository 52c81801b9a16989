package nl.arbeidsmigratie.kg.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.source.KgSource;

/** The real graph, built once per test JVM from the bundled sources, and SPARQL helpers on it. */
public final class Graphs {
    public static final String PREFIXES = """
            PREFIX am: <https://w3id.org/arbeidsmigratie/def#>
            PREFIX id: <https://w3id.org/arbeidsmigratie/id/>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX eli: <http://data.europa.eu/eli/ontology#>
            PREFIX qb: <http://purl.org/linked-data/cube#>
            PREFIX schema: <https://schema.org/>
            PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
            PREFIX unit: <http://qudt.org/vocab/unit/>
            PREFIX cur: <http://qudt.org/vocab/currency/>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX bron: <https://w3id.org/arbeidsmigratie/id/bron/>
            PREFIX organisatie: <https://w3id.org/arbeidsmigratie/id/organisatie/>
            PREFIX persoon: <https://w3id.org/arbeidsmigratie/id/persoon/>
            PREFIX wet: <https://w3id.org/arbeidsmigratie/id/wet/>
            PREFIX eis: <https://w3id.org/arbeidsmigratie/id/eis/>
            PREFIX thema: <https://w3id.org/arbeidsmigratie/id/thema/>
            PREFIX probleem: <https://w3id.org/arbeidsmigratie/id/probleem/>
            PREFIX aanbeveling: <https://w3id.org/arbeidsmigratie/id/aanbeveling/>
            PREFIX maatregel: <https://w3id.org/arbeidsmigratie/id/maatregel/>
            PREFIX beoordeling: <https://w3id.org/arbeidsmigratie/id/beoordeling/>
            PREFIX status: <https://w3id.org/arbeidsmigratie/id/status/>
            PREFIX kritiek: <https://w3id.org/arbeidsmigratie/id/kritiek/>
            PREFIX cijfer: <https://w3id.org/arbeidsmigratie/id/cijfer/>
            PREFIX groep: <https://w3id.org/arbeidsmigratie/id/groep/>
            PREFIX land: <https://w3id.org/arbeidsmigratie/id/land/>
            PREFIX dataset: <https://w3id.org/arbeidsmigratie/id/dataset/>
            PREFIX cito: <http://purl.org/spar/cito/>
            PREFIX termijn: <https://w3id.org/arbeidsmigratie/id/termijn/>
            PREFIX precisie: <https://w3id.org/arbeidsmigratie/id/precisie/>
            PREFIX beoordelingssoort: <https://w3id.org/arbeidsmigratie/id/beoordelingssoort/>
            PREFIX periode: <https://w3id.org/arbeidsmigratie/id/periode/>
            PREFIX bevinding: <https://w3id.org/arbeidsmigratie/id/bevinding/>
            PREFIX lijst: <https://w3id.org/arbeidsmigratie/id/lijst/>
            """;
    private static KnowledgeGraph real;

    private Graphs() {}

    public static synchronized KnowledgeGraph real() {
        if (real == null) real = KnowledgeGraph.build(KgSource.bundled());
        return real;
    }

    public static boolean ask(Graph g, String where) {
        Query q = QueryFactory.create(PREFIXES + "ASK {" + where + "}");
        try (QueryExec e = QueryExec.graph(g).query(q).build()) {
            return e.ask();
        }
    }

    /** Values of ?x, in the query's order. */
    public static List<String> values(Graph g, String select) {
        Query q = QueryFactory.create(PREFIXES + select);
        List<String> out = new ArrayList<>();
        try (QueryExec e = QueryExec.graph(g).query(q).build()) {
            e.select().forEachRemaining(b -> {
                Node n = b.get(q.getResultVars().get(0));
                out.add(n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
            });
        }
        return out;
    }
}
