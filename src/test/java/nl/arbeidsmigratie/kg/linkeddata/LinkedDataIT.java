package nl.arbeidsmigratie.kg.linkeddata;

import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.arbeidsmigratie.kg.testsupport.Graphs;
import nl.arbeidsmigratie.kg.testsupport.Http;
import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.testsupport.JarServerExtension;
import nl.arbeidsmigratie.kg.testsupport.SourceCopy;

/**
 * Every IRI the release mints dereferences, each document is offered in every syntax, the endpoint describes itself,
 * pages point to their data, and the description is reproducible. Against the built jar.
 */
class LinkedDataIT {
    private static final String BASE_IRI = "https://w3id.org/arbeidsmigratie/";
    /** The six RDF syntaxes: media type and the ?format= names each takes. */
    private static final String[][] SYNTAXES = {
            {"text/turtle", "ttl", "turtle"}, {"application/n-triples", "nt", "ntriples"},
            {"application/n-quads", "nq", "nquads"}, {"application/trig", "trig"},
            {"application/ld+json", "jsonld", "json-ld"}, {"application/rdf+xml", "rdf", "xml", "rdfxml"}};
    @RegisterExtension
    static final JarServerExtension server = JarServerExtension.serve();
    static String base;

    @BeforeAll
    static void start() throws Exception {
        base = server.base();
    }

