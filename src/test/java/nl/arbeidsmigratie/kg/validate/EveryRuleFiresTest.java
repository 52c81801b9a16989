package nl.arbeidsmigratie.kg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.arbeidsmigratie.kg.testsupport.RuleHarness;
import nl.arbeidsmigratie.kg.testsupport.SourceCopy;

/**
 * Every rule of {@code ontology/shapes.ttl} and every {@code queries/checks/*-violation.rq} is made to fire, on a copy of
 * the real data broken in exactly one place, and the test asserts the rule tags that fire: that rule and nothing
 * else, except where another rule cannot help firing with it (named in {@code alsoFires}, with the reason).
 */
class EveryRuleFiresTest {
    /** A sourced, labelled new recommendation, valid except where a case leaves something out. */
    private static final String REC = "aanbeveling:zz a am:Recommendation, prov:Entity ; rdfs:label 'zz'@nl, 'zz'@en ;"
            + " dct:description 'zz'@nl, 'zz'@en ; am:issuedBy organisatie:kabinet ; dct:subject thema:werk ;"
            + " prov:wasDerivedFrom bron:rapport ; am:locator 'x' .";
    /** A second, valid status assessment of the SNA mark on the report date (same status as the first). */
    private static String assessment(String status, String extra) {
        return "beoordeling:zz a am:StatusAssessment, prov:Entity ; rdfs:label 'zz'@nl, 'zz'@en ; dct:description 'zz'@nl, 'zz'@en ;"
                + " am:status status:" + status + " ; am:asOf '2025-06-27'^^xsd:date ; am:datePrecision precisie:dag ;"
                + " am:assessmentKind beoordelingssoort:rapport ; am:locator 'x' " + extra + " .";
    }
    private static final String SNA_STATUS = "beoordeling:sna-keurmerk-2025-06-27";
    /** A scheduled assessment of data/changes/: the Wtta in force on 1 January 2027. */
    private static final String SCHEDULED = "beoordeling:wtta-2027-01-01-gepland";
    private static final String FIGURE = "cijfer:meldingen-onderzoek-2018-2019";

    /** Range inference types any IRI value with the rule's class, so a wrong value can only be a literal. */
    private static final String LITERAL = "property-kind";

