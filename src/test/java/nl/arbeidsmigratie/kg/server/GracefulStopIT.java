package nl.arbeidsmigratie.kg.server;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.JarServer;

/** Stopping the server (SIGTERM) lets a request in flight finish before the process exits. */
class GracefulStopIT {
    @Test
    void inFlightRequestFinishesOnStop() throws Exception {
        // A long timeout: the query below takes about 15 s on a 2-core machine and must not time out.
        try (JarServer server = JarServer.start("--timeout", "120")) {
            assertEquals(200, get(server.base() + "/$/ping").statusCode());
            String slow = "PREFIX am: <https://w3id.org/arbeidsmigratie/def#> "
                    + "SELECT (COUNT(*) AS ?n) { ?a a am:Problem . ?b a am:Problem . ?c ?p ?o }";
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return get(server.base() + "/kg/sparql?query=" + enc(slow), "Accept", "text/csv");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(1500);
            assertFalse(inFlight.isDone(), "the query finished before the stop: the test proves nothing");
            server.process().destroy();
            HttpResponse<String> r = inFlight.join();
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().strip().lines().count() == 2, r.body());
            assertTrue(server.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        }
    }
}
