package nl.arbeidsmigratie.kg.sparql;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.riot.WebContent;
import org.apache.jena.shared.CannotEncodeCharacterException;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.web.HttpSC;

import nl.arbeidsmigratie.kg.http.Negotiation;
import nl.arbeidsmigratie.kg.http.Representation;
import nl.arbeidsmigratie.kg.query.ResultFormat;

/**
 * What a SPARQL answer is sent as, chosen by {@link Negotiation} like every other path, and the sending itself
 * (with Jena's writers). SELECT and ASK answer in SPARQL results JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE in
 * Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML. {@code output=}, {@code format=} or {@code results=} (read in
 * that order, first value, as plain Fuseki does) take the usual short names and media types and win over
 * {@code Accept} (or its stand-in parameter {@code accept=}); without either, SELECT and ASK answer in XML and graphs in Turtle, as plain Fuseki does. The
 * choice is made before the query runs, so a bad one costs nothing: 400 for an unknown name or unreadable
 * {@code Accept}, 406 when nothing in {@code Accept} fits, each naming what is offered.
 */
final class SparqlResults {
    private static final String CHOSEN = SparqlResults.class.getName() + ".chosen";
    private static final String CUT = SparqlResults.class.getName() + ".cut";
    private static final List<String> FORMAT_PARAMETERS = List.of("output", "format", "results");

    private SparqlResults() {}

    /** Decides the format of {@code query}'s answer and remembers it on the request; errors end the request. */
    static void choose(HttpAction action, Query query) {
        if (query.isJsonType()) return;
        boolean table = query.isSelectType() || query.isAskType();
        List<? extends Negotiation.Offer<?>> offers = table ? Negotiation.RESULTS : Negotiation.RDF;
        String form = query.isSelectType() ? "SELECT" : query.isAskType() ? "ASK" : query.isConstructType() ? "CONSTRUCT" : "DESCRIBE";
        for (String p : FORMAT_PARAMETERS) {
            String name = action.getRequestParameter(p);
            if (name == null) continue;
            Negotiation.Offer<?> o = Negotiation.byName(name, offers);
            if (o == null) {
                List<? extends Negotiation.Offer<?>> others = table ? Negotiation.RDF : Negotiation.RESULTS;
                boolean otherKind = Negotiation.byName(name, others) != null;
                ServletOps.errorBadRequest(p + "=" + name + (otherKind ? " is a format for " + (table ? "graphs" : "SELECT and ASK results")
                        : " is not a format this endpoint knows") + "; a " + form + " answers in: " + Negotiation.names(offers));
            }
            remember(action, o);
            return;
        }
        // Plain Fuseki lets ?accept= stand in for the header (for links and HTML forms): so does this endpoint.
        String accept = action.getRequestParameter("accept");
        if (accept == null) accept = Negotiation.accept(action.getRequest());
        if (accept == null) {
            remember(action, table ? Negotiation.byName("xml", Negotiation.RESULTS) : Negotiation.RDF.get(0));
            return;
        }
        try {
            Negotiation.Offer<?> o = Negotiation.byAccept(accept, offers);
            if (o == null) ServletOps.error(HttpSC.NOT_ACCEPTABLE_406, "a " + form + " answer: "
                    + Negotiation.notAcceptable(accept, offers).replace("?format=", "format="));
            remember(action, o);
        } catch (Negotiation.BadAccept e) {
            ServletOps.errorBadRequest(e.getMessage() + ". A " + form + " answers in: " + Negotiation.mediaTypes(offers));
        }
    }

    private static void remember(HttpAction action, Negotiation.Offer<?> o) {
        action.getRequest().setAttribute(CHOSEN, o);
    }

    /** Marks this request's answer as cut at the row cap. */
    static void markCut(HttpAction action) {
        action.getRequest().setAttribute(CUT, Boolean.TRUE);
    }

    /**
     * Sends {@code result} as chosen; false when there was no choice to honour (a JSON query), for Fuseki to send.
     * Results are already gathered within their limits (rows, bytes, triples). A table (SELECT, ASK) streams out
     * through Jetty's buffer: its writers cannot fail on any value (XML ones replace what XML cannot carry). A graph is
     * written to memory first, because Jena's RDF/XML writer refuses some characters part-way, and that must be a 406,
     * never a cut-off 200.
     */
    static boolean send(HttpAction action, QueryExecResult result, long maxRows) throws IOException {
        Object chosen = action.getRequest().getAttribute(CHOSEN);
        if (!(chosen instanceof Negotiation.Offer<?> offer) || result.isJson()) return false;
        byte[] body = null;
        if (!(offer.value() instanceof ResultFormat)) {
            Representation r = (Representation) offer.value();
            try {
                body = result.isDataset() ? r.write(result.dataset()) : r.write(result.graph());
            } catch (CannotEncodeCharacterException e) {
                // Jena's RDF/XML writer refuses characters XML cannot carry (U+0000-U+001F and others).
                ServletOps.error(HttpSC.NOT_ACCEPTABLE_406, "this answer has characters that " + offer.mediaType()
                        + " cannot carry; ask for text/turtle or application/n-triples");
                return true;
            }
        }
        ServletOps.setNoCache(action);
        action.setResponseHeader("Vary", "Accept");
        if (action.getRequest().getAttribute(CUT) != null) action.setResponseHeader(RowCap.HEADER, Long.toString(maxRows));
        ServletOps.success(action);
        action.setResponseContentType(offer.mediaType() + "; charset=utf-8");
        OutputStream out = action.getResponseOutputStream();
        if (body != null) {
            action.setResponseContentLength(body.length);
            out.write(body);
        } else if (offer.value() == ResultFormat.JSON && !result.isBoolean()) {
            CompactJson.write(out, result.rowSet());
        } else {
            ResultFormat rf = (ResultFormat) offer.value();
            ResultsWriter writer = ResultsWriter.create().lang(WebContent.contentTypeToLangResultSet(rf.mediaType))
                    .context(action.getContext()).build();
            if (result.isBoolean()) writer.write(out, result.booleanResult());
            else writer.write(out, result.rowSet());
        }
        return true;
    }
}
