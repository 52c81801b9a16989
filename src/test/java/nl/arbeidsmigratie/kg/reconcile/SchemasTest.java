package nl.arbeidsmigratie.kg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The validator itself, on the specification's own examples: its valid ones pass, its invalid ones fail. */
class SchemasTest {
    /** The specification's examples, copied unchanged beside the schemas. */
    private static final Path EXAMPLES = Path.of("src/test/resources/reconcile/examples");

    @Test
    void theSpecificationsValidExamplesPassAndItsInvalidOnesFail() throws IOException {
        List<String> schemas = List.of("manifest", "reconciliation-query-batch", "reconciliation-result-batch",
                "suggest-entities-response", "suggest-types-response", "suggest-properties-response",
                "data-extension-query", "data-extension-response", "data-extension-property-proposal");
        int checked = 0;
        for (String s : schemas) {
            String dir = s;
            for (String validity : List.of("valid", "invalid")) {
                Path d = EXAMPLES.resolve(dir).resolve(validity);
                if (!Files.isDirectory(d)) continue;
                try (Stream<Path> files = Files.list(d)) {
                    for (Path f : files.sorted().toList()) {
                        List<String> errors = Schemas.errors(s, Files.readString(f));
                        if (validity.equals("valid")) assertEquals(List.of(), errors, f.toString());
                        else assertFalse(errors.isEmpty(), f + " should fail");
                        checked++;
                    }
                }
            }
        }
        assertFalse(checked < 10, "only " + checked + " examples checked");
    }
}
