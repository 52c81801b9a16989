package nl.arbeidsmigratie.kg.sparql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;

import org.junit.jupiter.api.Test;

/** The look at a query's text before parsing: it refuses what parses slowly or nests deeply, and nothing else. */
class QueryTextTest {
    @Test
    void ordinaryQueriesPass() {
        assertDoesNotThrow(() -> QueryText.check("""
                PREFIX am: <https://w3id.org/arbeidsmigratie/def#>
                # a comment with ((((( and ?many ?vars
                SELECT ?p (COUNT(*) AS ?n) WHERE { ?p a am:Problem ; am:label "x(((y" . FILTER(?n > 1 && ?n < 5) }
                GROUP BY ?p ORDER BY DESC(?n) LIMIT 10"""));
        assertDoesNotThrow(() -> QueryText.check("SELECT * { ?s <http://ex.org/a-b?c=1&d=(2)> ?o FILTER(?o<?s) }"));
    }

    @Test
    void manyVariablesAreRefused() {
        StringBuilder q = new StringBuilder("SELECT * {");
        for (int i = 0; i <= Limits.MAX_VARIABLES; i++) q.append(" ?v").append(i).append(" <urn:p> 1 .");
        LimitExceeded e = assertThrows(LimitExceeded.class, () -> QueryText.check(q + "}"));
        assertTrue(e.getMessage().contains("distinct variables"));
        // The same variable many times is one variable; names inside strings and comments are not variables.
        assertDoesNotThrow(() -> QueryText.check("SELECT * { " + " ?x <urn:p> ?y .".repeat(3_000) + " }"));
        assertDoesNotThrow(() -> QueryText.check("SELECT * { ?s ?p \"" + " ?a ?b ?c".repeat(2_000) + "\" }"));
    }

    @Test
    void deepNestingIsRefused() {
        assertThrows(LimitExceeded.class, () -> QueryText.check("ASK { FILTER(" + "(".repeat(101) + "1" + ")".repeat(101) + ") }"));
        assertDoesNotThrow(() -> QueryText.check("ASK { FILTER(" + "(".repeat(90) + "1" + ")".repeat(90) + ") }"));
    }

    @Test
    void longOperatorChainsAndNestingKeywordsAreRefused() {
        assertThrows(LimitExceeded.class, () -> QueryText.check("SELECT (" + String.join("+", Collections.nCopies(3_000, "1")) + " AS ?x) {}"));
        assertThrows(LimitExceeded.class, () -> QueryText.check("SELECT * { " + "{ ?s ?p ?o } UNION ".repeat(2_100) + "{} }"));
        // Hyphens inside prefixed names are not operators.
        assertDoesNotThrow(() -> QueryText.check("SELECT * { " + "?s am:a-b-c-d-e-f ?o . ".repeat(1_000) + "}"));
    }
}
