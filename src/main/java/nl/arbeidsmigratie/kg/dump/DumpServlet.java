package nl.arbeidsmigratie.kg.dump;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;

import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.Negotiation;
import nl.arbeidsmigratie.kg.http.Representation;
import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.http.ServerContext;

/** {@code /dumps/}: the list of downloads (or, by content negotiation, their VoID/DCAT description); {@code /.well-known/void}: a redirect to the VoID description. */
final class DumpServlet extends HttpServlet {
    private final ServerContext ctx;
    private final Map<String, DumpFilesServlet.DumpFile> files;
    private final Graph description;

    DumpServlet(ServerContext ctx, Map<String, DumpFilesServlet.DumpFile> files) {
        this.ctx = ctx;
        this.files = files;
        this.description = Dumps.description(ctx.dumps());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (req.getServletPath().equals("/.well-known/void")) {
            res.setStatus(303);
            res.setHeader("Location", "/dumps/" + Dumps.VOID_FILE);
            return;
        }
        // The list for people; for machines the same list as data: the VoID/DCAT description in any RDF syntax.
        Negotiation.Offer<Representation> chosen = Negotiation.choose(req, res, Negotiation.PAGE_OR_RDF);
        if (chosen == null) return;
        if (chosen.value() != Representation.HTML) {
            Representation r = chosen.value();
            String etag = Responses.etag((ctx.dataVersion() + "\n/dumps/\n" + r.shortName()).getBytes(StandardCharsets.UTF_8));
            Responses.send(req, res, 200, r.contentType(), r.write(description), etag, "public, max-age=300");
            return;
        }
        String lang = Layout.lang(req);
        boolean nl = "nl".equals(lang);
        StringBuilder b = new StringBuilder("<h1>Downloads</h1>\n<p>")
                .append(nl ? "De hele graaf (ontologie, data en afgeleide triples). In .trig staan vastgelegde en afgeleide triples in aparte benoemde grafen."
                        : "The whole graph (ontology, data and inferred triples). The .trig keeps asserted and inferred triples in separate named graphs.")
                .append("</p>\n<table class=\"dumps\"><thead><tr><th scope=\"col\">").append(nl ? "Bestand" : "File")
                .append("</th><th scope=\"col\">").append(nl ? "Grootte" : "Size").append("</th><th scope=\"col\">")
                .append("SHA-256</th></tr></thead><tbody>\n");
        for (DumpFilesServlet.DumpFile f : files.values()) {
            // The media type under the name and the size in kB/MB: three columns fit a phone; the checksum folds.
            b.append("<tr><td><a href=\"/dumps/").append(esc(f.name())).append("\">").append(esc(f.name()))
                    .append("</a><small>").append(esc(f.mediaType())).append("</small></td><td data-bytes=\"").append(f.bytes())
                    .append("\">").append(esc(size(f.bytes(), nl))).append("</td><td><code>").append(esc(f.sha256()))
                    .append("</code></td></tr>\n");
        }
        b.append("</tbody></table>\n");
        Layout.send(req, res, 200, Layout.page(ctx, lang, "Downloads", "/dumps/", b.toString(), null));
    }

    /** A file size the reader's way: "12,3 MB", "845 kB" (decimal units, as file managers show them). */
    static String size(long bytes, boolean nl) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(nl ? java.util.Locale.forLanguageTag("nl-NL")
                : java.util.Locale.UK);
        f.setMaximumFractionDigits(1);
        if (bytes >= 1_000_000) return f.format(bytes / 1_000_000.0) + " MB";
        if (bytes >= 1_000) return f.format(bytes / 1_000.0) + " kB";
        return bytes + (nl ? " bytes" : " bytes");
    }
}
