package nl.arbeidsmigratie.kg.history;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static nl.arbeidsmigratie.kg.testsupport.Http.getBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.testsupport.ProjectCopy;

/**
 * The whole contributor path on a copy of the project: the sources without one dated fact are published as a release;
 * then a contributor adds that fact as one small file in {@code data/changes/} (the admission duty of the Wtta from
 * 1 January 2028, with its sources) and builds with {@code mvn -q package}. The new jar has a new version, a
 * changelog entry, a feed entry, an event-stream member and an RDF Patch for it, and the release before still answers
 * at its own version, with its own questions (one of today's questions changes between the two releases). A fact without a dated source fails that build on an [ERROR] line.
 */
class ContributorPathIT {
    private static final String FACT = "data/changes/2028-01-01-wtta-toelatingsplicht.ttl";
    private static final String WTTA_MEASURE = "https://w3id.org/arbeidsmigratie/id/maatregel/wtta-toelatingsstelsel";
    private static final String STATEMENT = "https://w3id.org/arbeidsmigratie/id/beoordeling/wtta-toelatingsstelsel-2028-01-01-gepland";

    @Test
    void aNewDatedFactBecomesANewReleaseWithItsChangelogFeedStreamMemberAndPatch(@TempDir Path dir) throws Exception {
        Path project = ProjectCopy.of(dir);
        Path fact = project.resolve(FACT);
        byte[] factBytes = Files.readAllBytes(fact);
        Files.delete(fact);
        // the state before the contributor's change, published as the copy's newest release
        JarServer.Result published = JarServer.run("publish", "--source", project.toString(), "--date", "2026-12-01");
        assertEquals(0, published.exitCode(), published.output());
        String before = published.output().replaceAll("(?s).*published (\\S+) .*", "$1").strip();
        // What a reader of that release got for one question, while it was the current one.
        byte[] answerThen = JarServer.stdout("query", "status-history", "--param", "resource=" + WTTA_MEASURE,
                "--format", "csv", "--lang", "nl", "--source", project.toString());

        Files.write(fact, factBytes);
        // ... and, after that release, a question changes: the release before must still be asked its own question.
        Path question = project.resolve("queries/status-history.rq");
        String text = Files.readString(question);
        assertTrue(text.contains("AS ?source)"), "status-history.rq names its column ?source");
        Files.writeString(question, text.replace("AS ?source)", "AS ?sourceOfStatement)"));
        ProjectCopy.Build build = ProjectCopy.maven(project, "-q", "-Dmaven.test.skip=true", "package");
        assertEquals(0, build.exitCode(), build.output());

        try (JarServer server = JarServer.startJar(project.resolve("target/arbeidsmigratie-kg.jar"), List.of())) {
            String base = server.base();
            List<JsonObject> releases = new ArrayList<>();
            for (JsonValue v : JSON.parseAny(get(base + "/releases/?format=json").body()).getAsArray()) releases.add(v.getAsObject());
            JsonObject last = releases.get(releases.size() - 1), previous = releases.get(releases.size() - 2);
            String now = last.get("version").getAsString().value();
            assertEquals(before, previous.get("version").getAsString().value());
            assertNotEquals(before, now, "a new version");
            assertEquals(1, last.get("statements").getAsNumber().value().intValue(), "one new dated statement");

            String changes = get(base + "/changes/" + enc(now) + "?lang=en").body();
            assertTrue(changes.contains("wtta-toelatingsstelsel-2028-01-01-gepland"), "the changelog names it");
            String feed = get(base + "/feeds/maatregel/wtta-toelatingsstelsel.atom").body();
            assertTrue(feed.indexOf(STATEMENT + "#release-" + now) > 0
                    && feed.indexOf(STATEMENT + "#release-" + now) < feed.indexOf("<entry>", feed.indexOf("<entry>") + 1),
                    "the measure's feed has it as its first entry");
            String page = get(base + "/ldes/" + enc(now)).body();
            assertTrue(page.contains("tree:member <" + STATEMENT + "#release-" + now + ">"), page);

            byte[] patch = getBytes(base + "/changes/" + enc(now) + ".rdfp").body();
            assertArrayEquals(canonical(base, now), HistoryIT.applied(graph(base, before), patch),
                    "the patch turns the old release into the new");

            HttpResponse<String> oldAnswer = get(base + "/api/queries/status-history?format=csv&resource="
                    + enc("https://w3id.org/arbeidsmigratie/id/maatregel/wtta-toelatingsstelsel") + "&version=" + enc(before));
            assertEquals(200, oldAnswer.statusCode(), oldAnswer.body());
            assertEquals(before, oldAnswer.headers().firstValue("X-Data-Version").orElse(null));
            assertTrue(!oldAnswer.body().contains("2028-01-01-gepland"), "the old release does not know the new fact");
            byte[] answerNow = getBytes(base + "/api/queries/status-history?format=csv&lang=nl&resource=" + enc(WTTA_MEASURE)
                    + "&version=" + enc(before)).body();
            assertArrayEquals(answerThen, answerNow, "the release before answers as it did, byte for byte, after the next "
                    + "release and a changed question:\n" + new String(answerThen, java.nio.charset.StandardCharsets.UTF_8)
                    + "\n---\n" + new String(answerNow, java.nio.charset.StandardCharsets.UTF_8));
            String oldHeader = oldAnswer.body().lines().findFirst().orElse("");
            assertTrue(oldHeader.endsWith(",source") || oldHeader.contains(",source,"), "asked the question it was published with: " + oldHeader);
            assertTrue(get(base + "/api/queries/status-history?format=csv&resource="
                    + enc("https://w3id.org/arbeidsmigratie/id/maatregel/wtta-toelatingsstelsel")).body().lines().findFirst().orElse("")
                    .contains("sourceOfStatement"), "the current release asks today's question");
            String oldPage = get(base + "/q/status-history?lang=en&version=" + enc(before) + "&resource="
                    + enc("https://w3id.org/arbeidsmigratie/id/maatregel/wtta-toelatingsstelsel")).body();
            assertTrue(oldPage.contains("<input type=\"hidden\" name=\"version\" value=\"" + before + "\">"),
                    "the form keeps the release it answers from");
            assertTrue(get(base + "/api/queries/status-history?format=csv&resource="
                    + enc("https://w3id.org/arbeidsmigratie/id/maatregel/wtta-toelatingsstelsel")).body().contains("2028-01-01"));
        }
    }

