package nl.arbeidsmigratie.kg.sparql;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;

import nl.arbeidsmigratie.kg.http.Negotiation;
import nl.arbeidsmigratie.kg.http.Representation;
import nl.arbeidsmigratie.kg.http.Responses;

/**
 * {@code GET /kg/sparql} (or {@code /kg/query}) without a {@code query}: the service description, by content
 * negotiation, in any RDF syntax; a browser asking for HTML is sent to the SPARQL editor ({@code /sparql}) instead.
 * Everything else goes on to Fuseki.
 */
final class ServiceDescriptionFilter implements Filter {
    /** RDF first: whoever asks for anything gets Turtle; HTML only when asked for more than RDF. */
    private static final List<Negotiation.Offer<Representation>> OFFERS = offers();
    private static final String EDITOR = "/sparql";

    private final Map<String, Graph> descriptions;
    private final Map<String, Map<Representation, byte[]>> written = new HashMap<>();

    /** @param descriptions request path → the service description of that endpoint */
    ServiceDescriptionFilter(Map<String, Graph> descriptions) {
        this.descriptions = descriptions;
        descriptions.keySet().forEach(p -> written.put(p, new EnumMap<>(Representation.class)));
    }

    private static List<Negotiation.Offer<Representation>> offers() {
        List<Negotiation.Offer<Representation>> o = new ArrayList<>(Negotiation.RDF);
        o.add(Negotiation.PAGE_OR_RDF.get(0));
        return List.copyOf(o);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        Graph sd = descriptions.get(req.getRequestURI());
        boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        if (sd == null || !read || req.getParameter("query") != null) {
            chain.doFilter(request, response);
            return;
        }
        Negotiation.Offer<Representation> chosen = Negotiation.choose(req, res, OFFERS);
        if (chosen == null) return;
        if (chosen.value() == Representation.HTML) {
            res.setStatus(HttpServletResponse.SC_SEE_OTHER);
            res.setHeader("Location", EDITOR);
            return;
        }
        byte[] body = bytes(req.getRequestURI(), sd, chosen.value());
        Responses.send(req, res, 200, chosen.value().contentType(), body, Responses.etag(body), "public, max-age=300");
    }

    private byte[] bytes(String path, Graph sd, Representation r) {
        Map<Representation, byte[]> cache = written.get(path);
        synchronized (cache) {
            return cache.computeIfAbsent(r, k -> k.write(sd));
        }
    }
}
