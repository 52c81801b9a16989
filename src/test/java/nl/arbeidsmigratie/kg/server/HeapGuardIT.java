package nl.arbeidsmigratie.kg.server;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static nl.arbeidsmigratie.kg.testsupport.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.arbeidsmigratie.kg.testsupport.JarServerExtension;

/**
 * The heap guard, on a server given a small heap (256 MiB, so serve runs in this one JVM with it) and a long time
 * limit, so that memory runs out before time does. A GROUP BY on 10 KB keys over a cross product is counted by no
 * per-query limit; it grows by megabytes a second, and used to end in "Java heap space". The guard must abort it
 * with a 503 and Retry-After, and the server must go on.
 */
class HeapGuardIT {
    @RegisterExtension
    static final JarServerExtension server = JarServerExtension.serveWithJvm(List.of("-Xmx256m"), "--timeout", "60", "--max-concurrent", "2");
    static String base;

    @BeforeAll
    static void start() throws Exception {
        base = server.base();
    }

    @Test
    void theHungriestQueryIsAbortedBeforeTheHeapRunsOut() throws Exception {
        // Nothing aborted yet: the abort the log shows below is this query's.
        assertTrue(server.output().stream().noneMatch(l -> l.contains("aborted")), String.join("\n", server.output()));
        String bomb = "SELECT ?k (COUNT(*) AS ?n) { ?a ?b ?c . ?s ?p ?o } GROUP BY (CONCAT(STR(?a), STR(?o), \""
                + "x".repeat(10_000) + "\") AS ?k)";
        long start = System.nanoTime();
        HttpResponse<String> r = send("POST", base + "/kg/sparql", "application/sparql-query", bomb);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("the server is short of memory; retry after 2 s", r.body().strip());
        assertEquals("2", r.headers().firstValue("Retry-After").orElse(""));
        assertTrue(ms < 60_000, "took " + ms + " ms");
        assertEquals(200, get(base + "/$/ping").statusCode());
        // Within the pressure window new ad-hoc queries may be refused the same way; then they run again.
        String ask = base + "/kg/sparql?query=" + enc("ASK { ?s ?p ?o }");
        int status = 0;
        for (int i = 0; i < 30 && status != 200; i++) {
            HttpResponse<String> q = get(ask);
            status = q.statusCode();
            if (status != 200) {
                assertEquals(503, status, q.body());
                assertTrue(q.body().contains("short of memory"), q.body());
                Thread.sleep(1_000);
            }
        }
        assertEquals(200, status, "queries never came back after the abort");
        Thread.sleep(300);
        List<String> log = server.output();
        assertTrue(log.stream().anyMatch(l -> l.contains("aborted the query that allocated most")
                || l.contains("aborted all")), String.join("\n", log));
        assertFalse(log.stream().anyMatch(l -> l.contains("OutOfMemoryError") || l.contains("Java heap space")),
                String.join("\n", log));
    }
}
