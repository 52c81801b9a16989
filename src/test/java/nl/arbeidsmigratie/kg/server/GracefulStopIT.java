package nl.arbeidsmigratie.kg.server;

import static nl.arbeidsmigratie.kg.testsupport.Http.enc;
import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.JarServer;

/** Stopping the server (SIGTERM) lets a request in flight finish before the process exits. */
class GracefulStopIT {
    @Test
    void inFlightRequestFinishesOnStop() throws Exception {
        try (JarServer server = JarServer.start()) {
            assertEquals(200, get(server.base() + "/$/ping").statusCode());
            String slow = "SELECT (COUNT(*) AS ?n) { ?a a ?t . ?b a ?u . FILTER(?t != ?u) }";
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return get(server.base() + "/kg/sparql?query=" + enc(slow), "Accept", "text/csv");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(1500);
            server.process().destroy();
            HttpResponse<String> r = inFlight.join();
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().strip().lines().count() == 2, r.body());
            assertTrue(server.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        }
    }
}
