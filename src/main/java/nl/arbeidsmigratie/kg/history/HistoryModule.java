package nl.arbeidsmigratie.kg.history;

import static nl.arbeidsmigratie.kg.http.Html.esc;
import static nl.arbeidsmigratie.kg.http.Html.url;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * What changed, and every release: {@code /releases/} (the list, nl/en; {@code ?format=json}), {@code
 * /releases/{version}/arbeidsmigratie-asserted.nt.gz} (each release's canonical graph, at a stable address),
 * {@code /changes/{version}} (the changelog page), {@code /changes/{version}.rdfp} (RDF Patch) and {@code .json},
 * {@code /feeds/{name}.atom} (Atom) and {@code /ldes/…} (the event stream). Everything comes from the history the
 * build wrote; nothing is computed per request but the HTML around it.
 */
public final class HistoryModule implements FusekiModule {
    static final String DUMP = "arbeidsmigratie-asserted.nt.gz";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String SHORT = "public, max-age=300";

    private final ServerContext ctx;
    private final Path dir;
    private final List<JsonObject> releases = new ArrayList<>();
    private final byte[] listJson;

    public HistoryModule(ServerContext ctx) {
        this.ctx = ctx;
        this.dir = History.besideDumps(ctx.dumps());
        byte[] list = "[]\n".getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(dir.resolve(History.LIST))) {
                list = Files.readAllBytes(dir.resolve(History.LIST));
                for (JsonValue v : JSON.parseAny(new String(list, StandardCharsets.UTF_8)).getAsArray()) releases.add(v.getAsObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.listJson = list;
    }

    @Override public String name() { return "history"; }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
                serve(req, res);
            }
        };
        for (String p : List.of("/releases", "/releases/*", "/changes", "/changes/*", "/feeds/*", "/ldes", "/ldes/*"))
            b.addServlet(p, servlet);
    }

    private void serve(HttpServletRequest req, HttpServletResponse res) throws IOException {
        // the path as the client meant it: a version's '+' may arrive as %2B
        String path = java.net.URLDecoder.decode(req.getRequestURI().replace("+", "%2B"), StandardCharsets.UTF_8);
        String lang = Layout.lang(req);
        if (path.equals("/releases") || path.equals("/changes") || path.equals("/ldes")) {
            res.sendRedirect(path + "/");
        } else if (path.equals("/releases/") || path.equals("/changes/")) {
            if ("json".equals(req.getParameter("format")))
                Responses.send(req, res, 200, "application/json; charset=utf-8", listJson, Responses.etag(listJson), SHORT);
            else releasesPage(req, res, lang);
        } else if (path.startsWith("/releases/") && path.endsWith("/" + DUMP)) {
            String version = path.substring("/releases/".length(), path.length() - DUMP.length() - 1);
            file(req, res, release(version) == null ? null : dir.resolve(version).resolve(History.ASSERTED), "application/gzip",
                    immutable(version));
        } else if (path.startsWith("/releases/") && path.endsWith("/")) {
            res.sendRedirect("/changes/" + path.substring("/releases/".length(), path.length() - 1));
        } else if (path.startsWith("/changes/")) {
            String rest = path.substring("/changes/".length());
            if (rest.endsWith(".rdfp")) {
                String v = rest.substring(0, rest.length() - 5);
                file(req, res, release(v) == null ? null : dir.resolve(v).resolve(History.PATCH), "application/rdf-patch; charset=utf-8", immutable(v));
            } else if (rest.endsWith(".json")) {
                String v = rest.substring(0, rest.length() - 5);
                file(req, res, release(v) == null ? null : dir.resolve(v).resolve(History.CHANGES), "application/json; charset=utf-8", immutable(v));
            } else if (release(rest) != null) {
                changesPage(req, res, rest, lang);
            } else {
                Layout.notFound(ctx, req, res, path);
            }
        } else if (path.startsWith("/feeds/") && path.endsWith(".atom")) {
            feed(req, res, path.substring("/feeds/".length(), path.length() - 5), "en".equals(req.getParameter("lang")) ? "en" : "nl");
        } else if (path.equals("/ldes/")) {
            file(req, res, dir.resolve(EventStream.DIR).resolve(EventStream.ROOT), EventStream.TURTLE + "; charset=utf-8", "no-cache");
        } else if (path.startsWith("/ldes/")) {
            String v = path.substring("/ldes/".length());
            file(req, res, release(v) == null ? null : dir.resolve(EventStream.DIR).resolve(v + ".ttl"),
                    EventStream.TURTLE + "; charset=utf-8", immutable(v));
        } else {
            Layout.notFound(ctx, req, res, path);
        }
    }

    /** The release with this version, or null. */
    private JsonObject release(String version) {
        for (JsonObject r : releases) if (r.get("version").getAsString().value().equals(version)) return r;
        return null;
    }

    /**
     * A published release that is not the last never changes (its page of the event stream has its link to the next
     * one): cached for a year, immutable. The last one, and this build's unpublished one, may still change.
     */
    private String immutable(String version) {
        JsonObject r = release(version);
        boolean last = !releases.isEmpty() && releases.get(releases.size() - 1) == r;
        return r != null && r.get("published").getAsBoolean().value() && !last ? IMMUTABLE : "no-cache";
    }

    private void file(HttpServletRequest req, HttpServletResponse res, Path file, String type, String cache) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            Layout.notFound(ctx, req, res, req.getRequestURI());
            return;
        }
        byte[] body = Files.readAllBytes(file);
        Responses.send(req, res, 200, type, body, Responses.etag(body), cache);
    }

    private void feed(HttpServletRequest req, HttpServletResponse res, String name, String lang) throws IOException {
        Path file = dir.resolve(Feeds.DIR).resolve(name + "." + lang + ".atom").normalize();
        byte[] body;
        if (file.startsWith(dir.resolve(Feeds.DIR)) && Files.isRegularFile(file)) {
            body = Files.readAllBytes(file);
        } else {
            // a recommendation, law, measure or body without statements yet: a valid, empty feed (readers may subscribe)
            Node iri = NodeFactory.createURI(KG.ID + name);
            if (Feeds.name(KG.ID + name) == null || !ctx.kg().all().contains(iri, Node.ANY, Node.ANY)) {
                Layout.notFound(ctx, req, res, req.getRequestURI());
                return;
            }
            String updated = releases.isEmpty() ? ctx.kg().buildInfo().releaseDate()
                    : releases.get(releases.size() - 1).get("date").getAsString().value();
            body = Feeds.atom(name, Feeds.title(ctx.kg(), iri.getURI(), lang), List.of(), updated, lang).getBytes(StandardCharsets.UTF_8);
        }
        res.setHeader("Vary", "Accept-Encoding");
        Responses.send(req, res, 200, Feeds.ATOM + "; charset=utf-8", body, Responses.etag(body), SHORT);
    }

    private void releasesPage(HttpServletRequest req, HttpServletResponse res, String lang) throws IOException {
        boolean nl = "nl".equals(lang);
        StringBuilder b = new StringBuilder("<article class=\"releases\">\n<h1>").append(nl ? "Uitgaven" : "Releases").append("</h1>\n<p class=\"lead\">")
                .append(nl ? "Elke uitgave van de graaf blijft beschikbaar: haar gegevens, wat er veranderde, en elke vraag gesteld aan die uitgave (<code>version=</code>). Volg de wijzigingen met de "
                        : "Every release of the graph stays available: its data, what changed, and every question asked of that release (<code>version=</code>). Follow the changes with the ")
                .append("<a href=\"/feeds/all.atom?lang=").append(lang).append("\">").append(nl ? "Atom-feed" : "Atom feed").append("</a>")
                .append(nl ? " of de " : " or the ").append("<a href=\"/ldes/\">Linked Data Event Stream</a>.</p>\n")
                .append("<table class=\"releases\">\n<thead><tr><th>").append(nl ? "Datum" : "Date").append("</th><th>")
                .append(nl ? "Versie" : "Version").append("</th><th>").append(nl ? "Triples (vastgelegd)" : "Triples (asserted)")
                .append("</th><th>").append(nl ? "Wat veranderde" : "What changed").append("</th><th>")
                .append(nl ? "Downloads" : "Downloads").append("</th></tr></thead>\n<tbody>\n");
        for (int i = releases.size() - 1; i >= 0; i--) {
            JsonObject r = releases.get(i);
            String v = r.get("version").getAsString().value();
            b.append("<tr><td><time datetime=\"").append(esc(str(r, "date"))).append("\">").append(esc(str(r, "date"))).append("</time></td><td><code>")
                    .append(esc(v)).append("</code>").append(r.get("current").getAsBoolean().value() ? (nl ? " (huidig)" : " (current)") : "")
                    .append(r.get("published").getAsBoolean().value() ? "" : (nl ? " · nog niet gepubliceerd" : " · not yet published"))
                    .append("</td><td>").append(r.get("triples")).append("</td><td><a href=\"/changes/").append(esc(url(v))).append("?lang=").append(lang).append("\">+")
                    .append(r.get("added")).append(" / −").append(r.get("removed")).append("; ").append(r.get("statements"))
                    .append(nl ? " gedateerde uitspraken" : " dated statements").append("</a></td><td><a href=\"/releases/").append(esc(url(v))).append("/")
                    .append(DUMP).append("\">N-Triples (gzip)</a> · <a href=\"/changes/").append(esc(url(v))).append(".rdfp\">RDF Patch</a> · <a href=\"/ldes/")
                    .append(esc(url(v))).append("\">LDES</a></td></tr>\n");
        }
        b.append("</tbody></table>\n</article>");
        Layout.send(req, res, 200, Layout.page(ctx, lang, nl ? "Uitgaven" : "Releases", "/releases/", b.toString(), null));
    }

    private void changesPage(HttpServletRequest req, HttpServletResponse res, String version, String lang) throws IOException {
        boolean nl = "nl".equals(lang);
        JsonObject c = JSON.parse(Files.readString(dir.resolve(version).resolve(History.CHANGES)));
        StringBuilder b = new StringBuilder("<article class=\"changes\">\n<h1>").append(nl ? "Wat veranderde in uitgave " : "What changed in release ")
                .append("<code>").append(esc(version)).append("</code></h1>\n<p class=\"lead\">").append(nl ? "Uitgave van " : "Released ")
                .append(esc(str(c, "date"))).append(". ");
        if (c.hasKey("previous"))
            b.append(nl ? "Sinds " : "Since ").append("<code>").append(esc(str(c, "previous"))).append("</code>: ");
        else b.append(nl ? "De eerste uitgave: " : "The first release: ");
        b.append(c.get("added")).append(nl ? " triples toegevoegd, " : " triples added, ").append(c.get("removed"))
                .append(nl ? " verwijderd" : " removed").append(" (<a href=\"/changes/").append(esc(url(version))).append(".rdfp\">RDF Patch</a>).</p>\n");
        b.append("<h2>").append(nl ? "Per soort" : "By kind").append("</h2>\n<ul>\n");
        for (Map.Entry<String, JsonValue> k : c.get("summary").getAsObject().entrySet()) {
            JsonObject n = k.getValue().getAsObject();
            b.append("<li>").append(esc(kind(k.getKey(), nl))).append(": ").append(n.get("new")).append(nl ? " nieuw, " : " new, ")
                    .append(n.get("changed")).append(nl ? " gewijzigd, " : " changed, ").append(n.get("removed")).append(nl ? " verwijderd" : " removed").append("</li>\n");
        }
        b.append("</ul>\n<h2>").append(nl ? "Nieuwe en gewijzigde gedateerde uitspraken" : "New and changed dated statements").append("</h2>\n<ul class=\"statements\">\n");
        for (JsonValue sv : c.get("statements").getAsArray()) {
            JsonObject s = sv.getAsObject();
            String iri = str(s, "iri");
            String label = s.get("label").getAsObject().hasKey(lang) ? s.get("label").getAsObject().get(lang).getAsString().value() : iri;
            b.append("<li>").append(s.get("new").getAsBoolean().value() ? (nl ? "nieuw" : "new") : (nl ? "gewijzigd" : "changed")).append(": <a href=\"")
                    .append(esc(Labels.localPath(iri))).append("?lang=").append(lang).append("\">").append(esc(label)).append("</a>");
            if (s.get("scheduled").getAsBoolean().value()) b.append(nl ? " (gepland)" : " (scheduled)");
            b.append("</li>\n");
        }
        b.append("</ul>\n<p><a href=\"/releases/?lang=").append(lang).append("\">").append(nl ? "Alle uitgaven" : "All releases").append("</a></p>\n</article>");
        Layout.send(req, res, 200, Layout.page(ctx, lang, (nl ? "Wijzigingen " : "Changes ") + version, "/changes/" + url(version), b.toString(), null));
    }

    private static String kind(String k, boolean nl) {
        return switch (k) {
            case "status" -> nl ? "statussen" : "statuses";
            case "source" -> nl ? "bronnen" : "sources";
            case "ontology" -> nl ? "ontologie" : "ontology";
            default -> nl ? "beweringen (aanbevelingen, maatregelen, kritiek, cijfers …)" : "claims (recommendations, measures, critiques, figures …)";
        };
    }

    private static String str(JsonObject o, String key) { return o.get(key).getAsString().value(); }
}
