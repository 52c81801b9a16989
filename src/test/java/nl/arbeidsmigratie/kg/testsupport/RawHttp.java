package nl.arbeidsmigratie.kg.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand, for what no client library sends: a chosen source address (127.0.0.2 is another client to the
 * server), a forged Host header, invalid UTF-8 in the request line, bad chunk sizes, bodies sent a byte at a time.
 */
public final class RawHttp {
    private RawHttp() {}

    public record Response(int status, Map<String, String> headers, String body, long millis) {
        public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
    }

    /** Opens a connection from {@code from} (e.g. "127.0.0.2") to the server. */
    public static Socket connect(String from, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
        s.setSoTimeout(120_000);
        return s;
    }

    /** Sends the bytes as they are (with {@code Connection: close} expected in them) and reads the whole answer. */
    public static Response exchange(String from, int port, byte[] request) throws IOException {
        long start = System.nanoTime();
        try (Socket s = connect(from, port)) {
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            return read(new java.io.BufferedInputStream(s.getInputStream()), start);
        }
    }

    /** A GET from the given address. */
    public static Response get(String from, int port, String pathAndQuery, String... headers) throws IOException {
        StringBuilder b = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) b.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        b.append("Connection: close\r\n\r\n");
        return exchange(from, port, b.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * A keep-alive connection from one source address, as one client: requests one after another, reconnecting when
     * the server has closed the connection.
     */
    public static final class Client implements AutoCloseable {
        private final String from;
        private final int port;
        private Socket socket;
        private InputStream in;

        public Client(String from, int port) {
            this.from = from;
            this.port = port;
        }

        public Response get(String pathAndQuery, String... headers) throws IOException {
            return send("GET", pathAndQuery, null, null, headers);
        }

        public Response send(String method, String pathAndQuery, String contentType, byte[] body, String... headers)
                throws IOException {
            StringBuilder b = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) b.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            if (contentType != null) b.append("Content-Type: ").append(contentType).append("\r\n");
            if (body != null) b.append("Content-Length: ").append(body.length).append("\r\n");
            byte[] head = b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
            for (int attempt = 0; ; attempt++) {
                long start = System.nanoTime();
                try {
                    if (socket == null) {
                        socket = connect(from, port);
                        in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
                    }
                    socket.getOutputStream().write(head);
                    if (body != null) socket.getOutputStream().write(body);
                    socket.getOutputStream().flush();
                    Response r = read(in, start, method.equals("HEAD"));
                    if ("close".equalsIgnoreCase(r.header("Connection"))) close();
                    return r;
                } catch (IOException e) {
                    close();
                    // A kept-alive connection the server closed meanwhile: once more on a new one.
                    if (attempt > 0) throw e;
                }
            }
        }

        @Override
        public void close() {
            if (socket == null) return;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    public static Response read(InputStream in, long startNanos) throws IOException {
        return read(in, startNanos, false);
    }

    /** Reads status line, headers and body (Content-Length, chunked, or until close). */
    public static Response read(InputStream in, long startNanos, boolean head) throws IOException {
        String status = line(in);
        if (status == null) throw new IOException("connection closed before an answer");
        Map<String, String> headers = new LinkedHashMap<>();
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon > 0) headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int code = Integer.parseInt(status.split(" ")[1]);
        if (head || code == 204 || code == 304) {
            // no body
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            String size;
            while ((size = line(in)) != null) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    String trailer;
                    while ((trailer = line(in)) != null && !trailer.isEmpty()) { /* trailers: none expected */ }
                    break;
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(code, headers, body.toString(StandardCharsets.UTF_8), (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') b.write(c);
        }
        if (c == -1 && b.size() == 0) return null;
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
