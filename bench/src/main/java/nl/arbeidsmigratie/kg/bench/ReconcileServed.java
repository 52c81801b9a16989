package nl.arbeidsmigratie.kg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reconciliation beside the home search, served: against a running jar, alternately one POST of the 100-name batch
 * to {@code /reconcile} (a form, as OpenRefine posts it) and the same 100 names as 100 GETs of {@code /search?q=}
 * (as the home page asks while a reader types), one client on one keep-alive connection. Prints names per second
 * of each (the median of the rounds) as a tab-separated line: {@code reconcile  search}.
 * Usage: ReconcileServed BASE_URL ROUNDS
 */
public final class ReconcileServed {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = Integer.parseInt(args[1]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> names = ReconcileNames.names();
        String form = "queries=" + URLEncoder.encode(ReconcileNames.batch(), StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/reconcile"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        List<HttpRequest> searches = names.stream().map(n -> HttpRequest.newBuilder(
                URI.create(base + "/search?q=" + URLEncoder.encode(n, StandardCharsets.UTF_8))).GET().build()).toList();
        double[] rec = new double[rounds], search = new double[rounds];
        for (int r = -5; r < rounds; r++) { // 5 rounds of warm-up
            long t0 = System.nanoTime();
            HttpResponse<String> a = client.send(post, HttpResponse.BodyHandlers.ofString());
            if (a.statusCode() != 200) throw new IllegalStateException("reconcile: " + a.statusCode() + " " + a.body());
            long t1 = System.nanoTime();
            for (HttpRequest s : searches) {
                HttpResponse<String> b = client.send(s, HttpResponse.BodyHandlers.ofString());
                if (b.statusCode() != 200) throw new IllegalStateException("search: " + b.statusCode());
            }
            long t2 = System.nanoTime();
            if (r >= 0) {
                rec[r] = names.size() / ((t1 - t0) / 1e9);
                search[r] = names.size() / ((t2 - t1) / 1e9);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "%.0f\t%.0f%n", median(rec), median(search));
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
