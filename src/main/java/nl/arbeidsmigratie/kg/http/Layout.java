package nl.arbeidsmigratie.kg.http;

import static nl.arbeidsmigratie.kg.http.Html.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.query.ResultFormat;
import nl.arbeidsmigratie.kg.vocab.KG;

/** The frame every HTML page shares: head, language switch, navigation, footer with the data version. */
public final class Layout {
    /**
     * Everything a page loads comes from this server; the JSON data blocks are not scripts, so no inline script
     * is needed. CodeMirror sets inline styles, hence 'unsafe-inline' for styles only.
     */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Layout() {}

    /**
     * @param path the page's own path and query without {@code lang}, for the language switch
     * @param body already-escaped HTML
     * @param scripts extra {@code <script>} elements (already escaped), or null
     */
    public static String page(ServerContext ctx, String lang, String title, String path, String body, String scripts) {
        String other = "nl".equals(lang) ? "en" : "nl";
        String sep = path.contains("?") ? "&" : "?";
        boolean nl = "nl".equals(lang);
        String v = esc(Html.url(ctx.kg().buildInfo().version()));
        return "<!DOCTYPE html>\n<html lang=\"" + esc(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + " · Arbeidsmigratie KG</title>\n"
                // An empty icon: otherwise every browser asks for /favicon.ico and logs a 404.
                + "<link rel=\"icon\" href=\"data:,\">\n"
                + "<link rel=\"stylesheet\" href=\"/assets/site.css?v=" + v + "\">\n"
                + "</head>\n<body>\n<a class=\"skip\" href=\"#main\">" + (nl ? "Naar de inhoud" : "Skip to content") + "</a>\n"
                + "<header class=\"site\"><nav aria-label=\"" + (nl ? "Hoofdmenu" : "Main") + "\">"
                + "<a class=\"brand\" href=\"/?lang=" + lang + "\">Arbeidsmigratie KG</a>"
                + "<ul><li><a href=\"/?lang=" + lang + "\">" + (nl ? "Vragen" : "Questions") + "</a></li>"
                + "<li><a href=\"/sparql?lang=" + lang + "\">SPARQL</a></li>"
                + "<li><a href=\"/dumps/?lang=" + lang + "\">Downloads</a></li>"
                + "<li><a href=\"/id/bron/rapport?lang=" + lang + "\">" + (nl ? "Bron" : "Source") + "</a></li>"
                + "<li><a class=\"lang\" lang=\"" + other + "\" hreflang=\"" + other + "\" data-lang=\"" + other + "\" href=\""
                + esc(path + sep + "lang=" + other) + "\">" + (nl ? "English" : "Nederlands") + "</a></li></ul>"
                + "</nav></header>\n<main id=\"main\">\n" + body + "\n</main>\n"
                + "<footer class=\"site\"><p>" + (nl ? "Dataversie " : "Data version ") + "<code>" + esc(ctx.dataVersion())
                + "</code> · " + (nl ? "uitgave van " : "release of ") + esc(date(ctx.kg().buildInfo().releaseDate(), lang))
                + " · <a href=\"/id/bron/rapport?lang=" + lang + "\">" + (nl ? "Bron: het rapport" : "Source: the report") + "</a>"
                + " · <a href=\"/api/openapi.json\">API</a> · <a href=\"/.well-known/void\">VoID</a> · CC BY 4.0</p></footer>\n"
                + "<script src=\"/assets/site.js?v=" + v + "\" defer></script>\n"
                + (scripts == null ? "" : scripts)
                + "</body>\n</html>\n";
    }

    /** An ISO date in words ("30 november 2026"); anything else as it is. */
    static String date(String iso, String lang) {
        try {
            return java.time.LocalDate.parse(iso).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                    "en".equals(lang) ? Locale.UK : Locale.forLanguageTag("nl-NL")));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /**
     * The page language: {@code ?lang=} when valid, else the {@code lang} cookie the language switch sets, else the
     * first of the browser's languages (the request's locales, in Accept-Language q-value order) that we have,
     * else Dutch.
     */
    public static String lang(HttpServletRequest req) {
        String l = req.getParameter("lang");
        if ("nl".equals(l) || "en".equals(l)) return l;
        if (req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                if (c.getName().equals("lang") && ("nl".equals(c.getValue()) || "en".equals(c.getValue()))) return c.getValue();
            }
        }
        if (req.getHeader("Accept-Language") != null) {
            for (Enumeration<Locale> e = req.getLocales(); e.hasMoreElements(); ) {
                String language = e.nextElement().getLanguage();
                if ("nl".equals(language) || "en".equals(language)) return language;
            }
        }
        return "nl";
    }

    /**
     * Where readers reach a path of this server: {@code --public-url} + path when configured, else the path alone
     * (relative; the page completes it from {@code location.origin}). Never from the request's Host header, which
     * anyone can forge.
     */
    public static String absolute(ServerContext ctx, String path) {
        String base = ctx.options().publicUrl();
        return base == null ? path : base + path;
    }

    /** 404 as an HTML page in the page language, with a way back: for pages, questions and {@code /id/} IRIs. */
    public static void notFound(ServerContext ctx, HttpServletRequest req, HttpServletResponse res, String what)
            throws IOException {
        String lang = lang(req);
        boolean nl = "nl".equals(lang);
        String body = "<article class=\"error-page\"><h1>" + (nl ? "Niet gevonden" : "Not found") + "</h1>\n<p>"
                + (nl ? "Hier is niets te vinden: " : "There is nothing here: ") + "<code>" + esc(what) + "</code>.</p>\n"
                + wayBack(lang) + "</article>";
        send(req, res, 404, page(ctx, lang, nl ? "Niet gevonden" : "Not found", selfPath(req), body, null));
    }

