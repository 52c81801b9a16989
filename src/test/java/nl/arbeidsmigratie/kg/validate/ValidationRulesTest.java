package nl.arbeidsmigratie.kg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

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

    private static void assertNames(String message, String focus, String file, String rule) {
        assertTrue(message.contains("<" + ID + focus + ">"), "focus node " + focus + " in:\n" + message);
        assertTrue(message.contains(file), "file " + file + " in:\n" + message);
        assertTrue(message.contains("breaks [" + rule + "]"), "rule [" + rule + "] in:\n" + message);
        assertFalse(message.contains("_:") || message.contains("SHACL"), "a rule named by a blank node:\n" + message);
    }

    @Test
    void aResourceWithoutAnEnglishLabelIsRejected(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.append(dir.resolve("data/actors.ttl"),
                "organisatie:zz-test a am:Organisation ; rdfs:label \"Alleen Nederlands\"@nl ;"
                        + " dct:description \"x\"@nl, \"x\"@en .");
        assertNames(failure(dir), "organisatie/zz-test", "data/actors.ttl", "label-en");
    }

    @Test
    void aRecommendationWithoutIssuerIsRejected(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.replace(dir.resolve("data/recommendations-roemer.ttl"),
                "am:issuedBy organisatie:aanjaagteam-bescherming-arbeidsmigranten", "am:addressedTo organisatie:kabinet");
        String m = failure(dir);
        assertTrue(m.contains("breaks [recommendation-issuer]"), m);
        assertTrue(m.contains("data/recommendations-roemer.ttl"), m);
    }

    @Test
    void aStatusWithoutASourceIsRejected(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.append(dir.resolve("data/status.ttl"),
                "beoordeling:zz-test a am:StatusAssessment ; am:status status:in-werking ; am:asOf \"2025-01-01\"^^xsd:date ;"
                        + " am:datePrecision precisie:dag ; am:assessmentKind beoordelingssoort:vakbron ; am:locator \"x\" ;"
                        + " rdfs:label \"t\"@nl, \"t\"@en ; dct:description \"t\"@nl, \"t\"@en ."
                        + " maatregel:wtta-toelatingsstelsel am:hasStatus beoordeling:zz-test .");
        assertNames(failure(dir), "beoordeling/zz-test", "data/status.ttl", "claim-source");
    }

    @Test
    void aLawWithoutIdentifierIsReportedAsAWarningAndTheBuildGoesOn(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        // complete but for its identifier: a title, so only the law-identifier rule has a reason to speak
        SourceCopy.append(dir.resolve("data/laws.ttl"),
                "wet:zz-test a am:Law, eli:LegalResource ; eli:title \"t\"@nl ; rdfs:label \"t\"@nl, \"t\"@en ;"
                        + " dct:description \"t\"@nl, \"t\"@en ; eli:date_document \"2020-01-01\"^^xsd:date ; dct:source bron:rapport ;"
                        + " prov:wasDerivedFrom bron:rapport ; am:identifiersFrom bron:feiten-na-rapport .");
        KnowledgeGraph kg = KnowledgeGraph.build(KgSource.directory(dir));
        List<Violation> mine = kg.warnings().stream().filter(w -> w.focusNode().equals(ID + "wet/zz-test")).toList();
        assertEquals(1, mine.size(), mine.toString());
        assertEquals("law-identifier", mine.get(0).rule());
        assertEquals("data/laws.ttl", mine.get(0).file());
        assertTrue(mine.get(0).toString().contains("warns [law-identifier]"), mine.get(0).toString());
    }

    @Test
    void aFigureWithoutUnitIsRejected(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.replace(dir.resolve("data/figures.ttl"), "sdmx-attribute:unitMeasure unit:NUM", "am:locator \"x\"");
        String m = failure(dir);
        assertTrue(m.contains("breaks [figure-unit]") && m.contains("unitMeasure"), m);
    }

    @Test
    void aProblemNoResponseAddressesAndNotMarkedUnaddressedIsRejected(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.append(dir.resolve("data/problems.ttl"),
                "probleem:zz-test a am:Problem, skos:Concept ; rdfs:label \"t\"@nl, \"t\"@en ; skos:prefLabel \"t\"@nl, \"t\"@en ;"
                        + " skos:definition \"t\"@nl, \"t\"@en ; skos:inScheme lijst:problemen ; dct:subject thema:werk ;"
                        + " prov:wasDerivedFrom bron:rapport ; am:locator \"x\" .");
        assertNames(failure(dir), "probleem/zz-test", "data/problems.ttl", "problem-addressed");
    }

    @Test
    void aMistypedSlugIsCaughtAsADanglingReference(@TempDir Path dir) {
        SourceCopy.copyOfReal(dir);
        SourceCopy.replace(dir.resolve("data/responses.ttl"), "am:legalBasis wet:wet-goed-verhuurderschap",
                "am:legalBasis wet:wet-goed-verhuurdershap");
        String m = failure(dir);
        assertTrue(m.contains(ID + "wet/wet-goed-verhuurdershap") && m.contains("breaks [dangling-reference]"), m);
    }
}
