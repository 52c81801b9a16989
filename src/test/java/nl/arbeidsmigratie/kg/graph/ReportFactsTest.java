package nl.arbeidsmigratie.kg.graph;

import static nl.arbeidsmigratie.kg.testsupport.Graphs.ask;
import static nl.arbeidsmigratie.kg.testsupport.Graphs.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.arbeidsmigratie.kg.testsupport.Graphs;

/** Facts the report states, checked on the real graph (asserted plus inferred), cell by cell and row by row. */
class ReportFactsTest {
    private static Graph g;

    @BeforeAll
    static void build() {
        g = Graphs.real().all();
    }

    @ParameterizedTest(name = "Table 1: {0} {1} = {3}")
    @CsvSource({
            "instroom, eu-efta-arbeidsmigranten, am:count, 225300",
            "instroom, niet-eu-efta-kennismigranten, am:count, 76400",
            "uitzendbureau, eu-efta-arbeidsmigranten, am:share, 40.9",
            "uitzendbureau, niet-eu-efta-kennismigranten, am:share, 4.2",
            "tijdelijk-contract, eu-efta-arbeidsmigranten, am:share, 73",
            "tijdelijk-contract, niet-eu-efta-kennismigranten, am:share, 67",
            "vertrek-5-jaar, eu-efta-arbeidsmigranten, am:share, 62",
            "vertrek-5-jaar, niet-eu-efta-kennismigranten, am:share, 69",
            "partner-gezin, eu-efta-arbeidsmigranten, am:share, 25",
            "partner-gezin, niet-eu-efta-kennismigranten, am:share, 38",
    })
    void everyNumericCellOfTable1IsAnObservationOfItsGroup(String row, String group, String measure, String value) {
        // a cell about a narrower group (low-income EU labour migrants) still belongs to its column's group
        assertTrue(ask(g, "?o qb:dataSet dataset:tabel-1 ; am:migrantGroup/skos:broader* groep:" + group + " ; " + measure
                + " ?v ; sdmx-attribute:unitMeasure ?u ; prov:wasDerivedFrom bron:rapport ; am:locator ?loc ."
                + " FILTER(?v = " + value + " && CONTAINS(STR(?o), '" + row + "'))"), row + " " + group);
    }

    @ParameterizedTest(name = "Table 1 origin: {0} {1}%")
    @CsvSource({"polen, 32", "duitsland, 9", "verenigd-koninkrijk, 8", "italie, 7", "frankrijk, 5",
            "india, 28.7", "verenigde-staten, 12.8", "china, 10.2", "japan, 6.0", "turkije, 5.0"})
    void everyTopFiveOriginCountryIsAShareObservation(String country, String share) {
        assertTrue(ask(g, "?o qb:dataSet dataset:tabel-1 ; am:countryOfOrigin land:" + country
                + " ; am:share ?v ; sdmx-attribute:unitMeasure unit:PERCENT FILTER(?v = " + share + ")"));
    }

    @Test
    void table1MainSectorsAreRecordedForBothGroups() {
        assertEquals(2, values(g, "SELECT DISTINCT ?o { ?o a am:QualitativeObservation ; qb:dataSet dataset:tabel-1 ;"
                + " am:mainSector ?s }").size());
    }

    @Test
    void wetGoedVerhuurderschapIsInForceSinceFirstJuly2023() {
        assertTrue(ask(g, "wet:wet-goed-verhuurderschap eli:first_date_entry_in_force '2023-07-01'^^xsd:date ;"
                + " eli:in_force eli:InForce-inForce"));
    }

    @Test
    void wttaRequiresVogDepositOfHundredThousandEuroAndCorrectWagesAndTaxes() {
        assertTrue(ask(g, "wet:wtta am:requires eis:wtta-vog, eis:wtta-waarborgsom, eis:wtta-loon-en-belasting ;"
                + " eli:amends wet:waadi . eis:wtta-waarborgsom am:amount ?a FILTER(?a = 100000)"));
        assertTrue(ask(g, "wet:wtta am:requires ?r . ?r prov:wasDerivedFrom bron:rapport"),
                "the report's own account of the requirements is sourced to the report");
    }