    static Stream<Arguments> cases() {
        return Stream.of(
                // labels and descriptions (unit:PERCENT: typed, outside our /id/ space, so labels-missing stays quiet)
                c("label-nl", "DELETE WHERE { unit:PERCENT rdfs:label 'procent'@nl }"),
                c("label-en", "DELETE WHERE { unit:PERCENT rdfs:label 'percent'@en }"),
                c("label-literal", "INSERT DATA { unit:PERCENT rdfs:label '' }"),
                c("description-nl", "DELETE { unit:PERCENT skos:definition ?d } WHERE { unit:PERCENT skos:definition ?d FILTER(lang(?d) = 'nl') }"),
                c("description-en", "DELETE { unit:PERCENT skos:definition ?d } WHERE { unit:PERCENT skos:definition ?d FILTER(lang(?d) = 'en') }"),
                c("concept-preflabel-nl", "DELETE { thema:werk skos:prefLabel ?l } WHERE { thema:werk skos:prefLabel ?l FILTER(lang(?l) = 'nl') }"),
                c("concept-preflabel-en", "DELETE { thema:werk skos:prefLabel ?l } WHERE { thema:werk skos:prefLabel ?l FILTER(lang(?l) = 'en') }"),
                c("concept-preflabel-unique", "INSERT DATA { thema:werk skos:prefLabel 'Arbeid'@nl }"),
                c("concept-scheme", "DELETE WHERE { status:uitgesteld skos:inScheme ?s }"),
                // claims
                c("claim-source", "DELETE WHERE { " + SNA_STATUS + " prov:wasDerivedFrom ?s }"),
                c("claim-source-title", "INSERT DATA { bron:zz rdfs:label 'zz'@nl, 'zz'@en ; dct:description 'zz'@nl, 'zz'@en ."
                        + " " + SNA_STATUS + " prov:wasDerivedFrom bron:zz }"),
                c("claim-locator", "DELETE WHERE { " + SNA_STATUS + " am:locator ?l }"),
                c("claim-locator-string", "INSERT DATA { " + SNA_STATUS + " am:locator 'x'@nl }"),
                // recommendations
                c("recommendation-issuer", "DELETE WHERE { aanbeveling:roemer-werk-certificering am:issuedBy ?o }"),
                c("recommendation-issuer-agent", "INSERT DATA { aanbeveling:roemer-werk-certificering am:issuedBy 'kabinet' }", LITERAL),
                c("recommendation-theme", "DELETE WHERE { aanbeveling:roemer-werk-certificering dct:subject ?t }"),
                c("recommendation-status", "INSERT DATA { " + REC + " }"),
                // the nested shape's failure is also a claim without a source
                c("recommendation-status-dated", "INSERT DATA { " + REC + " aanbeveling:zz am:hasStatus beoordeling:zz ."
                        + " " + assessment("voorgesteld", "") + " }", "claim-source"),
                c("recommendation-term", "INSERT DATA { aanbeveling:roemer-werk-certificering am:term 'kort' }", LITERAL),
                c("recommendation-part", "INSERT DATA { aanbeveling:roemer-werk-certificering am:partOf thema:werk }"),
                c("addresses-problem", "INSERT DATA { aanbeveling:roemer-werk-certificering am:addressesProblem 'x' }", LITERAL),
                // status assessments
                c("status-one-status", "INSERT DATA { " + SNA_STATUS + " am:status status:onbekend }"),
                c("status-status-class", "DELETE { " + SNA_STATUS + " am:status ?s } INSERT { " + SNA_STATUS + " am:status 'in werking' }"
                        + " WHERE { " + SNA_STATUS + " am:status ?s }", LITERAL),
                c("status-one-asof", "INSERT DATA { " + SNA_STATUS + " am:asOf '2025-06-26'^^xsd:date }"),
                // status-order's datatype branch states the same rule for the checks
                c("status-asof-datatype", "DELETE { " + SNA_STATUS + " am:asOf ?d } INSERT { " + SNA_STATUS + " am:asOf '2025'^^xsd:gYear }"
                        + " WHERE { " + SNA_STATUS + " am:asOf ?d }", "status-order"),
                c("status-precision", "DELETE WHERE { " + SNA_STATUS + " am:datePrecision ?p }"),
                c("status-kind", "DELETE WHERE { " + SNA_STATUS + " am:assessmentKind ?k }"),
                // the check orphan-status states the same rule
                c("status-orphan", "INSERT DATA { " + assessment("in-werking", "; prov:wasDerivedFrom bron:rapport") + " }", "orphan-status"),
                // measures
                c("measure-status", "INSERT DATA { maatregel:zz a am:PolicyMeasure, prov:Entity ; rdfs:label 'zz'@nl, 'zz'@en ;"
                        + " dct:description 'zz'@nl, 'zz'@en ; prov:wasDerivedFrom bron:rapport ; am:locator 'x' }"),
                c("measure-implements", "INSERT DATA { maatregel:sna-keurmerk am:implements 'x' }", LITERAL),
                c("measure-legal-basis", "INSERT DATA { maatregel:sna-keurmerk am:legalBasis 'x' }", LITERAL),
                c("measure-responsible", "INSERT DATA { maatregel:sna-keurmerk am:responsibleBody 'x' }", LITERAL),
                // laws (law-identifier and law-date are warnings)
                c("law-identifier", "INSERT DATA { wet:zz a am:Law, eli:LegalResource ; eli:title 'zz'@nl ; rdfs:label 'zz'@nl, 'zz'@en ;"
                        + " dct:description 'zz'@nl, 'zz'@en ; eli:date_document '2020-01-01'^^xsd:date ; dct:source bron:rapport ;"
                        + " prov:wasDerivedFrom bron:rapport ; am:identifiersFrom bron:feiten-na-rapport }"),
                c("law-date", "INSERT DATA { wet:zz a am:Law, eli:LegalResource ; eli:title 'zz'@nl ; rdfs:label 'zz'@nl, 'zz'@en ;"
                        + " dct:description 'zz'@nl, 'zz'@en ; eli:id_local 'BWBR0000001' ; dct:source bron:rapport ;"
                        + " prov:wasDerivedFrom bron:rapport ; am:identifiersFrom bron:feiten-na-rapport }"),
                c("law-title", "DELETE WHERE { wet:wet-arbeid-vreemdelingen eli:title ?t }"),
                c("law-bwb-id", "DELETE { wet:wet-arbeid-vreemdelingen eli:id_local ?i } INSERT { wet:wet-arbeid-vreemdelingen eli:id_local 'BWB7149' }"
                        + " WHERE { wet:wet-arbeid-vreemdelingen eli:id_local ?i }"),
                c("law-in-force", "INSERT DATA { wet:wtta eli:in_force eli:InForce-inForce }"),
                c("law-requires", "INSERT DATA { wet:wtta am:requires 'x' }", LITERAL),
                c("law-amends", "INSERT DATA { wet:wtta eli:amends 'x' }", LITERAL),
                c("law-source", "DELETE WHERE { wet:wtta prov:wasDerivedFrom ?s }"),
                c("law-register-source", "DELETE WHERE { wet:wtta am:identifiersFrom ?s }"),
                // observations and figures
                c("observation-dataset", "DELETE WHERE { " + FIGURE + " qb:dataSet ?d }"),
                c("observation-dataset-class", "DELETE { " + FIGURE + " qb:dataSet ?d } INSERT { " + FIGURE + " qb:dataSet 'x' }"
                        + " WHERE { " + FIGURE + " qb:dataSet ?d }", LITERAL),
                c("observation-theme", "INSERT DATA { " + FIGURE + " dct:subject 'x' }", LITERAL),
                c("figure-unit", "INSERT DATA { " + FIGURE + " sdmx-attribute:unitMeasure am:Month }"),
                // a literal unit is also no unit that fits the measure
                c("figure-unit-known", "DELETE { " + FIGURE + " sdmx-attribute:unitMeasure ?u } INSERT { " + FIGURE + " sdmx-attribute:unitMeasure 'x' }"
                        + " WHERE { " + FIGURE + " sdmx-attribute:unitMeasure ?u }", LITERAL, "figure-unit-matches-measure"),
                c("figure-share-range", "DELETE { cijfer:nla-dekkingsgraad-uitzendsector am:share ?v } INSERT { cijfer:nla-dekkingsgraad-uitzendsector am:share 120.0 }"
                        + " WHERE { cijfer:nla-dekkingsgraad-uitzendsector am:share ?v }"),
                // the SHACL rule and the check figure-value-violation.rq share the tag figure-value
                c("figure-value", "INSERT DATA { " + FIGURE + " am:count 478.0 }"),
                c("figure-value-numeric", "DELETE { " + FIGURE + " am:count ?v } INSERT { " + FIGURE + " am:count '477' }"
                        + " WHERE { " + FIGURE + " am:count ?v }", "figure-value"),
                c("figure-unit-matches-measure", "DELETE { " + FIGURE + " sdmx-attribute:unitMeasure ?u } INSERT { " + FIGURE
                        + " sdmx-attribute:unitMeasure unit:PERCENT } WHERE { " + FIGURE + " sdmx-attribute:unitMeasure ?u }"),
                c("figure-measure-type", "DELETE { " + FIGURE + " qb:measureType ?m } INSERT { " + FIGURE + " qb:measureType am:share }"
                        + " WHERE { " + FIGURE + " qb:measureType ?m }"),
                c("figure-refperiod", "INSERT DATA { cijfer:uitzendbureaus-aantal am:refPeriod 'meer dan 15.000' }", LITERAL, "figure-period"),
                c("figure-reportedon", "INSERT DATA { cijfer:uitzendbureaus-aantal am:reportedOn '2025-06-28'^^xsd:date }"),
                c("figure-period-not-stated", "INSERT DATA { cijfer:uitzendbureaus-aantal am:periodNotStated 'ja' }"),
                c("figure-bound", "INSERT DATA { cijfer:uitzendbureaus-aantal am:bound am:upperBound }"),
                c("figure-other-end", "INSERT DATA { cijfer:arbeidsmigranten-totaal-ondergrens am:otherEnd cijfer:arbeidsmigranten-polisadministratie-bovengrens }"),
                c("figure-range-pair", "DELETE WHERE { cijfer:arbeidsmigranten-totaal-bovengrens am:bound ?b }"),
                c("figure-period", "DELETE WHERE { " + FIGURE + " am:refPeriod ?p }"),
                c("period-start", "DELETE WHERE { periode:2022 am:periodStart ?s }"),
                c("period-end", "INSERT DATA { periode:2022 am:periodEnd '2022-12-30'^^xsd:date }"),
                c("period-precision", "DELETE WHERE { periode:2022 am:datePrecision ?p }"),
                c("period-notation", "DELETE { periode:2022 skos:notation ?n } INSERT { periode:2022 skos:notation 'het jaar 2022' }"
                        + " WHERE { periode:2022 skos:notation ?n }"),
                c("period-order", "DELETE { periode:2022 am:periodEnd ?e } INSERT { periode:2022 am:periodEnd '2021-12-31'^^xsd:date }"
                        + " WHERE { periode:2022 am:periodEnd ?e }"),
                c("qualitative-main-sector", "DELETE WHERE { cijfer:tabel1-sectoren-eu-efta am:mainSector ?s }"),
                // problems (problem-unaddressed-violation.rq states problem-addressed and the contradiction again)
                c("problem-addressed", "INSERT DATA { probleem:zz a am:Problem, skos:Concept ; rdfs:label 'zz'@nl, 'zz'@en ;"
                        + " skos:prefLabel 'zz'@nl, 'zz'@en ; skos:definition 'zz'@nl, 'zz'@en ; skos:inScheme lijst:problemen ;"
                        + " dct:subject thema:werk ; prov:wasDerivedFrom bron:rapport ; am:locator 'x' }", "problem-unaddressed"),
                c("problem-theme", "DELETE WHERE { probleem:onderbetaling dct:subject ?t }"),
                c("problem-theme-class", "INSERT DATA { probleem:onderbetaling dct:subject 'x' }", LITERAL),
                c("problem-affects", "INSERT DATA { probleem:onderbetaling am:affects 'x' }", LITERAL),
                c("problem-evidence", "INSERT DATA { probleem:onderbetaling am:evidence 'x' }", LITERAL),
                c("problem-unaddressed-boolean", "INSERT DATA { probleem:impact-gezinnen-kinderen am:explicitlyUnaddressed 'ja' }"),
                c("problem-unaddressed-contradiction", "INSERT DATA { aanbeveling:roemer-werk-certificering am:addressesProblem probleem:impact-gezinnen-kinderen }",
                        "problem-unaddressed"),
                c("problem-link", "INSERT DATA { probleem:onderbetaling am:worsens 'x' }", LITERAL),
                c("problem-link-self", "INSERT DATA { probleem:onderbetaling am:worsens probleem:onderbetaling }"),
                // findings and the rows of Table 2
                c("finding-theme", "DELETE WHERE { bevinding:covid-vergrootglas dct:subject ?t }"),
                c("finding-quote", "DELETE WHERE { bevinding:covid-vergrootglas am:quote ?q }"),
                c("table-row-recommendation", "DELETE WHERE { dataset:tabel-2-rij-werk am:rowRecommendation ?r }"),
                c("table-row-measure", "DELETE WHERE { dataset:tabel-2-rij-werk am:rowMeasure ?r }"),
                c("table-row-assessment", "DELETE WHERE { dataset:tabel-2-rij-werk am:rowAssessment ?r }"),
                c("table-row-critique", "INSERT DATA { dataset:tabel-2-rij-werk am:rowCritique 'x' }", LITERAL),
                c("table-row-text", "DELETE WHERE { dataset:tabel-2-rij-werk am:statusText ?t }"),
                // critiques
                c("critique-by", "DELETE WHERE { kritiek:sna-keurmerk am:critiqueBy ?b }"),
                c("critique-by-agent", "INSERT DATA { kritiek:sna-keurmerk am:critiqueBy 'x' }", LITERAL),
                c("critique-of", "DELETE WHERE { kritiek:sna-keurmerk am:critiqueOf ?o } ; DELETE WHERE { ?x am:criticisedIn kritiek:sna-keurmerk }"),
                c("critique-comment", "DELETE WHERE { kritiek:sna-keurmerk rdfs:comment ?c }"),
                // sources (a second number leaves number 6 in place, so citation-numbers stays quiet)
                c("cited-number", "INSERT DATA { bron:geciteerd-06 am:citationNumber 46 }"),
                c("cited-url", "DELETE WHERE { bron:geciteerd-06 schema:url ?u }"),
                c("cited-title", "DELETE WHERE { bron:geciteerd-06 dct:title ?t }"),
                c("cited-number-unique", "INSERT DATA { bron:zz am:citationNumber 6 ; rdfs:label 'zz'@nl, 'zz'@en ; dct:description 'zz'@nl, 'zz'@en ; dct:title 'zz' ;"
                        + " schema:url 'https://example.org/zz' . bron:rapport cito:cites bron:zz }", "citation-numbers"),
                c("url-http", "DELETE { bron:geciteerd-06 schema:url ?u } INSERT { bron:geciteerd-06 schema:url 'ftp://example.org/x' }"
                        + " WHERE { bron:geciteerd-06 schema:url ?u }"),
                c("issued-date", "INSERT DATA { bron:rapport dct:issued '2025-06-28'^^xsd:date }"),
                c("issued-year", "INSERT { ?s am:issuedYear '2030'^^xsd:gYear } WHERE { { SELECT ?s { ?s am:issuedYear ?y } ORDER BY ?s LIMIT 1 } }"),
                c("date-datatype", "INSERT DATA { wet:wtta am:dateAdoptedHouse '15 april 2025' }"),
                c("string-datatype", "INSERT DATA { wet:wtta am:kamerstuk '36446'@nl }"),
                c("term-documented", "DELETE { am:worsens skos:definition ?d } WHERE { am:worsens skos:definition ?d FILTER(lang(?d) = 'nl') }"),
                // scheduled assessments (data/changes/): a date fixed in advance, not a fact that happened
                c("scheduled-status", "DELETE { " + SCHEDULED + " am:status ?s } INSERT { " + SCHEDULED + " am:status status:aangenomen }"
                        + " WHERE { " + SCHEDULED + " am:status ?s }"),
                c("scheduled-after-source", "INSERT DATA { bron:zipconomy-eerste-kamer-wtta dct:issued '2027-01-01'^^xsd:date }"),
                // the rules for new facts (queries/checks/changes/) judge what data/changes/ states
                c("new-fact-dated-source", "DELETE WHERE { bron:zipconomy-eerste-kamer-wtta am:issuedYear ?y }"),
                c("new-fact-locator", "DELETE WHERE { " + SCHEDULED + " am:locator ?l }", "claim-locator"),
                // the checks of queries/checks/
                c("citation-numbers", "DELETE WHERE { bron:rapport cito:cites bron:geciteerd-06 }"),
                c("dangling-reference", "INSERT DATA { maatregel:sna-keurmerk rdfs:seeAlso maatregel:sna-keurmrk }"),
                c("labels-missing", "INSERT DATA { <https://w3id.org/arbeidsmigratie/id/maatregel/zz> rdfs:seeAlso bron:rapport }"),
                c("orphan-status", "INSERT DATA { " + assessment("in-werking", "; prov:wasDerivedFrom bron:rapport") + " }", "status-orphan"),
                c("problem-unaddressed", "DELETE WHERE { probleem:impact-gezinnen-kinderen am:explicitlyUnaddressed ?b }", "problem-addressed"),
                c("property-kind", "INSERT DATA { aanbeveling:agenda-kort-wtta-direct am:buildsOn 'Roemer' }"),
                c("status-order", "INSERT DATA { maatregel:sna-keurmerk am:hasStatus beoordeling:zz . "
                        + assessment("onbekend", "; prov:wasDerivedFrom bron:rapport") + " }"),
                c("undeclared-term", "INSERT DATA { maatregel:sna-keurmerk am:zzNotInTheOntology 'x' }"));
    }

