package nl.arbeidsmigratie.kg.linkeddata;

import static nl.arbeidsmigratie.kg.web.Html.esc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.arbeidsmigratie.kg.dump.Dumps;
import nl.arbeidsmigratie.kg.server.ServerContext;
import nl.arbeidsmigratie.kg.web.Layout;

/**
 * {@code /dumps/} and its files, with strong ETags (their SHA-256), gzip when asked, and byte ranges;
 * {@code /.well-known/void} redirects to the VoID description. Files are read once: they never change while
 * the server runs.
 */
public final class DumpServlet extends HttpServlet {
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");
    private final ServerContext ctx;
    private final Map<String, DumpFile> files = new LinkedHashMap<>();

    private record DumpFile(String name, byte[] bytes, byte[] gzipped, String mediaType, String etag) {}

    public DumpServlet(ServerContext ctx) {
        this.ctx = ctx;
        Map<String, String> sums = readSums(ctx.dumps().resolve(Dumps.SUMS_FILE));
        try (Stream<Path> s = Files.list(ctx.dumps())) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) continue;
                byte[] bytes = Files.readAllBytes(p);
                String sha = sums.getOrDefault(name, Integer.toHexString(java.util.Arrays.hashCode(bytes)));
                files.put(name, new DumpFile(name, bytes, name.endsWith(".gz") ? null : gzip(bytes),
                        mediaType(name), "\"" + sha + "\""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readSums(Path p) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(p)) {
                String[] parts = line.split("\\s+", 2);
                if (parts.length == 2) m.put(parts[1].strip(), parts[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no " + Dumps.SUMS_FILE + " in " + p.getParent(), e);
        }
        return m;
    }

    static String mediaType(String name) {
        for (Dumps.Distribution d : Dumps.Distribution.values())
            if (d.file.equals(name)) return d.file.endsWith(".gz") ? "application/gzip" : d.mediaType;
        if (name.endsWith(".ttl")) return "text/turtle";
        return "text/plain";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (req.getServletPath().equals("/.well-known/void")) {
            res.setStatus(303);
            res.setHeader("Location", "/dumps/" + Dumps.VOID_FILE);
            return;
        }
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if (path.equals("/")) {
            index(req, res);
            return;
        }
        DumpFile f = files.get(path.substring(1));
        if (f == null) {
            res.setStatus(404);
            res.setContentType("text/plain; charset=utf-8");
            res.getWriter().println("No dump " + path + "; see /dumps/");
            return;
        }
        res.setHeader("ETag", f.etag());
        res.setHeader("Accept-Ranges", "bytes");
        res.setHeader("Cache-Control", "public, max-age=3600");
        res.setHeader("Vary", "Accept-Encoding");
        String inm = req.getHeader("If-None-Match");
        if (inm != null && (inm.equals(f.etag()) || inm.equals("*"))) {
            res.setStatus(304);
            return;
        }
        res.setContentType(f.mediaType() + (f.mediaType().startsWith("text/") ? "; charset=utf-8" : ""));
        if (f.name().endsWith(".gz")) res.setHeader("Content-Disposition", "attachment; filename=\"" + f.name() + "\"");
        String range = req.getHeader("Range");
        String ifRange = req.getHeader("If-Range");
        if (range != null && (ifRange == null || ifRange.equals(f.etag()))) {
            sendRange(f, range, req, res);
            return;
        }
        String ae = req.getHeader("Accept-Encoding");
        boolean gzip = f.gzipped() != null && ae != null && ae.toLowerCase().contains("gzip");
        byte[] body = gzip ? f.gzipped() : f.bytes();
        if (gzip) res.setHeader("Content-Encoding", "gzip");
        res.setStatus(200);
        res.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) res.getOutputStream().write(body);
    }

    private static void sendRange(DumpFile f, String range, HttpServletRequest req, HttpServletResponse res)
            throws IOException {
        long size = f.bytes().length;
        Matcher m = RANGE.matcher(range.strip());
        long start, end;
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            unsatisfiable(res, size);
            return;
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (start >= size || start > end) {
            unsatisfiable(res, size);
            return;
        }
        int len = (int) (end - start + 1);
        res.setStatus(206);
        res.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + size);
        res.setContentLength(len);
        if (!"HEAD".equals(req.getMethod())) res.getOutputStream().write(f.bytes(), (int) start, len);
    }

    private static void unsatisfiable(HttpServletResponse res, long size) {
        res.setStatus(416);
        res.setHeader("Content-Range", "bytes */" + size);
    }

    private void index(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String lang = ResourceServlet.lang(req);
        boolean nl = "nl".equals(lang);
        StringBuilder b = new StringBuilder("<h1>").append(nl ? "Downloads" : "Downloads").append("</h1>\n<p>")
                .append(nl ? "De hele graaf (ontologie, data en afgeleide triples). In .trig staan vastgelegde en afgeleide triples in aparte benoemde grafen."
                        : "The whole graph (ontology, data and inferred triples). The .trig keeps asserted and inferred triples in separate named graphs.")
                .append("</p>\n<table><thead><tr><th scope=\"col\">").append(nl ? "Bestand" : "File")
                .append("</th><th scope=\"col\">").append(nl ? "Mediatype" : "Media type").append("</th><th scope=\"col\">")
                .append(nl ? "Bytes" : "Bytes").append("</th><th scope=\"col\">SHA-256</th></tr></thead><tbody>\n");
        for (DumpFile f : files.values()) {
            b.append("<tr><td><a href=\"/dumps/").append(esc(f.name())).append("\">").append(esc(f.name()))
                    .append("</a></td><td>").append(esc(f.mediaType())).append("</td><td>").append(f.bytes().length)
                    .append("</td><td><code>").append(esc(f.etag().replace("\"", ""))).append("</code></td></tr>\n");
        }
        b.append("</tbody></table>\n");
        Layout.send(req, res, 200, Layout.page(ctx, lang, "Downloads", "/dumps/", b.toString(), null));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
