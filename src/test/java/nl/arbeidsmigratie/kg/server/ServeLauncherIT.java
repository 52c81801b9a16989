package nl.arbeidsmigratie.kg.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.JarServer;

/**
 * {@code serve} started as the README says runs the server in a child JVM (HeapLauncher): that child uses the
 * class-data archive {@code mvn package} wrote beside the jar, and keeps the caller's system properties.
 */
class ServeLauncherIT {
    /** A JVM that cannot use an archive ignores it silently, so only the process's own memory map tells. */
    @Test
    void theServerMapsTheClassArchiveBuiltBesideTheJar() throws Exception {
        Path archive = ClassArchive.beside(JarServer.jar());
        assertTrue(Files.isRegularFile(archive), "mvn package wrote no " + archive);
        try (JarServer server = JarServer.start()) {
            String maps = Files.readString(Path.of("/proc", Long.toString(server.serverProcess().pid()), "maps"));
            assertTrue(maps.contains(archive.getFileName().toString()), "the server does not map " + archive);
        }
    }

    @Test
    void theServerKeepsTheCallersSystemProperties() throws Exception {
        try (JarServer server = JarServer.startWithJvm(List.of("-Darbeidsmigratie.test.marker=kept"))) {
            assertTrue(server.serverProcess().pid() != server.process().pid(), "serve did not start a child JVM");
            List<String> args = List.of(server.serverProcess().info().arguments().orElse(new String[0]));
            assertTrue(args.contains("-Darbeidsmigratie.test.marker=kept"), "the child JVM lost it: " + args);
        }
    }
}
