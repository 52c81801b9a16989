package nl.arbeidsmigratie.kg.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.JarServer;

/**
 * The class-data archive that {@code mvn package} writes beside the jar is really used: the server started as the
 * README says (the child JVM of {@code serve}) has it mapped into memory. A JVM that cannot use an archive ignores it
 * silently, so only the process's own memory map tells.
 */
class ClassArchiveIT {
    @Test
    void theServerMapsTheClassArchiveBuiltBesideTheJar() throws Exception {
        Path archive = ClassArchive.beside(JarServer.jar());
        assertTrue(Files.isRegularFile(archive), "mvn package wrote no " + archive);
        try (JarServer server = JarServer.start()) {
            String maps = Files.readString(Path.of("/proc", Long.toString(server.serverProcess().pid()), "maps"));
            assertTrue(maps.contains(archive.getFileName().toString()), "the server does not map " + archive);
        }
    }
}
