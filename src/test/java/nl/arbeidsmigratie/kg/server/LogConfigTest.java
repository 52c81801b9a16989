package nl.arbeidsmigratie.kg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The log configuration the jar ships (src/main/resources/log4j2.properties), loaded and driven with events: a message
 * with line breaks stays one line, exceptions never print their stack in the one-line log, stack traces go to a second
 * appender at most five at once and then one per 10 s, and Jena, Fuseki and Jetty log errors only.
 */
class LogConfigTest {
    private static LoggerContext ctx;

    @BeforeAll
    static void load() throws Exception {
        URI config = LogConfigTest.class.getResource("/log4j2.properties").toURI();
        ctx = Configurator.initialize("log-config-test", LogConfigTest.class.getClassLoader(), config);
    }

    @AfterAll
    static void close() {
        Configurator.shutdown(ctx);
    }

    private static LogEvent event(Level level, String logger, String message, Throwable t) {
        return Log4jLogEvent.newBuilder().setLoggerName(logger).setLevel(level).setMessage(new SimpleMessage(message))
                .setThrown(t).setTimeMillis(System.currentTimeMillis()).build();
    }

    @Test
    void aForgedLineBreakStaysInItsLineAndStacksStayOut() {
        Appender out = ctx.getConfiguration().getAppender("OUT");
        String line = new String(out.getLayout().toByteArray(event(Level.INFO, "nl.arbeidsmigratie.kg.request",
                "GET /x\n00:00:00 INFO  request    GET /forged 200 0ms", null)));
        assertEquals(1, line.split("\n", -1).length - 1, line);
        assertTrue(line.contains("GET /x\\n00:00:00"), line);
        String withError = new String(out.getLayout().toByteArray(event(Level.ERROR, "x", "failed",
                new IllegalStateException("bad\nthing"))));
        assertEquals(1, withError.split("\n", -1).length - 1, withError);
        assertFalse(withError.contains("\tat "), withError);
    }

    @Test
    void stackTracesAreRateLimited() {
        Appender traces = ctx.getConfiguration().getAppender("TRACES");
        Filter burst = ((org.apache.logging.log4j.core.filter.Filterable) traces).getFilter();
        int accepted = 0;
        for (int i = 0; i < 50; i++)
            if (burst.filter(event(Level.ERROR, "x", "fault " + i, new RuntimeException())) != Filter.Result.DENY) accepted++;
        assertTrue(accepted >= 1 && accepted <= 6, accepted + " of 50 stack traces let through at once");
        String trace = new String(traces.getLayout().toByteArray(event(Level.ERROR, "x", "fault", new RuntimeException("r"))));
        assertTrue(trace.contains("\tat "), trace);
        assertEquals("", new String(traces.getLayout().toByteArray(event(Level.ERROR, "x", "no exception", null))));
    }

    @Test
    void librariesLogErrorsOnly() {
        for (String name : new String[] {"org.apache.jena", "org.apache.jena.fuseki", "org.eclipse.jetty"}) {
            LoggerConfig c = ctx.getConfiguration().getLoggerConfig(name);
            assertEquals(Level.ERROR, c.getLevel(), name);
        }
        assertEquals(Level.INFO, ctx.getConfiguration().getLoggerConfig("nl.arbeidsmigratie.kg.request").getLevel());
    }
}