    @Test
    void aNewFactWithoutADatedSourceFailsQuietMavenOnAnErrorLine(@TempDir Path dir) throws Exception {
        Path project = ProjectCopy.of(dir);
        Files.writeString(project.resolve("data/changes/2026-12-06-undated.ttl"), """
                @prefix am: <https://w3id.org/arbeidsmigratie/def#> .
                @prefix bron: <https://w3id.org/arbeidsmigratie/id/bron/> .
                @prefix beoordeling: <https://w3id.org/arbeidsmigratie/id/beoordeling/> .
                @prefix maatregel: <https://w3id.org/arbeidsmigratie/id/maatregel/> .
                @prefix status: <https://w3id.org/arbeidsmigratie/id/status/> .
                @prefix precisie: <https://w3id.org/arbeidsmigratie/id/precisie/> .
                @prefix beoordelingssoort: <https://w3id.org/arbeidsmigratie/id/beoordelingssoort/> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix prov: <http://www.w3.org/ns/prov#> .
                beoordeling:undated-test a am:StatusAssessment ;
                    rdfs:label "Test zonder gedateerde bron"@nl , "Test without a dated source"@en ;
                    dct:description "Alleen voor de test."@nl , "Test only."@en ;
                    am:assessmentOf maatregel:wtta-toelatingsstelsel ;
                    am:status status:aangenomen ;
                    am:asOf "2026-02-16"^^xsd:date ;
                    am:datePrecision precisie:dag ;
                    am:assessmentKind beoordelingssoort:overheidsinformatie ;
                    prov:wasDerivedFrom bron:nau-toelatingsplicht-uitlener ;
                    am:locator "FACTS-AFTER-REPORT.md §Wtta (status history)" .
                """);
        ProjectCopy.Build build = ProjectCopy.maven(project, "-q", "-Dmaven.test.skip=true", "package");
        assertNotEquals(0, build.exitCode());
        assertTrue(build.errorLines().stream().anyMatch(l -> l.contains("data/changes/2026-12-06-undated.ttl")
                && l.contains("[new-fact-dated-source]") && l.contains("beoordeling/undated-test")), build.output());
    }

    private static byte[] canonical(String base, String version) throws Exception {
        HttpResponse<byte[]> r = getBytes(base + "/releases/" + enc(version) + "/" + HistoryModule.DUMP);
        assertEquals(200, r.statusCode());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return in.readAllBytes();
        }
    }

    private static Graph graph(String base, String version) throws Exception {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(canonical(base, version))).lang(Lang.NTRIPLES).parse(g);
        return g;
    }

}