    @ParameterizedTest(name = "Table 2 row {0}")
    @CsvSource({
            "werk, roemer-werk-certificering, wtta-toelatingsstelsel, uitgesteld, wtta-toelatingsstelsel, Werk",
            "huisvesting, roemer-huisvesting-ontkoppeling, wgv-apart-huurcontract, in-werking, wgv-apart-huurcontract, Huisvesting",
            "registratie, roemer-registratie-sluitend, brp-tijdelijk-verblijfadres, in-werking, wtta-bevorderingsplicht, Registratie",
            "zorg, roemer-zorg-ontkoppeling-verzekering, subsidieregeling-onverzekerden, in-werking, subsidieregeling-onverzekerden, Zorg",
            "handhaving, roemer-handhaving-capaciteit, nla-uitbreiding-90-fte, toegezegd, nla-uitbreiding-90-fte, Handhaving",
    })
    void everyRowOfTable2LinksThemeRecommendationMeasureStatusAndCritique(String theme, String rec, String measure,
                                                                          String status, String criticised, String row) {
        assertTrue(ask(g, "aanbeveling:" + rec + " dct:subject thema:" + theme + " ; am:issuedBy "
                + "organisatie:aanjaagteam-bescherming-arbeidsmigranten ."), "recommendation " + rec);
        assertTrue(ask(g, "maatregel:" + measure + " am:implements aanbeveling:" + rec), "measure implements " + rec);
        assertTrue(ask(g, "maatregel:" + measure + " am:hasStatus ?s . ?s am:status status:" + status
                + " ; am:asOf '2025-06-27'^^xsd:date ; prov:wasDerivedFrom bron:rapport ; am:locator ?l"
                + " FILTER(CONTAINS(?l, 'Tabel 2'))"), "status of " + measure + " per the report");
        assertTrue(ask(g, "?c a am:Critique ; am:critiqueOf maatregel:" + criticised + " ; rdfs:comment ?point ;"
                + " prov:wasDerivedFrom bron:rapport ; am:locator ?l FILTER(CONTAINS(?l, 'Tabel 2 (rij " + row + "'))"),
                "Tabel 2 critique in row " + row);
    }

    @Test
    void registrationDutyWasWeakenedToAnUncheckedBevorderingsplicht() {
        assertTrue(ask(g, "aanbeveling:roemer-registratie-zorgplicht-werkgevers am:hasStatus ?s ."
                + " ?s am:status status:afgezwakt ; am:asOf '2025-06-27'^^xsd:date"));
        assertTrue(ask(g, "?c a am:Critique ; am:critiqueBy persoon:emile-roemer ; am:critiqueOf maatregel:wtta-bevorderingsplicht"));
    }

    @Test
    void nlaFiguresOfTheReportAreThere() {
        assertTrue(ask(g, "cijfer:nla-dekkingsgraad-uitzendsector am:share ?v ; sdmx-attribute:unitMeasure unit:PERCENT FILTER(?v = 1)"));
        assertTrue(ask(g, "cijfer:meldingen-misstanden-2018-2019 am:count ?v FILTER(?v = 4000)"));
        assertTrue(ask(g, "cijfer:meldingen-onderzoek-2018-2019 am:count ?v FILTER(?v = 477)"));
        assertTrue(ask(g, "cijfer:nla-uitbreiding-90-fte-rapport am:fte ?v FILTER(?v = 90)"));
        assertTrue(ask(g, "organisatie:nla am:enforces wet:wet-arbeid-vreemdelingen, wet:arbeidsomstandighedenwet,"
                + " wet:wet-minimumloon"));
    }

    @Test
    void wttaStatusHistoryReadsInOrderWithItsOwnSources() {
        List<String> dates = values(g, "SELECT ?d { maatregel:wtta-toelatingsstelsel am:hasStatus ?s ."
                + " ?s am:asOf ?d ; prov:wasDerivedFrom ?src } GROUP BY ?d ORDER BY ?d");
        assertEquals(List.of("2024-05-13", "2025-04-15", "2025-06-27", "2025-11-11", "2026-02-16", "2027-01-01", "2028-01-01"), dates);
        assertTrue(ask(g, "maatregel:wtta-toelatingsstelsel am:hasStatus ?s . ?s am:asOf '2025-11-11'^^xsd:date ;"
                + " am:status status:aangenomen ; am:plannedEntryIntoForce '2027-01-01'^^xsd:date ;"
                + " prov:wasDerivedFrom bron:zipconomy-eerste-kamer-wtta"));
    }

    @Test
    void dependencyOnTheEmployerLeadsThroughFearOfReportingSickToWorseningHealth() {
        // H3: the culture of fear "leidt onvermijdelijk tot de verergering van gezondheidsklachten": it worsens them;
        // dependency is one factor of "De combinatie van …" that results in that fear: it contributes
        assertTrue(ask(g, "probleem:afhankelijkheid-werkgever am:contributesTo probleem:angst-ziekmelding ."
                + " probleem:angst-ziekmelding am:worsens probleem:verslechterende-gezondheid"));
        assertTrue(ask(g, "probleem:onzichtbaarheid-brp am:causes+ probleem:geen-zicht-handhaving"));
    }

    @Test
    void allFortyFiveCitedWorksAreRecordsWithTheirUrls() {
        assertEquals(45, values(g, "SELECT DISTINCT ?w { bron:rapport cito:cites ?w . ?w am:citationNumber ?n ;"
                + " schema:url ?u ; dct:title ?t }").size());
        assertTrue(ask(g, "?w am:citationNumber 6 ; schema:url ?u FILTER(CONTAINS(STR(?u), 'tweede-advies-aanjaagteam'))"));
    }

    @Test
    void roemerHasFivePillars() {
        assertEquals(5, values(g, "SELECT DISTINCT ?p { ?p am:partOf aanbeveling:roemer ; a am:Recommendation }").size());
    }

    @Test
    void wgvAnswersTheCouplingOfWorkAndHousing() {
        assertTrue(ask(g, "maatregel:wgv-apart-huurcontract am:addressesProblem probleem:koppeling-werk-wonen ;"
                + " am:legalBasis wet:wet-goed-verhuurderschap"));
    }
}
