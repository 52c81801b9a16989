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
        assertTrue(ask(kg.all(), "wet:wet-arbeid-vreemdelingen am:enforcedBy organisatie:nla"));
        assertTrue(ask(kg.inferred(), "probleem:koppeling-werk-wonen am:addressedBy maatregel:wgv-apart-huurcontract")
                || ask(kg.asserted(), "probleem:koppeling-werk-wonen am:addressedBy maatregel:wgv-apart-huurcontract"));
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
