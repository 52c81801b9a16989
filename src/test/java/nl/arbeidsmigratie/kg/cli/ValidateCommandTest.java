package nl.arbeidsmigratie.kg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.SourceCopy;

/** {@code validate} prints every warning of the quality rules, named by its tag, and still succeeds. */
class ValidateCommandTest {

    @Test
    void validatePrintsTheTwoLawDateWarningsAndSucceeds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"validate", "--source", SourceCopy.projectRoot().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.OK, code, warnings);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("valid: "));
        for (String law : new String[] {"wet/waadi", "wet/wet-brp"})
            assertTrue(warnings.contains("warning: data/laws.ttl: <https://w3id.org/arbeidsmigratie/id/" + law + "> warns [law-date]"),
                    "no law-date warning for " + law + " in:\n" + warnings);
    }
}
