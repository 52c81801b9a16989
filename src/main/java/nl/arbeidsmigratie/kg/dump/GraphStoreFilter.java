package nl.arbeidsmigratie.kg.dump;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.arbeidsmigratie.kg.http.Negotiation;
import nl.arbeidsmigratie.kg.http.Representation;
import nl.arbeidsmigratie.kg.http.Responses;

/**
 * Graph Store Protocol reads ({@code GET}/{@code HEAD} with {@code ?default}, {@code ?graph=IRI}, or neither for the
 * whole dataset) answered from the {@link GraphDocuments} built at package time, in front of Fuseki's own GSP
 * endpoint, which would write the graph anew for every request. Mapped on every path where Fuseki reads graphs:
 * {@code /kg/get}, {@code /kg/data} and the dataset's own URL ({@code /kg}, where a {@code query=} goes on to SPARQL).
 */
final class GraphStoreFilter implements Filter {
    /** The paths Fuseki answers GSP reads on for the dataset {@code /kg}. */
    static final List<String> PATHS = List.of("/kg/get", "/kg/data", "/kg", "/kg/");
    private static final String CACHE = "public, max-age=300";
    private final GraphDocuments documents;

    GraphStoreFilter(GraphDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        String method = req.getMethod();
        Map<String, String[]> params = req.getParameterMap();
        boolean datasetUrl = req.getRequestURI().equals("/kg") || req.getRequestURI().equals("/kg/");
        if (!(method.equals("GET") || method.equals("HEAD")) || (datasetUrl && params.containsKey("query"))) {
            chain.doFilter(request, response);
            return;
        }
        String graph = req.getParameter("graph");
        boolean defaultGraph = params.containsKey("default");
        if (graph != null && defaultGraph) {
            Responses.text(res, 400, "Give ?default or ?graph=IRI, not both");
            return;
        }
        String key = defaultGraph ? GraphDocuments.DEFAULT : graph != null ? graph : GraphDocuments.DATASET;
        if (graph != null && documents.get(graph, Representation.TURTLE) == null) {
            Responses.text(res, 404, "No such graph in this dataset; the named graphs are "
                    + String.join(" and ", documents.namedGraphs()));
            return;
        }
        List<Negotiation.Offer<Representation>> offers = key.equals(GraphDocuments.DATASET)
                ? Negotiation.only(Negotiation.RDF, GraphDocuments.DATASET_FORMATS) : Negotiation.RDF;
        Negotiation.Offer<Representation> chosen = Negotiation.choose(req, res, offers);
        if (chosen == null) return;
        GraphDocuments.send(req, res, documents.get(key, chosen.value()), chosen.value(), CACHE);
    }
}
