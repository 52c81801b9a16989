package nl.arbeidsmigratie.kg.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;
import org.eclipse.jetty.http.QuotedCSV;

import nl.arbeidsmigratie.kg.query.ResultFormat;

/**
 * Content negotiation, the one place every path decides what to send: resource pages, {@code /def}, the named
 * graphs, the dumps index, the prepared-question API and the SPARQL endpoint.
 *
 * <p>A path lists its {@link Offer}s in its own order of preference. The client chooses with {@code ?format=} (a
 * short name such as {@code ttl}, or a media type) or with {@code Accept}, read as RFC 9110 §12.5.1 says: each
 * offer gets the q-value of the <em>most specific</em> media range that matches it ({@code text/html;q=0, *}{@code /*}
 * refuses HTML and accepts the rest), {@code q=0} means "not this", and among the acceptable offers the highest q
 * wins, then the more specific match, then the path's preference. The header is split with Jetty's {@link QuotedCSV}
 * and each range parsed and matched by Jena's {@link MediaRange} ({@link AcceptList} is Jena's type for the parsed
 * header); only the choice itself is ours, because Jena's {@link AcceptList#match} takes the highest q of any
 * matching range and so lets {@code *}{@code /*} override {@code text/html;q=0}.
 */
public final class Negotiation {
    /**
     * Something a path can send.
     *
     * @param mediaType the type it is sent as
     * @param alsoAccepted other media types that ask for it (e.g. {@code application/json} for JSON-LD); they rank
     *     after every offer's own type
     * @param names what {@code ?format=} (and the SPARQL endpoint's {@code format}/{@code output}) calls it; the first
     *     is the name the server uses in its own links
     */
    public record Offer<T>(T value, String mediaType, List<String> alsoAccepted, List<String> names) {
        public String name() { return names.get(0); }
    }

    /** An {@code Accept} header that cannot be read; the message says which part and why. */
    public static final class BadAccept extends IllegalArgumentException {
        BadAccept(String message) { super(message); }
    }

    /** The RDF syntaxes every RDF document is offered in, Turtle first. */
    public static final List<Offer<Representation>> RDF = offers(Representation.rdf());
    /** A page for people first (browsers, and clients that say nothing), then RDF. */
    public static final List<Offer<Representation>> PAGE_OR_RDF = offers(Representation.values());
    /** SPARQL 1.1 results of SELECT and ASK (prepared questions and the endpoint), JSON first. */
    public static final List<Offer<ResultFormat>> RESULTS = List.of(
            new Offer<>(ResultFormat.JSON, ResultFormat.JSON.mediaType, List.of("application/json"), List.of("json", "srj")),
            new Offer<>(ResultFormat.XML, ResultFormat.XML.mediaType, List.of("application/xml", "text/xml"),
                    List.of("xml", "srx", "sparql")),
            new Offer<>(ResultFormat.CSV, ResultFormat.CSV.mediaType, List.of(), List.of("csv")),
            new Offer<>(ResultFormat.TSV, ResultFormat.TSV.mediaType, List.of(), List.of("tsv")));

    private Negotiation() {}

    private static List<Offer<Representation>> offers(Representation... rs) {
        List<Offer<Representation>> out = new ArrayList<>();
        for (Representation r : rs) out.add(new Offer<>(r, r.mediaType, r.alsoAccepted, r.names));
        return List.copyOf(out);
    }

    /** The offers whose value is in {@code values}, in the order of {@code offers}. */
    public static <T> List<Offer<T>> only(List<Offer<T>> offers, List<T> values) {
        return offers.stream().filter(o -> values.contains(o.value())).toList();
    }

    /** Every {@code Accept} header line of the request joined into one list, or null when there is none. */
    public static String accept(HttpServletRequest req) {
        var lines = req.getHeaders("Accept");
        if (lines == null || !lines.hasMoreElements()) return req.getHeader("Accept");
        String joined = String.join(",", Collections.list(lines));
        return joined.isBlank() ? null : joined;
    }

    /**
     * The offer {@code accept} prefers, or null when it accepts none of them (406). A missing or empty header accepts
     * anything: the path's first offer.
     *
     * @throws BadAccept when a media range or q-value cannot be read
     */
    public static <O extends Offer<?>> O byAccept(String accept, List<O> offers) {
        if (accept == null || accept.isBlank()) return offers.get(0);
        AcceptList ranges = parse(accept);
        O best = null;
        double[] bestWeight = null;
        for (O offer : offers) {
            double[] w = weigh(ranges, offer.mediaType());
            for (String alias : offer.alsoAccepted()) {
                double[] a = weigh(ranges, alias);
                // An alias counts where it is named more precisely than the offer's own type (so that
                // "application/ld+json;q=0, application/json" still refuses JSON-LD), and ranks just below it.
                if (a != null && (w == null || a[1] > w[1])) w = new double[] {a[0], a[1] - 0.5};
            }
            if (w == null || w[0] <= 0) continue;
            if (best == null || w[0] > bestWeight[0] || (w[0] == bestWeight[0] && w[1] > bestWeight[1])) {
                best = offer;
                bestWeight = w;
            }
        }
        return best;
    }

