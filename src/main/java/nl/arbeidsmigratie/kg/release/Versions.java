package nl.arbeidsmigratie.kg.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonValue;

import nl.arbeidsmigratie.kg.history.History;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.query.Answers;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.query.WorkLimiter;

/**
 * The releases a prepared question can be asked of ({@code version=}): the current one, and every older one the
 * build stored in {@code history/{version}/} (its graph inferred as this build infers, its catalogue). An older
 * release is read the first time someone asks for it, then kept: each is a small graph. Its answers have their own
 * small cache, so old versions never push today's answers out.
 */
public final class Versions {
    private static final Map<ServerContext, Versions> BY_SERVER = new WeakHashMap<>();
    private static final int LIVE_ENTRIES = 200;
    private static final long LIVE_BYTES = 8L * 1024 * 1024;

    /**
     * What answers for one release; {@code ownQuestions}: asked with the questions it was published with (false only
     * for releases published before questions were kept with them, which this build's questions answer).
     */
    public record Served(String version, String date, QueryCatalog catalog, Answers answers, boolean ownQuestions) {}

    private final ServerContext ctx;
    private final Path history;
    private final List<String> known;
    private final Map<String, String> dates = new ConcurrentHashMap<>();
    private final Map<String, Served> loaded = new ConcurrentHashMap<>();

    private Versions(ServerContext ctx) {
        this.ctx = ctx;
        this.history = History.besideDumps(ctx.dumps());
        List<String> versions = new ArrayList<>();
        Path list = history.resolve(History.LIST);
        if (Files.isRegularFile(list)) {
            try {
                for (JsonValue v : JSON.parseAny(Files.readString(list)).getAsArray()) {
                    String version = v.getAsObject().get("version").getAsString().value();
                    versions.add(version);
                    dates.put(version, v.getAsObject().get("date").getAsString().value());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.known = List.copyOf(versions);
    }

    public static Versions of(ServerContext ctx) {
        synchronized (BY_SERVER) {
            return BY_SERVER.computeIfAbsent(ctx, Versions::new);
        }
    }

    /** Every release, oldest first. */
    public List<String> known() { return known; }

    /**
     * The release that answers {@code version} (null or blank: the current one); null when there is no such release.
     * A '+' that a query string turned into a space is read as the '+' it was.
     */
    public Served get(String version) {
        String v = version == null ? "" : version.strip().replace(' ', '+');
        if (v.isEmpty() || v.equals(ctx.dataVersion()))
            return new Served(ctx.dataVersion(), ctx.kg().buildInfo().releaseDate(), ctx.catalog(), ctx.answers(), true);
        if (!known.contains(v)) return null;
        return loaded.computeIfAbsent(v, this::load);
    }

    private Served load(String version) {
        Release.Older older = Release.loadOlder(ctx.kg(), history.resolve(version), version);
        if (older == null) return null;
        Answers answers = new Answers(older.catalog(), Map.of(), new WorkLimiter(2), ctx.timeoutMillis(), LIVE_ENTRIES, LIVE_BYTES);
        return new Served(version, dates.get(version), older.catalog(), answers, older.ownQuestions());
    }
}
