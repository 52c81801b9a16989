package nl.arbeidsmigratie.kg.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.io.Connection;

/**
 * At most {@code max} open connections per client address: beyond that a new connection is closed as soon as it opens.
 * Jetty's {@code NetworkConnectionLimit} caps the total (and protects the file descriptors); this keeps one client
 * from taking that whole total, so others can still connect while one floods.
 */
final class ConnectionsPerClient implements Connection.Listener {
    private final int max;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    /** The connections counted, with their client (a closed connection no longer knows its remote address). */
    private final ConcurrentHashMap<Connection, String> counted = new ConcurrentHashMap<>();

    ConnectionsPerClient(int max) {
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        String client = client(connection);
        boolean[] allowed = {false};
        open.compute(client, (k, n) -> {
            int now = n == null ? 0 : n;
            allowed[0] = now < max;
            return allowed[0] ? now + 1 : (now == 0 ? null : now);
        });
        if (allowed[0]) counted.put(connection, client);
        else connection.getEndPoint().close();
    }

    @Override
    public void onClosed(Connection connection) {
        String client = counted.remove(connection);
        if (client != null) open.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    private static String client(Connection connection) {
        SocketAddress a = connection.getEndPoint().getRemoteSocketAddress();
        return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress().getHostAddress() : String.valueOf(a);
    }
}
