package nl.arbeidsmigratie.kg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.arbeidsmigratie.kg.testsupport.JarServerExtension;
import nl.arbeidsmigratie.kg.testsupport.Jvm;

/**
 * The answer cache grows by what is asked, not by how it is spelled (issue 11, attack 7): 2,880 spellings of the same
 * few searches (format and language in every case, language left out, 24 one-letter searches) took the old server's
 * heap from 40 MB to 680 MB. Now the same answers come back for every spelling and the heap after a collection
 * hardly moves.
 */
class AnswerCacheIT {
    @RegisterExtension
    static final JarServerExtension server = JarServerExtension.serve();

    @Test
    void spellingsShareOneAnswerAndTheHeapStaysFlat() throws Exception {
        ProcessHandle jvm = server.serverProcess();
        long start = Jvm.heapUsedAfterGc(jvm);
        // First as many requests, as concurrently, for precomputed answers (they add nothing to the cache): the
        // server's threads and buffer pools grow to their size. Then the 48 distinct questions once each, in their
        // plainest spelling: what the cache may keep.
        HttpClient plain = HttpClient.newHttpClient();
        List<String> warm = new ArrayList<>();
        for (int i = 0; i < 2_880; i++)
            warm.add("/api/queries/" + List.of("agenda", "timeline", "enforcement", "migrant-groups").get(i % 4)
                    + "?format=" + List.of("json", "csv", "tsv", "xml").get(i / 4 % 4) + "&lang=" + (i % 2 == 0 ? "nl" : "en"));
        ExecutorService warming = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (String u : warm) done.add(warming.submit(() -> plain.send(HttpRequest.newBuilder(URI.create(server.base() + u)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
            for (Future<Integer> f : done) assertEquals(200, f.get());
        } finally {
            warming.shutdownNow();
        }
        for (char c = 'a'; c < 'a' + 24; c++)
            for (String l : List.of("nl", "en"))
                assertEquals(200, plain.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/queries/search?q=" + c
                        + "&lang=" + l)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        long before = Jvm.heapUsedAfterGc(jvm);
        List<String> formats = List.of("xml", "XML", "xMl", "Xml", "json", "JSON", "jSoN", "csv", "CSV", "tsv", "TSV", "tSv");
        List<String> langs = List.of("", "&lang=nl", "&lang=NL", "&lang=en", "&lang=En", "&lang=%20en%20", "&lang=nL", "&lang=EN", "&lang=eN", "&lang=Nl");
        List<String> urls = new ArrayList<>();
        for (char c = 'a'; c < 'a' + 24; c++)
            for (String f : formats) for (String l : langs) urls.add("/api/queries/search?q=" + c + "&format=" + f + l);
        assertEquals(2_880, urls.size());
        HttpClient client = HttpClient.newHttpClient();
        Map<String, String> bodies = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (String u : urls) all.add(pool.submit(() -> {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.base() + u)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), u + ": " + r.body());
                String lang = u.contains("&lang=") ? java.net.URLDecoder.decode(u.substring(u.indexOf("&lang=") + 6),
                        java.nio.charset.StandardCharsets.UTF_8).strip().toLowerCase() : "nl";
                String format = u.replaceAll(".*format=([a-zA-Z]+).*", "$1").toLowerCase();
                String key = format + "|" + lang + "|" + u.charAt(u.indexOf("q=") + 2);
                String earlier = bodies.putIfAbsent(key, r.body());
                if (earlier != null) assertEquals(earlier, r.body(), "two spellings of " + key + " differ");
                return null;
            }));
            for (Future<?> f : all) f.get();
        } finally {
            pool.shutdownNow();
        }
        long after = Jvm.heapUsedAfterGc(jvm);
        // The spellings add nothing (a few MiB of noise allowed); the whole stays within the live-answer budget.
        assertTrue(after - before < 8L << 20, "2,880 spellings of 48 answers grew the heap after a collection from "
                + (before >> 20) + " MiB to " + (after >> 20) + " MiB");
        assertTrue(after - start < (64L + 16) << 20, "the live answers grew the heap from " + (start >> 20) + " MiB to "
                + (after >> 20) + " MiB, beyond their 64 MiB budget");
    }
}
