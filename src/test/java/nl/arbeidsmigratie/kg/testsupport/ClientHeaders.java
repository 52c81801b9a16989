package nl.arbeidsmigratie.kg.testsupport;

/**
 * Accept headers as real clients send them, copied from the clients themselves: browsers, a JavaScript linked-data
 * client (Comunica, used by LDflex and the Solid tools), rdflib, SPARQLWrapper, Jena, curl.
 */
public final class ClientHeaders {
    /** Comunica's RDF dereferencing header (the "widely used JavaScript linked-data client" of issue 9). */
    public static final String COMUNICA = "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,"
            + "application/n-triples;q=0.8,text/turtle;q=0.6,application/rdf+xml;q=0.5,application/json;q=0.45,"
            + "text/n3;q=0.35,application/xml;q=0.3,image/svg+xml;q=0.3,text/xml;q=0.3,text/html;q=0.2,"
            + "application/xhtml+xml;q=0.18";
    /** The same list as issue 9 quotes it, with spaces after the commas. */
    public static final String COMUNICA_SPACED = COMUNICA.replace(",", ", ");
    public static final String CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    public static final String FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/png,image/svg+xml,*/*;q=0.8";
    public static final String SAFARI = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    public static final String CURL = "*/*";
    /** rdflib 6 {@code Graph().parse(url)} without a format. */
    public static final String RDFLIB = "application/rdf+xml,text/rdf+n3;q=0.9,application/xhtml+xml;q=0.5, */*;q=0.1";
    /** rdflib 6 with {@code format="nt"}: N-Triples under its old name. */
    public static final String RDFLIB_NT = "text/plain, */*;q=0.1";
    /** SPARQLWrapper's default for SELECT (XML) and for CONSTRUCT (RDF/XML), and its JSON choice. */
    public static final String SPARQLWRAPPER_XML = "application/sparql-results+xml";
    public static final String SPARQLWRAPPER_RDFXML = "application/rdf+xml";
    public static final String SPARQLWRAPPER_JSON = "application/sparql-results+json,application/json,text/javascript,"
            + "application/javascript";
    /** Java's HttpURLConnection when nothing is set (note the bare "*"). */
    public static final String JAVA_URLCONNECTION = "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2";

    private ClientHeaders() {}
}