    /** 400 as an HTML page in the page language: what was wrong, and a way back. */
    public static void badRequest(ServerContext ctx, HttpServletRequest req, HttpServletResponse res, String message)
            throws IOException {
        String lang = lang(req);
        boolean nl = "nl".equals(lang);
        String body = "<article class=\"error-page\"><h1>" + (nl ? "Dit verzoek klopt niet" : "This request is not valid")
                + "</h1>\n<p class=\"error\" role=\"alert\">" + esc(message) + "</p>\n" + wayBack(lang) + "</article>";
        send(req, res, 400, page(ctx, lang, nl ? "Ongeldig verzoek" : "Bad request", selfPath(req), body, null));
    }

    private static String wayBack(String lang) {
        boolean nl = "nl".equals(lang);
        return "<p class=\"way-back\"><a href=\"/?lang=" + lang + "\">" + (nl ? "Naar de vragen en de zoekfunctie"
                : "To the questions and search") + "</a> · <a href=\"/id/bron/rapport?lang=" + lang + "\">"
                + (nl ? "Over de bron" : "About the source") + "</a></p>\n";
    }

    /** The request's path (without lang), for the language switch of an error page. */
    private static String selfPath(HttpServletRequest req) {
        String uri = req.getRequestURI();
        return uri == null || uri.isEmpty() ? "/" : uri;
    }

    /** Sends a page with the headers all our HTML shares, and on success its {@link #alternates}. */
    public static void send(HttpServletRequest req, HttpServletResponse res, int status, String html) throws IOException {
        if (status == 200) html = withAlternates(req, res, html);
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        res.setHeader("Content-Security-Policy", CSP);
        res.setHeader("Referrer-Policy", "same-origin");
        // The page depends on the lang cookie and Accept-Language when no ?lang= is given, and /id/ pages on Accept.
        res.setHeader("Vary", "Accept, Cookie, Accept-Language");
        Responses.send(req, res, status, "text/html; charset=utf-8", body, Responses.etag(body), "no-cache");
    }

    // ---- rel="alternate": each page names the machine-readable documents that say what it shows, as
    // <link rel="alternate"> in its head and the same list in a Link header (RFC 8288). ----

    /** One alternate: where, as what media type, and a title for people. */
    public record Alternate(String href, String type, String title) {
        String link() { return "<" + href + ">; rel=\"alternate\"; type=\"" + type + "\"; title=\"" + title + "\""; }
        String element() {
            return "<link rel=\"alternate\" type=\"" + esc(type) + "\" href=\"" + esc(href) + "\" title=\"" + esc(title) + "\">\n";
        }
    }

    private static String withAlternates(HttpServletRequest req, HttpServletResponse res, String html) {
        List<Alternate> alternates = alternates(req);
        if (alternates.isEmpty()) return html;
        res.addHeader("Link", alternates.stream().map(Alternate::link).collect(Collectors.joining(", ")));
        String elements = alternates.stream().map(Alternate::element).collect(Collectors.joining());
        int head = html.indexOf("</head>");
        return head < 0 ? html : html.substring(0, head) + elements + html.substring(head);
    }

    /**
     * The documents behind a page, by its path: a resource, the ontology or a named graph in each RDF syntax; the
     * home page and the downloads by the dataset's VoID/DCAT description; the SPARQL editor by the endpoint's service
     * description; a question by its answer in each results format.
     */
    public static List<Alternate> alternates(HttpServletRequest req) {
        String path = req.getRequestURI();
        String document = null;
        if (path.equals("/")) document = Labels.localPath(KG.DATASET);
        else if (path.equals("/dumps") || path.equals("/dumps/")) document = "/dumps/";
        else if (path.equals("/sparql")) document = "/kg/sparql";
        else if (path.startsWith("/id/") || path.equals("/def") || path.startsWith("/def/") || path.startsWith("/graph/")
                || path.startsWith("/.well-known/genid/")) document = path;
        List<Alternate> out = new ArrayList<>();
        // The Atom feed of what changed: the whole graph's on the home page and the release pages, an item's own on
        // the page of a recommendation, law, measure or organisation.
        String lang = "en".equals(req.getParameter("lang")) ? "?lang=en" : "";
        if (path.equals("/") || path.startsWith("/releases/") || path.startsWith("/changes/"))
            out.add(new Alternate("/feeds/all.atom" + lang, "application/atom+xml", "Atom"));
        else if (path.matches("/id/(aanbeveling|wet|maatregel|organisatie)/[A-Za-z0-9._-]+"))
            out.add(new Alternate("/feeds/" + path.substring(4) + ".atom" + lang, "application/atom+xml", "Atom"));
        if (document != null) {
            for (Representation r : Representation.rdf())
                out.add(new Alternate(document + "?format=" + r.shortName(), r.mediaType, r.label()));
        } else if (path.startsWith("/q/") && path.length() > 3) {
            StringBuilder query = new StringBuilder();
            req.getParameterMap().forEach((k, v) -> {
                if (!k.equals("format") && v.length > 0) query.append(Html.url(k)).append('=').append(Html.url(v[0])).append('&');
            });
            for (Negotiation.Offer<ResultFormat> f : Negotiation.RESULTS)
                out.add(new Alternate("/api/queries/" + path.substring(3) + "?" + query + "format=" + f.name(), f.mediaType(),
                        "SPARQL results (" + f.name().toUpperCase(Locale.ROOT) + ")"));
        }
        return out;
    }
}
