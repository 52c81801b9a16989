package nl.arbeidsmigratie.kg.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.IdleTimeout;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Open connections per client address, and room for everyone else when many are open.
 * <ul>
 * <li>At most {@code max} per client address: beyond that a new connection is closed as soon as it opens.</li>
 * <li>Above {@code crowded} open connections in all, every new connection makes room: the address that holds the
 * most gives up its connection that has been idle longest (no request in progress, idle at least {@code minIdleMillis}).
 * Without this, four addresses at the per-client cap held Jetty's whole {@code NetworkConnectionLimit}; Jetty then
 * stopped accepting, and a fifth client waited in the kernel's queue until the busy idle timeout closed some (4 s).
 * Now the total stays near {@code crowded}, far below the limit, and the acceptor never stops.</li>
 * </ul>
 */
final class ConnectionsPerClient implements Connection.Listener {
    private final int max;
    private final int crowded;
    private final long minIdleMillis;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Set<Connection>> open = new ConcurrentHashMap<>();
    /** The connections counted, with their client (a closed connection no longer knows its remote address). */
    private final ConcurrentHashMap<Connection, String> counted = new ConcurrentHashMap<>();

    ConnectionsPerClient(int max, int crowded, long minIdleMillis) {
        this.max = max;
        this.crowded = crowded;
        this.minIdleMillis = minIdleMillis;
    }

    @Override
    public void onOpened(Connection connection) {
        String client = client(connection);
        boolean[] allowed = {false};
        open.compute(client, (k, set) -> {
            Set<Connection> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            allowed[0] = s.size() < max;
            if (allowed[0]) s.add(connection);
            return s.isEmpty() ? null : s;
        });
        if (!allowed[0]) {
            connection.getEndPoint().close();
            return;
        }
        counted.put(connection, client);
        if (total.incrementAndGet() > crowded) makeRoom();
    }

    @Override
    public void onClosed(Connection connection) {
        String client = counted.remove(connection);
        if (client == null) return;
        total.decrementAndGet();
        open.computeIfPresent(client, (k, s) -> {
            s.remove(connection);
            return s.isEmpty() ? null : s;
        });
    }

    /** Closes the longest-idle connection of the address holding the most, if it is idle long enough. */
    private void makeRoom() {
        Set<Connection> busiest = null;
        for (Map.Entry<String, Set<Connection>> e : open.entrySet())
            if (busiest == null || e.getValue().size() > busiest.size()) busiest = e.getValue();
        if (busiest == null) return;
        Connection idlest = null;
        long longest = minIdleMillis - 1;
        for (Connection c : busiest) {
            long idle = idleFor(c);
            if (idle > longest && betweenRequests(c)) {
                idlest = c;
                longest = idle;
            }
        }
        if (idlest != null) idlest.getEndPoint().close();
    }

    /** Milliseconds since the connection last read or wrote (Jetty's endpoints are IdleTimeouts), or 0. */
    private static long idleFor(Connection c) {
        return c.getEndPoint() instanceof IdleTimeout t ? t.getIdleFor() : 0;
    }

    /** No request in progress: the parser waits for the first byte of the next one. */
    private static boolean betweenRequests(Connection c) {
        return !(c instanceof HttpConnection http) || http.getParser().isStart();
    }

    int total() { return total.get(); }

    private static String client(Connection connection) {
        SocketAddress a = connection.getEndPoint().getRemoteSocketAddress();
        return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress().getHostAddress() : String.valueOf(a);
    }
}
