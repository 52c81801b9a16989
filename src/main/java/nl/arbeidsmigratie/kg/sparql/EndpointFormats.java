package nl.arbeidsmigratie.kg.sparql;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.resultset.ResultSetLang;

import nl.arbeidsmigratie.kg.http.Negotiation;
import nl.arbeidsmigratie.kg.http.Negotiation.Offer;

/**
 * What a SPARQL answer is sent as: every syntax plain Fuseki offers, chosen with the same {@link Negotiation} as every
 * other path. SELECT answers in SPARQL results JSON, XML, CSV, TSV, RDF Thrift or text; ASK the same but Thrift (Jena
 * cannot write a boolean in it); CONSTRUCT and DESCRIBE in Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML or RDF
 * Thrift. {@code output=}, {@code format=} or {@code results=} (the first given, as plain Fuseki reads them) take a
 * short name or a media type and win over {@code Accept}; without either, SELECT and ASK answer in XML and graphs in
 * Turtle, as plain Fuseki does. 400 for an unknown name or an unreadable {@code Accept}, 406 when nothing in it fits.
 */
final class EndpointFormats {
    static final List<String> PARAMETERS = List.of("output", "format", "results");

    static final List<Offer<Lang>> SELECT = List.of(
            new Offer<>(ResultSetLang.RS_JSON, "application/sparql-results+json", List.of("application/json"), List.of("json", "srj")),
            new Offer<>(ResultSetLang.RS_XML, "application/sparql-results+xml", List.of("application/xml", "text/xml"),
                    List.of("xml", "srx", "sparql")),
            new Offer<>(ResultSetLang.RS_CSV, "text/csv", List.of(), List.of("csv")),
            new Offer<>(ResultSetLang.RS_TSV, "text/tab-separated-values", List.of(), List.of("tsv")),
            new Offer<>(ResultSetLang.RS_Thrift, "application/sparql-results+thrift", List.of(), List.of("thrift", "srt")),
            new Offer<>(ResultSetLang.RS_Text, "text/plain", List.of(), List.of("text", "txt")));
    static final List<Offer<Lang>> ASK = SELECT.stream().filter(o -> o.value() != ResultSetLang.RS_Thrift).toList();
    static final List<Offer<Lang>> GRAPH = graphOffers();

    private EndpointFormats() {}

    /** The RDF syntaxes of every other path, in their order, and RDF Thrift. */
    private static List<Offer<Lang>> graphOffers() {
        List<Offer<Lang>> out = new ArrayList<>();
        for (var o : Negotiation.RDF)
            out.add(new Offer<>(RDFLanguages.contentTypeToLang(o.mediaType()), o.mediaType(), o.alsoAccepted(), o.names()));
        out.add(new Offer<>(Lang.RDFTHRIFT, "application/rdf+thrift", List.of(), List.of("thrift", "rt")));
        return List.copyOf(out);
    }

    /** A choice that cannot be honoured: the status (400 or 406) and what to say. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /**
     * The format of {@code query}'s answer.
     *
     * @param formatParameter the first format parameter given, as {@code name=value}, or ""
     * @param accept the {@code Accept} header (or {@code accept=}), or ""
     */
    static Offer<Lang> choose(Query query, String formatParameter, String accept) {
        List<Offer<Lang>> offers = query.isSelectType() ? SELECT : query.isAskType() ? ASK : GRAPH;
        boolean table = query.isSelectType() || query.isAskType();
        String form = query.isSelectType() ? "SELECT" : query.isAskType() ? "ASK" : query.isConstructType() ? "CONSTRUCT" : "DESCRIBE";
        if (!formatParameter.isEmpty()) {
            int eq = formatParameter.indexOf('=');
            String parameter = formatParameter.substring(0, eq), name = formatParameter.substring(eq + 1);
            Offer<Lang> o = Negotiation.byName(name, offers);
            if (o != null) return o;
            boolean otherKind = Negotiation.byName(name, table ? GRAPH : SELECT) != null;
            throw new Refused(400, parameter + "=" + name + (otherKind ? " is a format for " + (table ? "graphs" : "SELECT and ASK results")
                    : " is not a format this endpoint knows") + "; a " + form + " answers in: " + Negotiation.names(offers));
        }
        if (accept.isEmpty()) return table ? offers.get(1) : offers.get(0);
        try {
            Offer<Lang> o = Negotiation.byAccept(accept, offers);
            if (o == null) throw new Refused(406, "a " + form + " answer: "
                    + Negotiation.notAcceptable(accept, offers).replace("?format=", "format="));
            return o;
        } catch (Negotiation.BadAccept e) {
            throw new Refused(400, e.getMessage() + ". A " + form + " answers in: " + Negotiation.mediaTypes(offers));
        }
    }

    /** The Content-Type header: text formats in UTF-8, RDF Thrift as it is. */
    static String contentType(Offer<Lang> o) {
        return o.value() == Lang.RDFTHRIFT || o.value() == ResultSetLang.RS_Thrift ? o.mediaType() : o.mediaType() + "; charset=utf-8";
    }
}
