package nl.arbeidsmigratie.kg.graph;

import static nl.arbeidsmigratie.kg.testsupport.Graphs.ask;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.Graphs;

/** The OWL RL entailments are materialised once and kept apart from what the files assert. */
class InferenceTest {
    private final KnowledgeGraph kg = Graphs.real();

    @Test
    void inversesAreMaterialised() {
        assertTrue(ask(kg.inferred(), "?p am:addressedBy ?x"), "no inverse was inferred");
        assertFalse(ask(kg.all(), "?x am:addressesProblem ?p FILTER NOT EXISTS { ?p am:addressedBy ?x }"),
                "an am:addressesProblem link lacks its inverse am:addressedBy");
        assertFalse(ask(kg.all(), "?o am:enforces ?law FILTER NOT EXISTS { ?law am:enforcedBy ?o }"));
    }

    @Test
    void measurePropertiesAreSubPropertiesOfValue() {
        assertTrue(ask(kg.inferred(), "cijfer:meldingen-onderzoek-2018-2019 am:value ?v FILTER(?v = 477)"));
    }

    @Test
    void subClassesGiveSuperTypes() {
        assertTrue(ask(kg.inferred(), "organisatie:nla a <http://www.w3.org/ns/org#FormalOrganization>"));
        assertTrue(ask(kg.all(), "wet:wtta a eli:LegalResource"));
    }

    @Test
    void inferredTriplesAreNeverAlsoAsserted() {
        for (Triple t : kg.inferred().find().toList()) assertFalse(kg.asserted().contains(t), t.toString());
        assertTrue(kg.inferred().size() > 0);
    }
}
