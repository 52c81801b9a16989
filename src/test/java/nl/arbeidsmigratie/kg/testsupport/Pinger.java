package nl.arbeidsmigratie.kg.testsupport;

import java.io.IOException;

/**
 * A monitoring client in a process of its own: pings {@code /$/ping} every 200 ms from 127.0.0.2 and prints each
 * latency in milliseconds, one per line ("error …" for a failure). The soak runs it apart from its 64 load clients, so
 * that what it measures is the server, not the load generator's own threads and collections.
 */
public final class Pinger {
    private Pinger() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        long end = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        try (RawHttp.Client http = new RawHttp.Client("127.0.0.2", port)) {
            while (System.nanoTime() < end) {
                try {
                    RawHttp.Response r = http.get("/$/ping");
                    System.out.println(r.status() == 200 ? Long.toString(r.millis()) : "error status " + r.status());
                } catch (IOException e) {
                    System.out.println("error " + e);
                }
                System.out.flush();
                Thread.sleep(200);
            }
        }
    }
}
