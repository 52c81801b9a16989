package nl.arbeidsmigratie.kg.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The built jar served for one test class: started before its first test, stopped after its last.
 * {@code @RegisterExtension static final JarServerExtension server = JarServerExtension.serve("--timeout", "3");}
 */
public final class JarServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final List<String> jvmArgs;
    private final String[] args;
    private final boolean copy;
    private JarServer server;
    private Path copied;

    private JarServerExtension(boolean copy, List<String> jvmArgs, String... args) {
        this.copy = copy;
        this.jvmArgs = jvmArgs;
        this.args = args;
    }

    /** {@code serve --port 0} with these arguments, started as its users start it. */
    public static JarServerExtension serve(String... args) {
        return new JarServerExtension(false, List.of(), args);
    }

    /**
     * A copy of the jar, for a class that runs long (the browser tests): a build elsewhere that rewrites
     * target/*.jar under a running JVM breaks its class loading.
     */
    public static JarServerExtension serveACopy(String... args) {
        return new JarServerExtension(true, List.of(), args);
    }

    /** The same with options for the JVM, e.g. {@code -Xmx256m}. */
    public static JarServerExtension serveWithJvm(List<String> jvmArgs, String... args) {
        return new JarServerExtension(false, jvmArgs, args);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path jar = JarServer.jar();
        if (copy) {
            copied = Files.createTempFile("arbeidsmigratie-kg-", ".jar");
            Files.copy(jar, copied, StandardCopyOption.REPLACE_EXISTING);
            jar = copied;
        }
        server = JarServer.startJar(jar, jvmArgs, args);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) server.close();
        server = null;
        try {
            if (copied != null) Files.deleteIfExists(copied);
        } catch (java.io.IOException e) {
            // a temp file left behind is harmless
        }
    }

    public JarServer jar() {
        if (server == null) throw new IllegalStateException("the server starts before the first test of the class");
        return server;
    }

    /** e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    public String base() { return jar().base(); }
    public int port() { return jar().port(); }
    public List<String> output() { return jar().output(); }
    public List<String> startupOutput() { return jar().startupOutput(); }
    public ProcessHandle serverProcess() { return jar().serverProcess(); }
    public long rssBytes() { return jar().rssBytes(); }
    public Process process() { return jar().process(); }
}
