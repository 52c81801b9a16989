package nl.arbeidsmigratie.kg.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The questions and rules kept with a release: written once, read back as they were. */
class ReleaseArchiveTest {
    @Test
    void aReleaseKeepsTheQuestionsItWasPublishedWithAndLaterEditsDoNotReachThem(@TempDir Path dir) throws Exception {
        Path queries = Files.createDirectories(dir.resolve("queries/derive"));
        Path question = Files.writeString(queries.getParent().resolve("law.rq"), "SELECT ?law {} # v1\n");
        Path rule = Files.writeString(queries.resolve("10-order.rq"), "CONSTRUCT {} {}\n");
        Path archive = Files.createDirectories(dir.resolve("releases"));
        assertNull(ReleaseArchive.questions(archive, "1.0+a"), "nothing kept yet");
        assertNull(ReleaseArchive.rules(archive, "1.0+a"));

        assertTrue(ReleaseArchive.keepQueries(archive, "1.0+a", List.of(question), List.of(rule)));
        Files.writeString(question, "SELECT ?law {} # v2\n");
        assertFalse(ReleaseArchive.keepQueries(archive, "1.0+a", List.of(question), List.of(rule)), "kept once");

        List<Path> kept = ReleaseArchive.questions(archive, "1.0+a");
        assertEquals(List.of("law.rq"), kept.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals("SELECT ?law {} # v1\n", Files.readString(kept.get(0)));
        assertEquals(List.of("10-order.rq"), ReleaseArchive.rules(archive, "1.0+a").stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aReleaseFromBeforeThereWereRulesHasNoneEvenWithoutItsEmptyFolder(@TempDir Path dir) throws Exception {
        Path question = Files.writeString(dir.resolve("law.rq"), "SELECT ?law {}\n");
        Path archive = Files.createDirectories(dir.resolve("releases"));
        ReleaseArchive.keepQueries(archive, "1.0+b", List.of(question), List.of());
        Files.delete(ReleaseArchive.queriesOf(archive, "1.0+b").resolve("derive")); // git keeps no empty folder
        assertEquals(List.of(), ReleaseArchive.rules(archive, "1.0+b"));
    }
}
