package nl.arbeidsmigratie.kg.dump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

import nl.arbeidsmigratie.kg.digest.Sha256;
import nl.arbeidsmigratie.kg.http.ServerContext;

/** The downloads: {@code /dumps/} (a list), {@code /dumps/{file}} and {@code /.well-known/void}. */
public final class DumpModule implements FusekiModule {
    private final ServerContext ctx;

    public DumpModule(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override public String name() { return "dumps"; }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        Map<String, DumpFilesServlet.DumpFile> files = files(ctx.dumps());
        DumpServlet index = new DumpServlet(ctx, files);
        b.addServlet("/dumps/", index);
        b.addServlet("/dumps", index);
        b.addServlet("/.well-known/void", index);
        b.addServlet("/dumps/*", new DumpFilesServlet(ctx.dumps(), files));
        // Without documents (a store on disk, which may hold more than the release), Fuseki reads the graphs as before.
        GraphDocuments documents = GraphDocuments.of(ctx.kg(), ctx.dumps());
        if (documents != null) {
            GraphStoreFilter gsp = new GraphStoreFilter(documents);
            GraphStoreFilter.PATHS.forEach(path -> b.addFilter(path, gsp));
        }
    }


    /** The files SHA256SUMS lists, plus SHA256SUMS itself, with media type, checksum and size. */
    static Map<String, DumpFilesServlet.DumpFile> files(Path dir) {
        Map<String, DumpFilesServlet.DumpFile> files = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(dir.resolve(Dumps.SUMS_FILE))) {
                String[] parts = line.split("\\s+", 2);
                if (parts.length != 2) continue;
                String name = parts[1].strip();
                files.put(name, new DumpFilesServlet.DumpFile(name, mediaType(name), parts[0], Files.size(dir.resolve(name))));
            }
            Path sums = dir.resolve(Dumps.SUMS_FILE);
            files.put(Dumps.SUMS_FILE, new DumpFilesServlet.DumpFile(Dumps.SUMS_FILE, "text/plain; charset=utf-8",
                    Sha256.hex(sums), Files.size(sums)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dumps in " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    static String mediaType(String name) {
        for (Dumps.Distribution d : Dumps.Distribution.values())
            if (d.file.equals(name)) return d.gzipped() ? "application/gzip" : withCharset(d.mediaType);
        if (name.endsWith(".ttl")) return "text/turtle; charset=utf-8";
        return "text/plain; charset=utf-8";
    }

    private static String withCharset(String mediaType) {
        return mediaType.startsWith("text/") ? mediaType + "; charset=utf-8" : mediaType;
    }
}
