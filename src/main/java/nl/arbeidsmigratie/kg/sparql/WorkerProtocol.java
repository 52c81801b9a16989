package nl.arbeidsmigratie.kg.sparql;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server and a query worker say to each other over the worker's standard input and output: one request
 * frame per ad-hoc query, one reply frame per request, each tagged with the request's number (a TDB2 worker runs
 * several at once and may answer out of order). Strings are written as length and UTF-8 bytes, so a query of any
 * length and any characters crosses unchanged.
 */
final class WorkerProtocol {
    /** Sent once by a worker when its graph is loaded: from then on it takes requests. */
    static final int READY = 0x4B475752;

    private WorkerProtocol() {}

    /**
     * One ad-hoc query as the SPARQL protocol gave it.
     *
     * @param formatParameter the first of {@code output=}, {@code format=}, {@code results=} as {@code name=value}, or ""
     * @param accept the {@code Accept} header (or the {@code accept=} parameter), or "" when there is none
     * @param initialTimeoutMillis Fuseki's first-result timeout ({@code timeout=a,b}), or -1
     * @param timeoutMillis the time left for this query when it was sent
     * @param limitMillis the query's time limit as the client knows it (for messages)
     */
    record Request(long id, String query, List<String> defaultGraphs, List<String> namedGraphs,
                   String formatParameter, String accept, long initialTimeoutMillis, long timeoutMillis, long limitMillis,
                   long maxRows) {
        void write(DataOutputStream out) throws IOException {
            out.writeLong(id);
            writeString(out, query);
            writeList(out, defaultGraphs);
            writeList(out, namedGraphs);
            writeString(out, formatParameter);
            writeString(out, accept);
            out.writeLong(initialTimeoutMillis);
            out.writeLong(timeoutMillis);
            out.writeLong(limitMillis);
            out.writeLong(maxRows);
            out.flush();
        }

        static Request read(DataInputStream in) throws IOException {
            return new Request(in.readLong(), readString(in), readList(in), readList(in), readString(in), readString(in),
                    in.readLong(), in.readLong(), in.readLong(), in.readLong());
        }
    }

    /**
     * The answer: a status, and either a body of {@code contentType} or (for an error) a short message.
     *
     * @param cut true when the row cap cut the result ({@code X-SPARQL-MaxRows})
     */
    record Reply(long id, int status, String contentType, boolean cut, String message, byte[] body) {
        static Reply ok(long id, String contentType, boolean cut, byte[] body) {
            return new Reply(id, 200, contentType, cut, "", body);
        }

        static Reply error(long id, int status, String message) {
            return new Reply(id, status, "", false, message, new byte[0]);
        }

        void write(DataOutputStream out) throws IOException {
            out.writeLong(id);
            out.writeInt(status);
            writeString(out, contentType);
            out.writeBoolean(cut);
            writeString(out, message);
            out.writeInt(body.length);
            out.write(body);
            out.flush();
        }

        static Reply read(DataInputStream in) throws IOException {
            long id = in.readLong();
            int status = in.readInt();
            String type = readString(in);
            boolean cut = in.readBoolean();
            String message = readString(in);
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return new Reply(id, status, type, cut, message, body);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void writeList(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) writeString(out, s);
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(readString(in));
        return list;
    }
}