    private static Path dumps() {
        return Path.of(System.getProperty("kg.dumps", "target/dumps"));
    }

    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    }

    private static DatasetGraph parse(String body, String mediaType) {
        DatasetGraph ds = DatasetGraphFactory.create();
        RDFParser.fromString(body, RDFLanguages.contentTypeToLang(mediaType)).parse(ds);
        return ds;
    }

    private static boolean mentions(DatasetGraph ds, Node n) {
        return ds.find(Node.ANY, n, Node.ANY, Node.ANY).hasNext() || ds.find(Node.ANY, Node.ANY, Node.ANY, n).hasNext()
                || ds.find(Node.ANY, Node.ANY, n, Node.ANY).hasNext();
    }

    /** Every IRI under our base in the dumps (with their named graphs) and in void.ttl, fragments dropped. */
    private static Set<String> mintedIris() {
        DatasetGraph all = DatasetGraphFactory.create();
        RDFParser.source(dumps().resolve("arbeidsmigratie.trig")).lang(Lang.TRIG).parse(all);
        RDFParser.source(dumps().resolve("void.ttl")).lang(Lang.TURTLE).parse(all);
        Set<String> iris = new TreeSet<>();
        all.find().forEachRemaining(q -> {
            for (Node n : new Node[] {q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()})
                if (n != null && n.isURI() && n.getURI().startsWith(BASE_IRI)) iris.add(n.getURI());
        });
        return iris;
    }

    @Test
    void everyMintedIriDereferences() throws Exception {
        Set<String> iris = mintedIris();
        assertTrue(iris.size() > 400, "the walk found only " + iris.size() + " IRIs");
        for (String must : List.of("def/0.1.0", "graph/asserted", "graph/inferred", "id/dataset/arbeidsmigratie-kg",
                "id/dataset/arbeidsmigratie-kg/asserted", "id/dataset/distributie/arbeidsmigratie-ttl",
                "id/dataset/distributie/arbeidsmigratie-ttl-sha256", "kg/sparql", "dumps/arbeidsmigratie.nt.gz"))
            assertTrue(iris.contains(BASE_IRI + must), "the walk covers " + must);
        List<String> failures = new ArrayList<>();
        Set<String> documents = new TreeSet<>();
        for (String iri : iris) documents.add(iri.contains("#") ? iri.substring(0, iri.indexOf('#')) : iri);
        for (String doc : documents) {
            String url = base + "/" + doc.substring(BASE_IRI.length());
            HttpResponse<String> r = get(url, "Accept", "text/turtle");
            if (r.statusCode() != 200 && r.statusCode() != 303) {
                failures.add(r.statusCode() + " " + doc);
                continue;
            }
            // Where the answer is RDF about the IRI, it must say something about it (or its terms). A named graph's
            // document is the graph itself, the dumps are files: neither names itself.
            if (r.statusCode() == 200 && type(r).equals("text/turtle") && !doc.contains("/dumps/") && !doc.contains("/graph/")) {
                DatasetGraph ds = parse(r.body(), "text/turtle");
                boolean said = iris.stream().filter(i -> i.equals(doc) || i.startsWith(doc + "#"))
                        .anyMatch(i -> mentions(ds, NodeFactory.createURI(i)));
                if (!said) failures.add("200 but silent about " + doc);
            }
        }
        assertEquals(List.of(), failures, "every minted IRI answers 200 or 303 (" + documents.size() + " walked)");
    }

    @Test
    void everyThingAlsoHasAPage() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String iri : mintedIris()) {
            if (!iri.startsWith(BASE_IRI + "id/") && !iri.startsWith(BASE_IRI + ".well-known/genid/")) continue;
            HttpResponse<String> r = get(base + "/" + iri.substring(BASE_IRI.length()), "Accept", "text/html");
            if (r.statusCode() != 200 || !type(r).equals("text/html")) failures.add(r.statusCode() + " " + iri);
        }
        assertEquals(List.of(), failures);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/id/wet/wet-goed-verhuurderschap", "/def", "/def/0.1.0", "/graph/asserted",
            "/graph/inferred", "/id/dataset/arbeidsmigratie-kg", "/id/dataset/distributie/arbeidsmigratie-ttl-sha256",
            "/dumps/"})
    void everyDocumentIsOfferedInEverySyntaxByAcceptAndByName(String path) throws Exception {
        for (String[] s : SYNTAXES) {
            HttpResponse<String> byAccept = get(base + path, "Accept", s[0]);
            assertEquals(200, byAccept.statusCode(), path + " " + s[0] + ": " + byAccept.body());
            assertEquals(s[0], type(byAccept), path);
            assertFalse(parse(byAccept.body(), s[0]).isEmpty(), path + " " + s[0]);
            assertTrue(byAccept.headers().firstValue("ETag").isPresent(), path + " ETag");
            for (int i = 1; i < s.length; i++) {
                HttpResponse<String> byName = get(base + path + "?format=" + s[i], "Accept", "text/html");
                assertEquals(s[0], type(byName), path + "?format=" + s[i]);
                assertEquals(byAccept.body(), byName.body(), path + "?format=" + s[i]);
            }
        }
        assertEquals("text/html", type(get(base + path, "Accept", "text/html")), path);
        HttpResponse<String> unknown = get(base + path + "?format=pdf");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("pdf") && unknown.body().contains("ttl"), unknown.body());
        HttpResponse<String> none = get(base + path, "Accept", "image/png");
        assertEquals(406, none.statusCode());
        assertTrue(none.body().contains("text/turtle"), none.body());
    }

    /**
     * The release has no blank nodes left, so this serves a copy of the sources with one (a data-structure component
     * written as [ … ]) and dereferences the skolem IRI the build gives it, as RDF and as a page.
     */
    @Test
    void skolemIrisDereference(@TempDir Path copy) throws Exception {
        SourceCopy.copyOfReal(copy);
        SourceCopy.replace(copy.resolve("data/figures.ttl"), "        dataset:dsd-cijfers-groep ,\n",
                "        [ qb:dimension am:migrantGroup ; qb:order 1 ; qb:componentRequired false ] ,\n");
        try (JarServer withBlank = JarServer.start("--source", copy.toString())) {
            HttpResponse<String> found = Http.sparql(withBlank.base(), "SELECT DISTINCT ?s { ?s ?p ?o FILTER(STRSTARTS(STR(?s), '"
                    + BASE_IRI + ".well-known/genid/')) }", "text/csv");
            List<String> genids = found.body().lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).toList();
            assertEquals(1, genids.size(), found.body());
            String genid = genids.get(0);
            String url = withBlank.base() + "/" + genid.substring(BASE_IRI.length());
            HttpResponse<String> r = get(url, "Accept", "application/n-triples");
            assertEquals(200, r.statusCode(), r.body());
            DatasetGraph ds = parse(r.body(), "application/n-triples");
            assertTrue(ds.getDefaultGraph().contains(NodeFactory.createURI(genid), Node.ANY, Node.ANY), r.body());
            assertTrue(mentions(ds, NodeFactory.createURI(BASE_IRI + "id/dataset/dsd-cijfers")), "and where it hangs");
            assertEquals("text/html", type(get(url, "Accept", "text/html")));
            assertEquals(404, get(withBlank.base() + "/.well-known/genid/0000", "Accept", "text/turtle").statusCode());
        }
    }

    @Test
    void namedGraphsAreDocumentsAndGraphStoreReads() throws Exception {
        for (String name : List.of("asserted", "inferred")) {
            String iri = BASE_IRI + "graph/" + name;
            HttpResponse<String> doc = get(base + "/graph/" + name, "Accept", "application/n-triples");
            HttpResponse<String> gsp = get(base + "/kg/get?graph=" + Http.enc(iri), "Accept", "application/n-triples");
            assertEquals(200, gsp.statusCode());
            Graph a = GraphFactory.createDefaultGraph();
            RDFParser.fromString(doc.body(), Lang.NTRIPLES).parse(a);
            Graph b = GraphFactory.createDefaultGraph();
            RDFParser.fromString(gsp.body(), Lang.NTRIPLES).parse(b);
            assertEquals(b.size(), a.size(), name);
            assertTrue(a.isIsomorphicWith(b), name);
        }
        assertEquals(404, get(base + "/graph/other").statusCode());
        assertEquals(404, get(base + "/def/9.9.9").statusCode());
    }

    @Test
    void rdfIsGzippedWhenAskedAndRevalidatesByEtag() throws Exception {
        String url = base + "/graph/inferred";
        HttpResponse<byte[]> gz = Http.getBytes(url, "Accept", "text/turtle", "Accept-Encoding", "gzip");
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        String body = new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(get(url, "Accept", "text/turtle").body(), body);
        String etag = gz.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, Http.getBytes(url, "Accept", "text/turtle", "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode());
        // The tag comes from the data version: a restart or a replica answers the same.
        assertEquals(etag, Http.getBytes(url, "Accept", "text/turtle", "Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void theEndpointDescribesItselfWithoutAQuery() throws Exception {
        for (String path : List.of("/kg/sparql", "/kg/query")) {
            HttpResponse<String> r = get(base + path, "Accept", "text/turtle");
            assertEquals(200, r.statusCode(), r.body());
            Graph sd = parse(r.body(), "text/turtle").getDefaultGraph();
            String sdNs = "<http://www.w3.org/ns/sparql-service-description#";
            String service = "<" + BASE_IRI + path.substring(1) + ">";
            assertTrue(Graphs.ask(sd, service + " a " + sdNs + "Service> ; " + sdNs + "endpoint> " + service + " ; "
                    + sdNs + "supportedLanguage> " + sdNs + "SPARQL11Query> ; " + sdNs + "defaultDataset> ?d . ?d "
                    + sdNs + "namedGraph> [ " + sdNs + "name> <" + BASE_IRI + "graph/asserted> ], [ " + sdNs + "name> <"
                    + BASE_IRI + "graph/inferred> ]"), path);
            assertEquals(10, Graphs.values(sd, "SELECT ?f { ?s <http://www.w3.org/ns/sparql-service-description#resultFormat> ?f }").size());
            String terms = "<" + BASE_IRI + "kg/sparql#";
            assertTrue(Graphs.ask(sd, service + " " + terms + "maxResultRows> 10000 ; " + terms + "queryTimeoutSeconds> 30 ; "
                    + terms + "maxConcurrentQueries> ?n ; " + terms + "rowCapHeader> 'X-SPARQL-MaxRows' . "
                    + terms + "maxResultRows> rdfs:label ?l ; rdfs:comment ?c "
                    // the default: one ad-hoc query per core, 2 to 4
                    + "FILTER(?n >= 2 && ?n <= 4 && ?n <= " + Math.max(2, Runtime.getRuntime().availableProcessors()) + ")"),
                    path + ": limits as defined terms");
            HttpResponse<String> browser = get(base + path, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            assertEquals(303, browser.statusCode());
            assertEquals("/sparql", browser.headers().firstValue("Location").orElse(""));
            assertEquals("application/ld+json", type(get(base + path + "?format=jsonld")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/id/wet/wet-goed-verhuurderschap", "/def", "/graph/asserted", "/", "/dumps/", "/sparql",
            "/id/dataset/arbeidsmigratie-kg"})
    void everyPageLinksToItsDataInTheHeadAndTheLinkHeader(String path) throws Exception {
        HttpResponse<String> page = get(base + path, "Accept", "text/html");
        assertEquals(200, page.statusCode());
        List<String[]> inHead = new ArrayList<>();
        Matcher m = Pattern.compile("<link rel=\"alternate\" type=\"([^\"]+)\" href=\"([^\"]+)\"").matcher(page.body());
        // The Atom feed a page may also link (issue 17) is news, not its data.
        while (m.find())
            if (!m.group(1).equals("application/atom+xml")) inHead.add(new String[] {m.group(1), m.group(2).replace("&amp;", "&")});
        assertEquals(6, inHead.size(), path + ": one alternate per RDF syntax");
        String header = String.join(", ", page.headers().allValues("Link"));
        for (String[] alt : inHead) {
            assertTrue(header.contains("<" + alt[1] + ">; rel=\"alternate\"; type=\"" + alt[0] + "\""), path + " Link: " + header);
            HttpResponse<String> doc = get(base + alt[1]);
            assertEquals(200, doc.statusCode(), alt[1]);
            assertEquals(alt[0], type(doc), alt[1]);
        }
    }

    @Test
    void aQuestionPageLinksToItsAnswerInEveryResultsFormat() throws Exception {
        HttpResponse<String> page = get(base + "/q/law?law=" + Http.enc(BASE_IRI + "id/wet/wtta") + "&lang=en");
        String header = String.join(", ", page.headers().allValues("Link"));
        for (String t : List.of("application/sparql-results+json", "text/csv", "text/tab-separated-values",
                "application/sparql-results+xml")) {
            Matcher m = Pattern.compile("<([^>]+)>; rel=\"alternate\"; type=\"" + Pattern.quote(t) + "\"").matcher(header);
            assertTrue(m.find(), t + " in " + header);
            assertTrue(page.body().contains("type=\"" + t + "\""), t);
            HttpResponse<String> answer = get(base + m.group(1));
            assertEquals(200, answer.statusCode(), m.group(1));
            assertEquals(t, type(answer));
        }
    }

    @Test
    void theHomePageDescribesTheDatasetForSearchEngines() throws Exception {
        String html = get(base + "/?lang=en").body();
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "a JSON-LD block");
        JsonObject d = JSON.parse(m.group(1));
        assertEquals("Dataset", d.getString("@type"));
        for (String key : List.of("name", "description", "license", "version", "dateModified"))
            assertFalse(d.getString(key).isBlank(), key);
        assertEquals(get(base + "/$/ping").headers().firstValue("X-Data-Version").orElseThrow(), d.getString("version"));
        assertEquals("Organization", d.get("creator").getAsObject().getString("@type"));
        assertEquals(BASE_IRI + "id/bron/rapport", d.get("isBasedOn").getAsObject().getString("@id"));
        List<String> urls = new ArrayList<>();
        for (JsonValue v : d.get("distribution").getAsArray()) {
            JsonObject dl = v.getAsObject();
            assertEquals("DataDownload", dl.getString("@type"));
            assertNotNull(dl.getString("encodingFormat"));
            urls.add(dl.getString("contentUrl"));
        }
        assertTrue(urls.contains(BASE_IRI + "dumps/arbeidsmigratie.ttl") && urls.contains(BASE_IRI + "dumps/arbeidsmigratie.nt.gz"), urls.toString());
        for (String u : urls) assertEquals(200, get(base + "/" + u.substring(BASE_IRI.length())).statusCode(), u);
    }

    @Test
    void theEditorAndTheReadmeStateTheRowCap() throws Exception {
        String editor = get(base + "/sparql?lang=en").body();
        assertTrue(editor.contains("10000") && editor.contains("X-SPARQL-MaxRows"), "the editor states the cap");
        String readme = Files.readString(SourceCopy.projectRoot().resolve("README.md"));
        assertTrue(readme.contains("X-SPARQL-MaxRows"), "the README states the cap");
    }

    @Test
    void anotherBuildOfTheSameSourcesWritesTheSameVoidByteForByte(@TempDir Path out) throws Exception {
        JarServer.Result r = JarServer.run("build", "--source", SourceCopy.projectRoot().toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(Files.readString(dumps().resolve("void.ttl")), Files.readString(out.resolve("void.ttl")),
                "void.ttl of a fresh build differs from the release's");
    }
}
