package nl.arbeidsmigratie.kg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.arbeidsmigratie.kg.query.ResultFormat;
import nl.arbeidsmigratie.kg.testsupport.ClientHeaders;

/** Content negotiation by the rules of RFC 9110 §12.5.1, for the headers real clients send. */
class NegotiationTest {
    private static Representation page(String accept) {
        Negotiation.Offer<Representation> o = Negotiation.byAccept(accept, Negotiation.PAGE_OR_RDF);
        return o == null ? null : o.value();
    }

    @Test
    void theRowsOfIssue9AnswerNQuadsTurtleTurtleRdfXmlAndNothing() {
        assertEquals(Representation.NQUADS, page(ClientHeaders.COMUNICA_SPACED));
        assertEquals(Representation.TURTLE, page("text/turtle, text/html;q=0.2"));
        assertEquals(Representation.TURTLE, page("text/html;q=0, text/turtle"));
        assertEquals(Representation.RDFXML, page("application/rdf+xml, text/turtle;q=0.5"));
        assertNull(page("image/png"));
    }

    @Test
    void browsersGetThePage() {
        for (String browser : new String[] {ClientHeaders.CHROME, ClientHeaders.FIREFOX, ClientHeaders.SAFARI})
            assertEquals(Representation.HTML, page(browser), browser);
    }

    @Test
    void linkedDataClientsGetRdf() {
        assertEquals(Representation.NQUADS, page(ClientHeaders.COMUNICA));
        assertEquals(Representation.RDFXML, page(ClientHeaders.RDFLIB));
        assertEquals(Representation.NTRIPLES, page(ClientHeaders.RDFLIB_NT), "text/plain is N-Triples' old name");
    }

    @Test
    void anythingGoesGivesThePathsFirstChoice() {
        assertEquals(Representation.HTML, page(ClientHeaders.CURL));
        assertEquals(Representation.HTML, page(null));
        assertEquals(Representation.HTML, page(""));
        assertEquals(Representation.HTML, page(ClientHeaders.JAVA_URLCONNECTION));
    }

    @Test
    void theMostSpecificRangeDecidesAndQZeroRefuses() {
        // "*/*" accepts HTML, but the more specific "text/html;q=0" refuses it (Jena's AcceptList.match would not).
        assertEquals(Representation.TURTLE, page("text/html;q=0, */*"));
        assertEquals(Representation.TURTLE, page("*/*, text/html;q=0"));
        assertEquals(Representation.JSONLD, page("application/*;q=0.5, application/ld+json"));
        assertNull(page("text/html;q=0"));
        assertNull(page("*/*;q=0"));
    }

    @Test
    void anOfferNamedExactlyBeatsAWildcardOfTheSameQ() {
        assertEquals(Representation.TURTLE, page("*/*, text/turtle"));
        assertEquals(Representation.NTRIPLES, page("application/*, application/n-triples"));
    }

    @Test
    void aliasesAskForTheirFormatButNeverOverrideARefusal() {
        assertEquals(Representation.JSONLD, page("application/json"));
        assertEquals(Representation.RDFXML, page("application/xml"));
        assertEquals(Representation.TURTLE, page("text/n3"));
        assertNull(page("application/ld+json;q=0, application/json"));
    }

    @Test
    void unreadableHeadersAreRefusedNamingThePart() {
        var e = assertThrows(Negotiation.BadAccept.class, () -> page("text/turtle;q=abc"));
        assertTrue(e.getMessage().contains("q=abc") || e.getMessage().contains("'abc'"), e.getMessage());
        assertThrows(Negotiation.BadAccept.class, () -> page("text/turtle;q=2"));
        var bare = assertThrows(Negotiation.BadAccept.class, () -> page("turtle"));
        assertTrue(bare.getMessage().contains("'turtle'"), bare.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"ttl,TURTLE", "turtle,TURTLE", "TTL,TURTLE", "nt,NTRIPLES", "ntriples,NTRIPLES", "nq,NQUADS",
            "nquads,NQUADS", "n-quads,NQUADS", "trig,TRIG", "jsonld,JSONLD", "json-ld,JSONLD", "rdf,RDFXML", "xml,RDFXML",
            "rdfxml,RDFXML", "html,HTML", "text/turtle,TURTLE", "application/rdf+xml,RDFXML"})
    void formatTakesTheUsualNames(String name, Representation expected) {
        assertEquals(expected, Negotiation.byName(name, Negotiation.PAGE_OR_RDF).value());
    }

    @ParameterizedTest
    @CsvSource({"json,JSON", "xml,XML", "csv,CSV", "tsv,TSV", "application/sparql-results+json,JSON",
            "text/tab-separated-values,TSV"})
    void resultFormatsTakeTheirNames(String name, ResultFormat expected) {
        assertEquals(expected, Negotiation.byName(name, Negotiation.RESULTS).value());
        assertNull(Negotiation.byName("ttl", Negotiation.RESULTS));
    }

    @Test
    void resultsHonourQValues() {
        // Issue 9: "…+json, text/csv;q=0.1" used to give CSV.
        assertEquals(ResultFormat.JSON, Negotiation.byAccept("application/sparql-results+json, text/csv;q=0.1",
                Negotiation.RESULTS).value());
        assertEquals(ResultFormat.XML, Negotiation.byAccept(ClientHeaders.SPARQLWRAPPER_XML, Negotiation.RESULTS).value());
        assertEquals(ResultFormat.JSON, Negotiation.byAccept(ClientHeaders.SPARQLWRAPPER_JSON, Negotiation.RESULTS).value());
        assertEquals(ResultFormat.TSV, Negotiation.byAccept("text/csv;q=0.5, text/tab-separated-values",
                Negotiation.RESULTS).value());
        // A browser opening a query URL: application/xml;q=0.9 is the best it names.
        assertEquals(ResultFormat.XML, Negotiation.byAccept(ClientHeaders.CHROME, Negotiation.RESULTS).value());
    }

    @Test
    void theNotAcceptableMessageListsWhatIsOffered() {
        String m = Negotiation.notAcceptable("image/png", Negotiation.PAGE_OR_RDF);
        for (Representation r : Representation.values()) assertTrue(m.contains(r.mediaType), m);
        assertTrue(m.contains("image/png") && m.contains("ttl"), m);
    }
}
