package nl.arbeidsmigratie.kg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.arbeidsmigratie.kg.dump.Dumps;
import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.load.KgInputException;
import nl.arbeidsmigratie.kg.source.KgSource;
import nl.arbeidsmigratie.kg.testsupport.SourceCopy;

/** Syntax errors stop the build with file, line and column; nothing is half-built, and no dump half-replaced. */
class BadInputTest {
    private static final String PREFIXES = "@prefix am: <https://w3id.org/arbeidsmigratie/def#> .\n"
            + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n";

    @Test
    void malformedTurtleNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        SourceCopy.copyOfReal(dir);
        Files.writeString(dir.resolve("data/zz-broken.ttl"), PREFIXES + "\n<https://w3id.org/arbeidsmigratie/id/x/y>\n"
                + "    rdfs:label \"a\"@nl \"b\"@en .\n");
        KgInputException e = assertThrows(KgInputException.class, () -> KnowledgeGraph.build(KgSource.directory(dir)));
        assertTrue(e.getMessage().startsWith("data/zz-broken.ttl:5:"), e.getMessage());
    }

    @Test
    void unknownPrefixNamesFileLineAndColumnAndThePrefix(@TempDir Path dir) throws IOException {
        SourceCopy.copyOfReal(dir);
        Files.writeString(dir.resolve("data/zz-prefix.ttl"), PREFIXES + "am:x rdfs:label \"x\"@nl ;\n    nope:y am:z .\n");
        KgInputException e = assertThrows(KgInputException.class, () -> KnowledgeGraph.build(KgSource.directory(dir)));
        assertTrue(e.getMessage().matches("(?s)data/zz-prefix\\.ttl:4:\\d+: .*nope.*"), e.getMessage());
    }

    @Test
    void illTypedLiteralIsAnErrorNotAWarning(@TempDir Path dir) throws IOException {
        SourceCopy.copyOfReal(dir);
        SourceCopy.replace(dir.resolve("data/laws.ttl"), "\"2023-07-01\"^^xsd:date", "\"2023-07-41\"^^xsd:date");
        KgInputException e = assertThrows(KgInputException.class, () -> KnowledgeGraph.build(KgSource.directory(dir)));
        assertTrue(e.getMessage().startsWith("data/laws.ttl:"), e.getMessage());
    }

    @Test
    void badInputStopsTheBuildBeforeAnyDumpIsWritten(@TempDir Path dir, @TempDir Path out) throws IOException {
        SourceCopy.copyOfReal(dir);
        Files.writeString(out.resolve(Dumps.Distribution.TURTLE.file), "old");
        Files.writeString(dir.resolve("data/zz-broken.ttl"), "this is not turtle");
        assertThrows(KgInputException.class, () -> Dumps.write(KnowledgeGraph.build(KgSource.directory(dir)), out));
        assertTrue(Files.readString(out.resolve(Dumps.Distribution.TURTLE.file)).equals("old"));
        assertFalse(Files.exists(out.resolve(Dumps.SUMS_FILE)));
    }

    @Test
    void aDumpThatFailsHalfwayLeavesEveryOldDumpInPlace(@TempDir Path dir, @TempDir Path out) throws IOException {
        SourceCopy.copyOfReal(dir);
        // A valid, documented term whose IRI RDF/XML cannot write (no XML name at its end): the Turtle, N-Triples
        // and JSON-LD dumps are written into the temporary folder, then the RDF/XML one fails.
        SourceCopy.append(dir.resolve("ontology/arbeidsmigratie.ttl"), "am:2025 a owl:AnnotationProperty ;"
                + " rdfs:label \"t\"@nl, \"t\"@en ; skos:definition \"t\"@nl, \"t\"@en ;"
                + " rdfs:isDefinedBy <https://w3id.org/arbeidsmigratie/def> . am:asOf am:2025 \"t\" .");
        KnowledgeGraph kg = KnowledgeGraph.build(KgSource.directory(dir));
        for (Dumps.Distribution d : Dumps.Distribution.values()) Files.writeString(out.resolve(d.file), "old " + d.file);
        Files.writeString(out.resolve(Dumps.SUMS_FILE), "old sums");
        KgInputException e = assertThrows(KgInputException.class, () -> Dumps.write(kg, out));
        assertTrue(e.getMessage().startsWith("cannot write " + Dumps.Distribution.RDFXML.file), e.getMessage());
        try (var left = Files.list(out)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary folder is left");
        }
        for (Dumps.Distribution d : Dumps.Distribution.values())
            assertEquals("old " + d.file, Files.readString(out.resolve(d.file)), d.file + " was replaced by a failed build");
        assertEquals("old sums", Files.readString(out.resolve(Dumps.SUMS_FILE)));
        assertFalse(Files.exists(out.resolve(Dumps.VOID_FILE)));
    }
}
