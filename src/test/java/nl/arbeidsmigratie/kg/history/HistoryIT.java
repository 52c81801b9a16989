package nl.arbeidsmigratie.kg.history;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static nl.arbeidsmigratie.kg.testsupport.Http.getBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.testsupport.SourceCopy;

/**
 * The built jar keeps every release and says what changed: the list of releases, each release's graph at a stable
 * address, an RDF Patch per release that turns the one before into it, answers of an older release at its own version,
 * permalinks that pin version and date, Atom feeds that feedparser reads, and an event stream whose pages say when
 * they never change again.
 */
class HistoryIT {
    private static final String FIRST = "0.1.0+7a53c2359dda", SERVED = "0.1.0+8429d6e65b4a";
    static JarServer server;
    static String base;
    static List<String> versions = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = JarServer.start();
        base = server.base();
        for (JsonValue v : JSON.parseAny(get(base + "/releases/?format=json").body()).getAsArray())
            versions.add(v.getAsObject().get("version").getAsString().value());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void theReleasePageListsTheFirstServedReleaseAndTheOneThatFollowed() throws Exception {
        assertTrue(versions.indexOf(FIRST) == 0 && versions.indexOf(SERVED) == 1, "releases: " + versions);
        HttpResponse<String> page = get(base + "/releases/?lang=en", "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(200, page.statusCode());
        for (String v : versions) assertTrue(page.body().contains(v), v + " is not on /releases/");
        assertTrue(page.body().contains("<link rel=\"alternate\" type=\"application/atom+xml\""), "the page links its feed");
    }

    @Test
    void everyPatchTurnsTheReleaseBeforeItIntoThatReleaseByteForByte() throws Exception {
        for (int i = 1; i < versions.size(); i++) {
            HttpResponse<byte[]> patch = getBytes(base + "/changes/" + enc(versions.get(i)) + ".rdfp");
            assertEquals(200, patch.statusCode());
            assertArrayEquals(canonical(versions.get(i)), applied(graph(versions.get(i - 1)), patch.body()),
                    "patch of " + versions.get(i));
        }
    }

    @Test
    void anOlderReleaseStillAnswersAtItsOwnVersion() throws Exception {
        HttpResponse<String> old = get(base + "/api/queries/recommendation-status?format=csv&asOf=2025-06-27&version=" + enc(SERVED));
        assertEquals(200, old.statusCode(), old.body());
        assertEquals(SERVED, old.headers().firstValue("X-Data-Version").orElse(null));
        HttpResponse<String> unknown = get(base + "/api/queries/recommendation-status?version=0.0.0%2Bnothing");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains(SERVED), "the 404 lists the known versions: " + unknown.body());
        // each from its own graph: the current release has the scheduled 2027 status (its sources named in
        // scheduledBy), the older one does not
        HttpResponse<String> now = get(base + "/api/queries/recommendation-status?format=csv&asOf=2027-01-02");
        HttpResponse<String> then = get(base + "/api/queries/recommendation-status?format=csv&asOf=2027-01-02&version=" + enc(SERVED));
        assertTrue(now.body().contains("(Zipconomy)") && !then.body().contains("(Zipconomy)"), "each release answers from its own graph");
    }

    @Test
    void citeThisCarriesTheVersionAndTheDateAndItsPermalinkGivesTheSameAnswer() throws Exception {
        String html = get(base + "/q/recommendation-status?lang=nl", "Accept", "text/html").body();
        Matcher m = Pattern.compile("id=\"permalink\" type=\"url\" readonly value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "no permalink on the page");
        String permalink = m.group(1).replace("&amp;", "&");
        assertTrue(permalink.contains("version=") && permalink.contains("asOf="), permalink);
        String version = permalink.replaceAll(".*version=([^&]+).*", "$1");
        String first = get(base + permalink.replace("/q/", "/api/queries/") + "&format=csv").body();
        HttpResponse<String> again = get(base + permalink.replace("/q/", "/api/queries/") + "&format=csv");
        assertEquals(first, again.body());
        assertEquals(java.net.URLDecoder.decode(version, StandardCharsets.UTF_8), again.headers().firstValue("X-Data-Version").orElse(null));
        String bib = get(base + "/q/recommendation-status/cite.bib?lang=en").body();
        assertTrue(bib.contains("version = {" + java.net.URLDecoder.decode(version, StandardCharsets.UTF_8) + "}")
                && bib.matches("(?s).*url = \\{[^}]*version=[^}]*asOf=.*|(?s).*url = \\{[^}]*asOf=[^}]*version=.*"), bib);
    }

    @Test
    void feedparserReadsTheFeedsWithoutBozoErrors() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", SourceCopy.projectRoot().resolve("src/test/python/feeds.py").toString(),
                base, "/feeds/all.atom", "/feeds/all.atom?lang=en", "/feeds/wet/wtta.atom", "/feeds/organisatie/nla.atom",
                "/feeds/maatregel/wtta-toelatingsstelsel.atom", "/feeds/aanbeveling/roemer-werk-certificering.atom")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), "feedparser (Debian python3-feedparser):\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("/feeds/wet/wtta.atom\t") && !l.contains("\t0\t")), out);
    }

    @Test
    void theNewestStatementsLeadTheFeedAndAnItemPageLinksItsOwnFeed() throws Exception {
        String feed = get(base + "/feeds/all.atom").body();
        int scheduled = feed.indexOf("wtta-2027-01-01-gepland#release-");
        int old = feed.indexOf("#release-" + FIRST);
        assertTrue(scheduled > 0 && old > scheduled, "the latest release's statements come first");
        String page = get(base + "/id/wet/wtta", "Accept", "text/html").body();
        assertTrue(page.contains("href=\"/feeds/wet/wtta.atom\""), "the law page links its feed");
    }

    @Test
    void aPublishedStreamPageThatHasASuccessorIsImmutableAndTheNewestIsNot() throws Exception {
        HttpResponse<String> root = get(base + "/ldes/", "Accept", "text/turtle");
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("ldes:EventStream") && root.body().contains("</ldes/" + FIRST + ">"), root.body());
        HttpResponse<String> first = get(base + "/ldes/" + enc(FIRST));
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        assertTrue(first.body().contains("tree:relation") && first.body().contains("</ldes/" + SERVED + ">"));
        String last = versions.get(versions.size() - 1);
        assertFalse(get(base + "/ldes/" + enc(last)).headers().firstValue("Cache-Control").orElse("").contains("immutable"));
    }

    /** The patch applied as a client applies it (Jena's RDFPatchOps, in a transaction), then the canonical bytes. */
    static byte[] applied(Graph g, byte[] patch) {
        org.apache.jena.sparql.core.DatasetGraph dsg = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        org.apache.jena.system.Txn.executeWrite(dsg, () -> g.find().forEachRemaining(dsg.getDefaultGraph()::add));
        RDFPatchOps.applyChange(dsg, RDFPatchOps.read(new ByteArrayInputStream(patch)));
        return org.apache.jena.system.Txn.calculateRead(dsg, () -> ReleaseArchive.canonical(dsg.getDefaultGraph()));
    }

    private static byte[] canonical(String version) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = getBytes(base + "/releases/" + enc(version) + "/" + HistoryModule.DUMP);
        assertEquals(200, r.statusCode(), version);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return in.readAllBytes();
        }
    }

    private static Graph graph(String version) throws IOException, InterruptedException {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(canonical(version))).lang(Lang.NTRIPLES).parse(g);
        return g;
    }
}
