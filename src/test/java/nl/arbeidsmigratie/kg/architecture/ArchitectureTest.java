package nl.arbeidsmigratie.kg.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import nl.arbeidsmigratie.kg.testsupport.SourceCopy;

/** The house rules the code keeps: packages by feature without cycles, and IRIs only in the vocabulary classes. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.arbeidsmigratie.kg");
    /** A string literal that starts like an absolute web IRI. */
    private static final Pattern IRI_LITERAL = Pattern.compile("\"https?://[^\"]*\"");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("nl.arbeidsmigratie.kg.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void iriStringsLiveOnlyInTheVocabularyClasses() throws IOException {
        Path root = SourceCopy.projectRoot().resolve("src/main/java/nl/arbeidsmigratie/kg");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (root.relativize(f).startsWith("vocab")) continue;
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = IRI_LITERAL.matcher(lines.get(i));
                    // "https://" alone is a scheme test, and *.example hosts (RFC 2606) are examples in messages.
                    while (m.find()) if (!m.group().matches("\"https?://(\\w+\\.example\\b.*)?\"")) found.add(root.relativize(f) + ":" + (i + 1) + " " + m.group());
                }
            }
        }
        assertEquals(List.of(), found, "IRIs belong in nl.arbeidsmigratie.kg.vocab");
    }
}
