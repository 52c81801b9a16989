package nl.arbeidsmigratie.kg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SERVICE and java: functions are found wherever a query can hold them; a query without them passes. */
class QueryChecksTest {
    private static final String S = "SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o }";

    private static String check(String query) {
        // Fuseki parses with the ARQ syntax (a superset of SPARQL 1.1): so does the test.
        return QueryChecks.refusal(QueryFactory.create(query, Syntax.syntaxARQ));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * { " + S + " }",
            "SELECT * { ?a ?b ?c { " + S + " } }",
            "SELECT * { ?a ?b ?c OPTIONAL { " + S + " } }",
            "SELECT * { { ?a ?b ?c } UNION { " + S + " } }",
            "SELECT * { ?a ?b ?c MINUS { " + S + " } }",
            "SELECT * { GRAPH ?g { ?a ?b ?c } GRAPH ?g { " + S + " } }",
            "SELECT * { { SELECT * { " + S + " } } }",
            "SELECT * { ?a ?b ?c { SELECT ?s { { SELECT ?s { " + S + " } } } } }",
            "SELECT * { ?a ?b ?c FILTER EXISTS { " + S + " } }",
            "SELECT * { ?a ?b ?c FILTER NOT EXISTS { " + S + " } }",
            "SELECT * { ?a ?b ?c FILTER (?c = 1 || EXISTS { ?a ?b ?c MINUS { " + S + " } }) }",
            "SELECT * { ?a ?b ?c BIND(EXISTS { " + S + " } AS ?e) }",
            "SELECT ?a (EXISTS { " + S + " } AS ?e) { ?a ?b ?c }",
            "SELECT ?a { ?a ?b ?c } ORDER BY (EXISTS { " + S + " })",
            "SELECT ?a (COUNT(*) AS ?n) { ?a ?b ?c } GROUP BY ?a HAVING (NOT EXISTS { " + S + " })",
            "SELECT ?a (SUM(IF(EXISTS { " + S + " }, 1, 0)) AS ?n) { ?a ?b ?c } GROUP BY ?a",
            "SELECT ?g (COUNT(*) AS ?n) { ?a ?b ?c } GROUP BY (EXISTS { " + S + " } AS ?g)",
            "SELECT ?a { ?a ?b ?c } ORDER BY DESC(?a) (EXISTS { " + S + " }) LIMIT 3",
            "SELECT * { ?a <urn:p>/<urn:q>* ?c SERVICE <http://127.0.0.1:9/sparql> { ?s <urn:p>+/^<urn:q> ?o } }",
            "SELECT * { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            "SELECT * { BIND(<http://127.0.0.1:9/sparql> AS ?ep) SERVICE ?ep { ?s ?p ?o } }",
            "SELECT * { ?a ?b ?c LATERAL { " + S + " } }",
            "ASK { " + S + " }",
            "ASK { FILTER NOT EXISTS { { SELECT * { " + S + " } } } }",
            "CONSTRUCT { ?s ?p ?o } WHERE { { SELECT * { " + S + " } } }",
            "DESCRIBE ?s WHERE { ?s ?p ?o FILTER EXISTS { " + S + " } }",
    })
    void serviceIsFoundWhereverItIs(String query) {
        String found = check(query);
        assertEquals("SERVICE is disabled on this endpoint (the query has SERVICE "
                + (query.contains("SERVICE ?ep") ? "?ep" : "<http://127.0.0.1:9/sparql>") + "): queries run on this graph only",
                found, query);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * { ?s ?p ?o }",
            "SELECT * { ?s <urn:p>/<urn:q>* ?o FILTER NOT EXISTS { ?o ?x ?y } } ORDER BY ?s",
            "SELECT * { ?s ?p \"SERVICE <http://127.0.0.1:9/sparql> { }\" }",
            "DESCRIBE <urn:x>",
            "CONSTRUCT WHERE { ?s ?p ?o }",
    })
    void queriesWithoutServicePass(String query) {
        assertNull(check(query), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * { BIND(<java:java.lang.Thread>(1) AS ?x) }",
            "SELECT * { ?s ?p ?o FILTER(<java:nl.Evil>(?o)) }",
            "SELECT (<java:nl.Evil>(1) AS ?x) {}",
            "SELECT * { ?s <java:nl.EvilPropertyFunction> ?o }",
            "SELECT * { GRAPH ?g { ?s <java:nl.EvilPropertyFunction> ?o } }",
            "SELECT ?s { ?s ?p ?o } ORDER BY (<java:nl.Evil>(?o))",
            "SELECT (SUM(<java:nl.Evil>(?o)) AS ?n) { ?s ?p ?o }",
    })
    void javaFunctionsAreFoundWhereverTheyAre(String query) {
        String found = check(query);
        assertEquals(true, found != null && found.startsWith("java: functions are not offered"), query + " -> " + found);
    }
}
