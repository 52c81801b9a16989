package nl.arbeidsmigratie.kg.testsupport;

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
    private JarServer server;

    private JarServerExtension(List<String> jvmArgs, String... args) {
        this.jvmArgs = jvmArgs;
        this.args = args;
    }

    /** {@code serve --port 0} with these arguments, started as its users start it. */
    public static JarServerExtension serve(String... args) {
        return new JarServerExtension(List.of(), args);
    }

    /** The same with options for the JVM, e.g. {@code -Xmx256m}. */
    public static JarServerExtension serveWithJvm(List<String> jvmArgs, String... args) {
        return new JarServerExtension(jvmArgs, args);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = JarServer.startWithJvm(jvmArgs, args);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) server.close();
        server = null;
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
