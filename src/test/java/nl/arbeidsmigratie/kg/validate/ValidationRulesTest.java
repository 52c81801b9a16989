package nl.arbeidsmigratie.kg.validate;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.load.KgInputException;
import nl.arbeidsmigratie.kg.source.KgSource;
import nl.arbeidsmigratie.kg.testsupport.SourceCopy;

/**
 * Each quality rule, broken once in a copy of the real data: the build fails and the message names the focus
 * node, the file that describes it, and the rule.
 */
class ValidationRulesTest {
    private static final String ID = "https://w3id.org/arbeidsmigratie/id/";

    private static String failure(Path dir) {
        return assertThrows(KgInputException.class, () -> KnowledgeGraph.build(KgSource.directory(dir))).getMessage();
    }

    private static void assertNames(String message, String focus, String file) {
        assertTrue(message.contains("<" + ID + focus + ">"), "focus node " + focus + " in:\n" + message);
        assertTrue(message.contains(file), "file " + file + " in:\n" + message);
    }

    @Test
    void aResourceWithoutAnEnglishLabelIsRejected(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.append(dir.resolve("data/actors.ttl"),
                "organisatie:zz-test a am:Organisation ; rdfs:label \"Alleen Nederlands\"@nl ;"
                        + " dct:description \"x\"@nl, \"x\"@en .");
        assertNames(failure(dir), "organisatie/zz-test", "data/actors.ttl");
    }

    @Test
    void aRecommendationWithoutIssuerIsRejected(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.replace(dir.resolve("data/recommendations-roemer.ttl"),
                "am:issuedBy organisatie:aanjaagteam-bescherming-arbeidsmigranten", "am:addressedTo organisatie:kabinet");
        String m = failure(dir);
        assertTrue(m.contains("issuedBy") || m.toLowerCase().contains("issuer"), m);
        assertTrue(m.contains("data/recommendations-roemer.ttl"), m);
    }

    @Test
    void aStatusWithoutASourceIsRejected(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.append(dir.resolve("data/status.ttl"),
                "beoordeling:zz-test a am:StatusAssessment ; am:status status:in-werking ; am:asOf \"2025-01-01\"^^xsd:date ;"
                        + " am:locator \"x\" ; rdfs:label \"t\"@nl, \"t\"@en . maatregel:wtta-toelatingsstelsel am:hasStatus beoordeling:zz-test .");
        assertNames(failure(dir), "beoordeling/zz-test", "data/status.ttl");
    }

    @Test
    void aLawWithoutIdentifierIsRejected(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.append(dir.resolve("data/laws.ttl"),
                "wet:zz-test a am:Law, eli:LegalResource ; rdfs:label \"t\"@nl, \"t\"@en ; dct:description \"t\"@nl, \"t\"@en ;"
                        + " eli:date_document \"2020-01-01\"^^xsd:date ; dct:source bron:rapport .");
        assertNames(failure(dir), "wet/zz-test", "data/laws.ttl");
    }

    @Test
    void aFigureWithoutUnitIsRejected(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.replace(dir.resolve("data/figures.ttl"), "sdmx-attribute:unitMeasure unit:NUM", "am:locator \"x\"");
        assertTrue(failure(dir).contains("unitMeasure"));
    }

    @Test
    void aProblemNoResponseAddressesAndNotMarkedUnaddressedIsRejected(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.append(dir.resolve("data/problems.ttl"),
                "probleem:zz-test a am:Problem, skos:Concept ; rdfs:label \"t\"@nl, \"t\"@en ; skos:prefLabel \"t\"@nl, \"t\"@en ;"
                        + " skos:definition \"t\"@nl, \"t\"@en ; skos:inScheme lijst:problemen ; dct:subject thema:werk ;"
                        + " prov:wasDerivedFrom bron:rapport ; am:locator \"x\" .");
        assertNames(failure(dir), "probleem/zz-test", "data/problems.ttl");
    }

    @Test
    void aMistypedSlugIsCaughtAsADanglingReference(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.replace(dir.resolve("data/responses.ttl"), "am:legalBasis wet:wet-goed-verhuurderschap",
                "am:legalBasis wet:wet-goed-verhuurdershap");
        assertTrue(failure(dir).contains(ID + "wet/wet-goed-verhuurdershap"));
    }
}
