package nl.arbeidsmigratie.kg.release;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.arbeidsmigratie.kg.testsupport.ProjectCopy;
import nl.arbeidsmigratie.kg.testsupport.SourceCopy;

/**
 * {@code mvn -q package} on sources with a mistake fails with our message on Maven's {@code [ERROR]} lines: a script
 * or a contributor who builds quietly sees the file, line and column (or the rule and focus node), not "Java returned:
 * 2".
 */
class PackageFailureIT {
    @Test
    void aTurtleSyntaxErrorIsNamedWithFileLineAndColumnOnAnErrorLineOfQuietMaven(@TempDir Path dir) {
        Path project = ProjectCopy.of(dir);
        Path laws = project.resolve("data/laws.ttl");
        SourceCopy.replace(laws, "@prefix eli:", "this is not turtle\n@prefix eli:");
        long line = lineOf(laws, "this is not turtle");
        ProjectCopy.Build build = ProjectCopy.maven(project, "-q", "-Dmaven.test.skip=true", "package");
        assertNotEquals(0, build.exitCode(), build.output());
        String where = "data/laws.ttl:" + line + ":1:";
        assertTrue(build.errorLines().stream().anyMatch(l -> l.contains(where)),
                "no [ERROR] line names " + where + "\n" + build.output());
    }

    static long lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.indexOf(text) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
