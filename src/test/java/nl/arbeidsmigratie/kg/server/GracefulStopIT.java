package nl.arbeidsmigratie.kg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.JarServer;
import nl.arbeidsmigratie.kg.testsupport.RawHttp;

/**
 * Stopping the server (SIGTERM) lets a request in flight finish before the process exits. The request is in flight
 * by construction, not by the machine's speed: its body is half sent when the stop comes, so the server cannot have
 * answered yet, and the server has taken it up ({@code 100 Continue}) before the stop is sent.
 */
class GracefulStopIT {
    @Test
    void aRequestInFlightWhenTheStopComesIsAnsweredBeforeTheProcessExits() throws Exception {
        try (JarServer server = JarServer.start()) {
            byte[] body = "ASK { ?s ?p ?o }".getBytes(StandardCharsets.UTF_8);
            try (Socket s = RawHttp.connect("127.0.0.1", server.port())) {
                OutputStream out = s.getOutputStream();
                InputStream in = new BufferedInputStream(s.getInputStream());
                out.write(("POST /kg/sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                        + "Accept: text/csv\r\nExpect: 100-continue\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                RawHttp.Response interim = RawHttp.read(in, System.nanoTime(), true);
                assertEquals(100, interim.status(), "the server did not take the request up");
                out.write(body, 0, 5);
                out.flush();

                server.process().destroy();
                waitUntilStopping(server);
                assertTrue(server.serverProcess().isAlive(), "the server exited with a request in flight");

                out.write(body, 5, body.length - 5);
                out.flush();
                RawHttp.Response r = RawHttp.read(in, System.nanoTime());
                assertEquals(200, r.status(), r.body());
                assertTrue(r.body().contains("true"), r.body());
            }
            assertTrue(server.process().waitFor(30, TimeUnit.SECONDS), "the server did not exit after the answer");
        }
    }

    /** Until a new request is no longer served: the stop has begun. */
    private static void waitUntilStopping(JarServer server) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (System.nanoTime() < end) {
            try {
                if (RawHttp.get("127.0.0.2", server.port(), "/$/ping").status() != 200) return;
            } catch (IOException e) {
                return; // not accepted any more
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server went on serving new requests 8 s after SIGTERM");
    }
}
