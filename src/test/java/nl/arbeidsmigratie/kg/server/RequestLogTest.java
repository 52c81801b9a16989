package nl.arbeidsmigratie.kg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** What the request log writes of a client's input: one line, however it tries. */
class RequestLogTest {
    @Test
    void controlCharactersAreEscapedAndLongInputCut() {
        String forged = "/kg/get\n00:00:00 INFO  request    GET /forged 200 0ms\r\u0000\u001b[31m\u2028";
        String clean = RequestLog.clean(forged, 200);
        assertFalse(clean.contains("\n") || clean.contains("\r") || clean.contains("\u2028") || clean.contains("\u001b"));
        assertEquals("/kg/get\\x0a00:00:00 INFO  request    GET /forged 200 0ms\\x0d\\x00\\x1b[31m\\u2028", clean);
        assertEquals(201, RequestLog.clean("x".repeat(5_000), 200).length());
    }
}
