package nl.arbeidsmigratie.kg.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

import nl.arbeidsmigratie.kg.query.BoundQuery;
import nl.arbeidsmigratie.kg.query.Parameter;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.query.QueryCatalog;

/**
 * What every part of the suite asks, in one list: each prepared question with the parameters of its {@code example}
 * header (else its defaults, else the first allowed value), and a fixed set of ad-hoc shapes. Each item carries the
 * SPARQL text every engine gets (for a prepared question: the parsed query with its parameters substituted, written
 * out by Jena, which is also the text plain Fuseki is sent), and for prepared questions the API path.
 */
public final class Workload {
    public enum Kind { PREPARED, ADHOC }

    public record Item(String name, Kind kind, String sparql, String apiPath, BoundQuery bound) {}

    static final String PREFIXES = """
            PREFIX am:   <https://w3id.org/arbeidsmigratie/def#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            """;

    /** The ad-hoc shapes: one of each kind a researcher writes. Every one has an ORDER BY or is order-free. */
    static final Map<String, String> ADHOC = new LinkedHashMap<>();
    static {
        ADHOC.put("adhoc-lookup", PREFIXES
                + "SELECT ?p ?o WHERE { <https://w3id.org/arbeidsmigratie/id/wet/wtta> ?p ?o }");
        ADHOC.put("adhoc-join", PREFIXES
                + "SELECT ?r ?org ?label WHERE { ?r a am:Recommendation ; am:issuedBy ?org . "
                + "?org rdfs:label ?label FILTER(lang(?label) = \"en\") }");
        ADHOC.put("adhoc-path", PREFIXES
                + "SELECT ?p ?broader WHERE { ?p a am:Problem ; skos:broader+ ?broader }");
        ADHOC.put("adhoc-aggregate", PREFIXES
                + "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n) ?type");
        ADHOC.put("adhoc-filter-order", PREFIXES
                + "SELECT ?a ?date WHERE { ?a am:asOf ?date FILTER(?date >= \"2024-01-01\"^^xsd:date) } "
                + "ORDER BY ?date ?a");
        ADHOC.put("adhoc-text", PREFIXES
                + "SELECT ?s ?label WHERE { ?s rdfs:label ?label "
                + "FILTER(CONTAINS(LCASE(STR(?label)), \"huisvesting\")) } ORDER BY ?s ?label");
    }

    /** The free-text question also runs with a term nobody precomputed, so it measures the live path. */
    static final Map<String, String> LIVE_SEARCH = Map.of("q", "huisvesting");

    private Workload() {}

    public static List<Item> items(QueryCatalog catalog) {
        List<Item> out = new ArrayList<>();
        for (PreparedQuery q : catalog.all()) {
            Map<String, String> params = new LinkedHashMap<>(q.example());
            if (q.id().equals("search")) params = new LinkedHashMap<>(LIVE_SEARCH);
            for (Parameter p : q.parameters())
                if (p.required() && p.defaultValue() == null && !params.containsKey(p.name()) && !p.allowedValues().isEmpty())
                    params.put(p.name(), p.allowedValues().get(0).value());
            BoundQuery b = catalog.bind(q, params, "en", List.of());
            Query bound = QueryTransformOps.replaceVars(q.query(), b.bindings());
            StringBuilder path = new StringBuilder("/api/queries/").append(q.id()).append("?lang=en&format=json");
            params.forEach((k, v) -> path.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            out.add(new Item(q.id(), Kind.PREPARED, bound.serialize(), path.toString(), b));
        }
        ADHOC.forEach((name, text) -> out.add(new Item(name, Kind.ADHOC, text, null, null)));
        return out;
    }

    public static Item get(QueryCatalog catalog, String name) {
        return items(catalog).stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no workload item '" + name + "'"));
    }
}
