package nl.arbeidsmigratie.kg.sparql;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.arbeidsmigratie.kg.testsupport.JarServer;

/**
 * {@code serve --tdb2 DIR}: the query worker opens the store (TDB2 allows one process), TDB2's own engine answers
 * ad-hoc queries under the same deadline, and the server answers its pages from its copy in memory.
 */
class Tdb2WorkerIT {
    @Test
    void adHocQueriesRunOnTheStoreUnderTheSameDeadline(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        JarServer.Result built = JarServer.run("build", "--tdb2", store.toString());
        assertEquals(0, built.exitCode(), built.output());
        assertTrue(Files.isRegularFile(store.resolve("kg-tdb2.properties")));
        try (JarServer server = JarServer.start("--tdb2", store.toString())) {
            String base = server.base();
            HttpResponse<String> count = get(base + "/kg/sparql?query=" + enc("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), "Accept", "text/csv");
            assertEquals(200, count.statusCode(), count.body());
            assertTrue(Integer.parseInt(count.body().lines().skip(1).findFirst().orElseThrow().strip()) > 10_000, count.body());
            long t0 = System.nanoTime();
            HttpResponse<String> slow = get(base + "/kg/sparql?timeout=2&query=" + enc(AdHocSparqlIT.PAST_THE_DEADLINE.get(4)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(503, slow.statusCode(), slow.body());
            assertTrue(ms < 3_000, ms + " ms");
            assertEquals(200, get(base + "/q/agenda").statusCode());
            assertEquals(200, get(base + "/kg/sparql?query=" + enc("ASK { ?s ?p ?o }")).statusCode());
        }
    }
}
