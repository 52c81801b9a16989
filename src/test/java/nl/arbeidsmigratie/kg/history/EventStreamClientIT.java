package nl.arbeidsmigratie.kg.history;

import static nl.arbeidsmigratie.kg.testsupport.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.JarServer;

/**
 * The LDES client from the npm registry ({@code ldes-client}, installed by {@code .ci/run} into
 * {@code target/ldes-client}) replays the event stream of the built jar from its start and gets every member exactly
 * once: one per dated statement each release published.
 */
class EventStreamClientIT {
    @Test
    void theNpmLdesClientReplaysEveryMemberExactlyOnce() throws Exception {
        Path client = Path.of(System.getProperty("kg.ldesClient", "target/ldes-client"));
        Path cli = client.resolve("node_modules/ldes-client/dist/bin/cli.js");
        assertTrue(Files.isRegularFile(cli), "no LDES client at " + cli
                + ": run .ci/run, or npm install --prefix target/ldes-client ldes-client@0.3.0");
        try (JarServer server = JarServer.start()) {
            long expected = 0;
            for (JsonValue v : JSON.parseAny(get(server.base() + "/releases/?format=json").body()).getAsArray())
                expected += v.getAsObject().get("statements").getAsNumber().value().longValue();
            Process p = new ProcessBuilder("node", cli.toString(), server.base() + "/ldes/").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the client did not finish");
            assertEquals(0, p.exitValue());
            Map<String, Integer> seen = new HashMap<>();
            out.lines().filter(l -> l.contains(" <http://purl.org/dc/terms/isVersionOf> "))
                    .forEach(l -> seen.merge(l.substring(0, l.indexOf(' ')), 1, Integer::sum));
            assertTrue(expected > 0);
            assertEquals(expected, seen.size(), "members replayed");
            List<String> twice = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            assertTrue(twice.isEmpty(), "members emitted more than once: " + twice);
        }
    }
}
