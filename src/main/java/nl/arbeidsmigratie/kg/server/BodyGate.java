package nl.arbeidsmigratie.kg.server;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Request bodies are read whole, without a thread, before anything else sees the request: a slow client costs a
 * connection, never a thread or a query slot (the slot is taken later, by the request guard, once the body is here).
 * <ul>
 * <li>a body with {@code Content-Encoding} is refused, 415: inflating would let 256 KiB of gzip become 240 MB;</li>
 * <li>a charset other than UTF-8, US-ASCII or ISO-8859-1 is refused, 415;</li>
 * <li>a body over the size limit is refused, 413, as soon as its length is known or reached;</li>
 * <li>a body that has not fully arrived within the deadline is refused, 408, and the connection closed: this is the
 * minimum data rate (the whole body, at most {@code maxBytes}, within {@code deadlineMillis});</li>
 * <li>a malformed body (a bad chunk size) is refused, 400.</li>
 * </ul>
 * Modelled on Jetty's {@code EagerContentHandler}, but it copies each chunk instead of retaining it (a client sending
 * one byte per packet would otherwise pin one network buffer per byte) and it has a deadline.
 */
final class BodyGate extends Handler.Wrapper {
    private static final Set<String> CHARSETS = Set.of("utf-8", "utf8", "us-ascii", "iso-8859-1");
    private final int maxBytes;
    private final long deadlineMillis;

    BodyGate(int maxBytes, long deadlineMillis) {
        this.maxBytes = maxBytes;
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        String encoding = headers.get(HttpHeader.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity"))
            return refuse(request, response, callback, 415,
                    "request bodies with Content-Encoding are not accepted; send the body uncompressed");
        long length = request.getLength();
        boolean chunked = headers.contains(HttpHeader.TRANSFER_ENCODING, HttpHeaderValue.CHUNKED.asString());
        if (length <= 0 && !chunked) return super.handle(request, response, callback);
        String charset = MimeTypes.getCharsetFromContentType(headers.get(HttpHeader.CONTENT_TYPE));
        if (charset != null && !CHARSETS.contains(charset.toLowerCase(Locale.ROOT)))
            return refuse(request, response, callback, 415, "the only charset accepted is UTF-8");
        if (length > maxBytes) return refuse(request, response, callback, 413, tooLarge());
        new Loader(request, response, callback, length).start();
        return true;
    }

    private String tooLarge() {
        return "the request body is larger than " + (maxBytes / 1024) + " KiB, the limit of this endpoint";
    }

    /** A short plain-text refusal, with the reason kept for the request log. */
    static boolean refuse(Request request, Response response, Callback callback, int status, String message) {
        request.setAttribute(RequestLog.REASON, message);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (status == 408 || status == 413) response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        Content.Sink.write(response, true, message + "\n", callback);
        return true;
    }

    /** Reads the body on demand callbacks; then hands the request on, with the body replayed from memory. */
    /** First size of a body's buffer (bytes). */
    private static final int INITIAL_BUFFER = 8 * 1024;

    private final class Loader implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean finished = new AtomicBoolean();
        private byte[] body;
        private int size;
        private Scheduler.Task deadline;

        Loader(Request request, Response response, Callback callback, long length) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            // Sized by what has arrived, not by what the client declares: a Content-Length alone, on many idle
            // connections, would otherwise reserve the whole limit for each. The buffer doubles as bytes come.
            this.body = new byte[(int) Math.min(Math.max(Math.min(length, INITIAL_BUFFER), 1024), maxBytes)];
        }

        void start() {
            deadline = request.getComponents().getScheduler().schedule(() -> {
                if (finished.compareAndSet(false, true))
                    refuse(request, response, callback, 408, "the request body did not arrive within "
                            + deadlineMillis / 1000 + " s");
            }, deadlineMillis, TimeUnit.MILLISECONDS);
            read(false);
        }

        @Override public void run() { read(true); }

        @Override public InvocationType getInvocationType() { return InvocationType.NON_BLOCKING; }

        private void read(boolean fromCallback) {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    chunk.release();
                    if (finished.compareAndSet(false, true)) {
                        deadline.cancel();
                        refuse(request, response, callback, 400, "the request body could not be read (malformed)");
                    }
                    return;
                }
                ByteBuffer b = chunk.getByteBuffer();
                int n = b.remaining();
                if ((long) size + n > maxBytes) {
                    chunk.release();
                    if (finished.compareAndSet(false, true)) {
                        deadline.cancel();
                        refuse(request, response, callback, 413, tooLarge());
                    }
                    return;
                }
                if (size + n > body.length) body = Arrays.copyOf(body, Math.min(maxBytes, Math.max(size + n, body.length * 2)));
                b.get(body, size, n);
                size += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (!finished.compareAndSet(false, true)) return;
                    deadline.cancel();
                    if (fromCallback) request.getContext().execute(this::handOn);
                    else handOn();
                    return;
                }
            }
        }

        private void handOn() {
            Request replay = new Replayed(request, ByteBuffer.wrap(body, 0, size));
            try {
                if (!BodyGate.super.handle(replay, response, callback))
                    Response.writeError(request, response, callback, 404);
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        }
    }

    /** The request with its body served from memory, in one chunk. */
    private static final class Replayed extends Request.Wrapper {
        private Content.Chunk chunk;

        Replayed(Request wrapped, ByteBuffer body) {
            super(wrapped);
            this.chunk = Content.Chunk.from(body, true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk c = chunk;
            chunk = Content.Chunk.EOF;
            return c;
        }

        @Override public void demand(Runnable demandCallback) { demandCallback.run(); }

        @Override public boolean consumeAvailable() {
            chunk = Content.Chunk.EOF;
            return true;
        }
    }

}
