package nl.arbeidsmigratie.kg.graph;

import static nl.arbeidsmigratie.kg.testsupport.Graphs.ask;
import static nl.arbeidsmigratie.kg.testsupport.Graphs.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.arbeidsmigratie.kg.source.KgSource;
import nl.arbeidsmigratie.kg.testsupport.Graphs;
import nl.arbeidsmigratie.kg.testsupport.SourceCopy;

/**
 * The OWL RL entailments and the derivation rules of {@code queries/derive/} are materialised once and kept apart
 * from what the files assert.
 */
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

    @Test
    void everyAssessedItemHasExactlyOneLatestAssessmentAndItIsTheLastInTime() {
        assertFalse(ask(kg.all(), "?item am:hasStatus ?a FILTER NOT EXISTS { ?item am:latestAssessment ?l }"),
                "an item with assessments lacks am:latestAssessment");
        assertFalse(ask(kg.all(), "?item am:latestAssessment ?a, ?b FILTER(?a != ?b)"), "two latest assessments");
        assertFalse(ask(kg.all(), "?item am:latestAssessment ?l ; am:hasStatus ?a . ?l am:asOf ?dl . ?a am:asOf ?da "
                + "FILTER(?da > ?dl)"), "an assessment is later than the latest one");
    }

    @Test
    void theAssessmentsOfTheWttaAdmissionSystemFormOneChainOldestFirst() {
        List<String> chain = values(kg.all(), """
                SELECT ?date WHERE {
                  maatregel:wtta-toelatingsstelsel am:hasStatus ?a . ?a am:asOf ?date .
                  { SELECT ?a (COUNT(?before) AS ?n) WHERE {
                      maatregel:wtta-toelatingsstelsel am:hasStatus ?a .
                      OPTIONAL { ?a am:previousAssessment+ ?before } } GROUP BY ?a }
                } ORDER BY ?n""");
        // the two scheduled dates (data/changes/) come last: in force 2027-01-01, admission duty 2028-01-01
        assertEquals(List.of("2024-05-13", "2025-04-15", "2025-06-27", "2025-11-11", "2026-02-16", "2027-01-01", "2028-01-01"), chain);
        assertTrue(ask(kg.all(), "maatregel:wtta-toelatingsstelsel am:latestAssessment beoordeling:wtta-toelatingsstelsel-2028-01-01-gepland"));
    }

    @Test
    void derivedOrderAndLatestAssessmentLiveInTheInferredGraphOnly() {
        assertTrue(ask(kg.inferred(), "?a am:nextAssessment ?b . ?b am:previousAssessment ?a"));
        assertTrue(ask(kg.inferred(), "?item am:latestAssessment ?a"));
        assertFalse(ask(kg.asserted(), "{ ?a am:nextAssessment ?b } UNION { ?a am:previousAssessment ?b } UNION { ?a am:latestAssessment ?b }"));
    }

    @Test
    void twoAssessmentsOnOneDateAreOrderedByIriSoTheLatestIsAlwaysTheSame(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        String copy = "a am:StatusAssessment ; am:assessmentOf maatregel:sna-keurmerk ; am:status status:in-werking ;"
                + " am:asOf \"2025-06-27\"^^xsd:date ; am:datePrecision precisie:dag ;"
                + " am:assessmentKind beoordelingssoort:rapport ; prov:wasDerivedFrom bron:rapport ; am:locator \"x\" ;"
                + " rdfs:label \"t\"@nl, \"t\"@en ; dct:description \"t\"@nl, \"t\"@en .";
        SourceCopy.append(dir.resolve("data/status.ttl"), "beoordeling:sna-keurmerk-2025-06-27-zz " + copy);
        KnowledgeGraph g = KnowledgeGraph.build(KgSource.directory(dir));
        assertTrue(ask(g.inferred(), "beoordeling:sna-keurmerk-2025-06-27 am:nextAssessment beoordeling:sna-keurmerk-2025-06-27-zz"));
        assertTrue(ask(g.inferred(), "maatregel:sna-keurmerk am:latestAssessment beoordeling:sna-keurmerk-2025-06-27-zz"));
        assertFalse(ask(g.inferred(), "maatregel:sna-keurmerk am:latestAssessment beoordeling:sna-keurmerk-2025-06-27"));
    }
}