    /**
     * {q, specificity} of the most specific range in {@code ranges} that matches {@code mediaType}, or null. Ranges
     * equally specific: the highest q.
     */
    private static double[] weigh(AcceptList ranges, String mediaType) {
        MediaType offered = MediaType.create(mediaType);
        double[] found = null;
        for (MediaRange r : ranges.entries()) {
            if (!r.accepts(offered)) continue;
            int s = specificity(r);
            if (found == null || s > found[1] || (s == found[1] && r.get_q() > found[0])) found = new double[] {r.get_q(), s};
        }
        return found;
    }

    /** 3 for type/subtype, 2 for type/*, 0 for *}{@code /*. */
    private static int specificity(MediaRange r) {
        boolean anyType = r.getType() == null || r.getType().equals("*");
        boolean anySub = r.getSubType() == null || r.getSubType().equals("*");
        return anyType ? 0 : anySub ? 2 : 3;
    }

    /** The header as Jena's list of media ranges, each checked first so that a bad one is named, not guessed at. */
    static AcceptList parse(String accept) {
        List<MediaRange> ranges = new ArrayList<>();
        for (String item : new QuotedCSV(true, accept)) {
            if (item.isBlank()) continue;
            MediaType t;
            try {
                t = MediaType.create(item);
            } catch (RuntimeException e) {
                throw new BadAccept("Accept: cannot read the media range '" + item + "'");
            }
            boolean star = "*".equals(t.getType());
            if (t.getType() == null || t.getType().isEmpty() || (t.getSubType() == null && !star) || "".equals(t.getSubType()))
                throw new BadAccept("Accept: '" + item + "' is not a media range such as text/turtle, text/* or */*");
            String q = t.getParameter("q");
            if (q != null && !validQ(q))
                throw new BadAccept("Accept: the q-value in '" + item + "' must be a number from 0 to 1, not '" + q + "'");
            ranges.add(new MediaRange(t));
        }
        return new AcceptList(ranges);
    }

    /** RFC 9110's qvalue, read as leniently as Jena does ({@code .5} too): a decimal from 0 to 1. */
    private static boolean validQ(String q) {
        String v = q.strip();
        return v.matches("0*(\\.\\d*)?|0*1(\\.0*)?") && !v.equals(".") && !v.isEmpty();
    }

    /** The offer {@code ?format=} names, by one of its names or media types (any case), or null. */
    public static <O extends Offer<?>> O byName(String name, List<O> offers) {
        if (name == null) return null;
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (O o : offers) if (o.names().contains(n)) return o;
        for (O o : offers) if (o.mediaType().equals(n)) return o;
        for (O o : offers) if (o.alsoAccepted().contains(n)) return o;
        return null;
    }

    /** "text/html, text/turtle, …": what a path offers, for 406 answers. */
    public static String mediaTypes(List<? extends Offer<?>> offers) {
        return offers.stream().map(Offer::mediaType).collect(Collectors.joining(", "));
    }

    /** "html, ttl, nt, …": the names {@code ?format=} takes, for 400 answers. */
    public static String names(List<? extends Offer<?>> offers) {
        return offers.stream().map(o -> String.join("/", o.names())).collect(Collectors.joining(", "));
    }

    /**
     * For paths that answer errors in plain text: {@code ?format=} if given, else {@code Accept}. Sets
     * {@code Vary: Accept}. When nothing fits, answers 400 (unknown name, unreadable header) or 406 (nothing
     * acceptable), each saying what is offered, and returns null.
     */
    public static <T> Offer<T> choose(HttpServletRequest req, HttpServletResponse res, List<Offer<T>> offers)
            throws IOException {
        res.setHeader("Vary", "Accept");
        String name = req.getParameter("format");
        if (name != null) {
            Offer<T> o = byName(name, offers);
            if (o == null) Responses.text(res, 400, "format '" + name + "' is not offered here; format takes one of: "
                    + names(offers));
            return o;
        }
        String accept = accept(req);
        try {
            Offer<T> o = byAccept(accept, offers);
            if (o == null) Responses.text(res, 406, notAcceptable(accept, offers));
            return o;
        } catch (BadAccept e) {
            Responses.text(res, 400, e.getMessage() + ". Offered here: " + mediaTypes(offers));
            return null;
        }
    }

    /** The message of a 406: what was asked, what is offered, and the ?format= alternative. */
    public static String notAcceptable(String accept, List<? extends Offer<?>> offers) {
        return "Not acceptable: nothing in 'Accept: " + accept + "' is offered here. Offered: " + mediaTypes(offers)
                + " (or ?format= " + names(offers) + ")";
    }
}
