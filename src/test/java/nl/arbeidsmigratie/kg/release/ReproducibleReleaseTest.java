package nl.arbeidsmigratie.kg.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.arbeidsmigratie.kg.graph.BuildInfo;
import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.source.KgSource;
import nl.arbeidsmigratie.kg.testsupport.SourceCopy;

/** Same sources, same bytes: every file of the release, from two separate parses, and the same data version. */
class ReproducibleReleaseTest {

    @Test
    void twoBuildsFromSeparateParsesGiveByteIdenticalReleasesAndTheSameVersion(@TempDir Path work) throws IOException {
        Release a = Release.build(KgSource.bundled(), work.resolve("a/release"));
        Release b = Release.build(KgSource.directory(SourceCopy.copyOfReal(work.resolve("copy"))), work.resolve("b/release"));
        assertEquals(a.kg().dataVersion(), b.kg().dataVersion());
        List<Path> files = files(work.resolve("a/release"));
        assertEquals(files, files(work.resolve("b/release")), "the same files");
        assertTrue(files.contains(Path.of("dumps/SHA256SUMS")) && files.contains(Path.of("dumps/void.ttl"))
                && files.contains(Path.of("graph.rt")) && files.contains(Path.of("answers.bin"))
                && files.contains(Path.of("graphs/index.tsv")), files.toString());
        for (Path f : files)
            assertArrayEquals(Files.readAllBytes(work.resolve("a/release").resolve(f)),
                    Files.readAllBytes(work.resolve("b/release").resolve(f)), f + " differs between two builds");
    }

    @Test
    void theVersionIsTheDigestOfTheCanonicalAssertedGraphAndSurvivesStoring(@TempDir Path work) throws IOException {
        Release built = Release.build(KgSource.bundled(), work.resolve("release"));
        KnowledgeGraph kg = built.kg();
        assertEquals(BuildInfo.load().version() + "+" + KnowledgeGraph.digest(kg.asserted()).substring(0, 12), kg.dataVersion());
        String voidTtl = Files.readString(work.resolve("release/dumps/void.ttl"));
        assertTrue(voidTtl.contains("\"" + kg.dataVersion() + "\""), "void.ttl names the same version");
        assertFalse(voidTtl.matches("(?s).*\\b20\\d\\d-\\d\\d-\\d\\dT\\d\\d:.*"), "no clock time in void.ttl");
    }

    @Test
    void thePublishedGraphHasNoBlankNodes(@TempDir Path work) {
        KnowledgeGraph kg = Release.build(KgSource.bundled(), work.resolve("release")).kg();
        kg.all().find().forEachRemaining(t -> assertFalse(t.getSubject().isBlank() || t.getObject().isBlank(), t::toString));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