    private static Arguments c(String rule, String update, String... alsoFires) {
        return Arguments.of(rule, update, List.of(alsoFires));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("cases")
    void breakingTheDataInOnePlaceFiresExactlyThisRule(String rule, String update, List<String> alsoFires) {
        Set<String> expected = new TreeSet<>(alsoFires);
        expected.add(rule);
        List<Violation> found = RuleHarness.get().newFindings(update);
        Set<String> fired = new TreeSet<>();
        found.forEach(v -> fired.add(v.rule()));
        assertEquals(expected, fired, "rules fired by the break for [" + rule + "]:\n  "
                + String.join("\n  ", found.stream().map(Violation::toString).toList()));
        for (Violation v : found)
            assertTrue(v.message() != null && !v.message().isBlank() && !v.focusNode().startsWith("_:")
                    && !v.message().startsWith("["), "the tag is the rule's name, the message says why: " + v);
    }

    @Test
    void theTwoLawRulesAreWarningsAndTheBuildGoesOn() {
        for (String update : List.of(
                "INSERT DATA { wet:zz a am:Law ; eli:title 'zz'@nl ; rdfs:label 'zz'@nl, 'zz'@en ; dct:description 'zz'@nl, 'zz'@en ;"
                        + " eli:date_document '2020-01-01'^^xsd:date ; prov:wasDerivedFrom bron:rapport ; am:identifiersFrom bron:feiten-na-rapport }",
                "INSERT DATA { wet:zz a am:Law ; eli:title 'zz'@nl ; rdfs:label 'zz'@nl, 'zz'@en ; dct:description 'zz'@nl, 'zz'@en ;"
                        + " eli:id_local 'BWBR0000001' ; prov:wasDerivedFrom bron:rapport ; am:identifiersFrom bron:feiten-na-rapport }"))
            for (Violation v : RuleHarness.get().newFindings(update))
                assertTrue(v.isWarning(), v.toString());
        assertTrue(RuleHarness.get().baselineFindings().stream().allMatch(Violation::isWarning));
    }

    @Test
    void everyRuleAndEveryCheckHasACase() throws IOException {
        Set<String> covered = new TreeSet<>();
        cases().forEach(a -> covered.add((String) a.get()[0]));
        Set<String> rules = new TreeSet<>(tags(Files.readString(SourceCopy.projectRoot().resolve("ontology/shapes.ttl")), "sh:message \"\\["));
        try (Stream<Path> checks = Files.walk(SourceCopy.projectRoot().resolve("queries/checks"))) {
            for (Path check : checks.filter(Files::isRegularFile).toList()) rules.addAll(tags(Files.readString(check), "\"\\["));
        }
        rules.removeAll(covered);
        assertTrue(rules.isEmpty(), "rules without a test: " + rules);
    }

    private static Set<String> tags(String text, String before) {
        Set<String> tags = new TreeSet<>();
        Matcher m = Pattern.compile(before + "([a-z0-9-]+)\\]").matcher(text);
        while (m.find()) tags.add(m.group(1));
        return tags;
    }
}
