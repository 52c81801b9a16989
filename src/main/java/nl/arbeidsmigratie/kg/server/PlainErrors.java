package nl.arbeidsmigratie.kg.server;

import java.io.IOException;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to errors that Jetty handles itself (a bad request line, a header too large, an exception out of a
 * servlet): short plain text, never an exception's class or message for a server fault. Jetty's default would write
 * {@code cause.toString()}, e.g. "java.lang.NumberFormatException: For input string…". A client error keeps its message
 * when it reads as a sentence; a server fault says only that it is ours, and its stack trace goes to the log.
 */
final class PlainErrors extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger("nl.arbeidsmigratie.kg.fault");
    private static final Pattern JAVA = Pattern.compile("(?i)(exception|error:|java\\.|jakarta\\.|org\\.[a-z]+\\.|\\bat [a-z]+\\.)");

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String text;
        if (code >= 500) {
            if (cause != null) LOG.error("fault answering {} {}", request.getMethod(), RequestLog.clean(
                    request.getHttpURI().getPath(), 200), cause);
            text = code == 503 ? "the server is busy; retry shortly" : "an error on our side; it has been logged";
        } else {
            text = message == null || JAVA.matcher(message).find() || message.length() > 200
                    ? HttpStatus.getMessage(code) : message;
        }
        request.setAttribute(RequestLog.REASON, text);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        ResponseHeaders.harden(response.getHeaders());
        Content.Sink.write(response, true, code + " " + text + "\n", callback);
    }
}
