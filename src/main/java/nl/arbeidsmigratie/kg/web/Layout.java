package nl.arbeidsmigratie.kg.web;

import static nl.arbeidsmigratie.kg.web.Html.esc;

import nl.arbeidsmigratie.kg.server.ServerContext;

/** The frame every HTML page shares: head, language switch, navigation, footer with the data version. */
public final class Layout {
    private Layout() {}

    /**
     * @param path the page's own path and query without {@code lang}, for the language switch
     * @param body already-escaped HTML
     */
    public static String page(ServerContext ctx, String lang, String title, String path, String body, String scripts) {
        String other = "nl".equals(lang) ? "en" : "nl";
        String sep = path.contains("?") ? "&" : "?";
        boolean nl = "nl".equals(lang);
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + " · Arbeidsmigratie KG</title>\n"
                + "<link rel=\"stylesheet\" href=\"/assets/site.css\">\n"
                + "</head>\n<body>\n<a class=\"skip\" href=\"#main\">" + (nl ? "Naar de inhoud" : "Skip to content") + "</a>\n"
                + "<header class=\"site\"><nav aria-label=\"" + (nl ? "Hoofdmenu" : "Main") + "\">"
                + "<a class=\"brand\" href=\"/?lang=" + lang + "\">Arbeidsmigratie KG</a> "
                + "<a href=\"/?lang=" + lang + "\">" + (nl ? "Vragen" : "Questions") + "</a> "
                + "<a href=\"/sparql?lang=" + lang + "\">SPARQL</a> "
                + "<a href=\"/dumps/\">" + (nl ? "Downloads" : "Downloads") + "</a> "
                + "<a class=\"lang\" hreflang=\"" + other + "\" data-lang=\"" + other + "\" href=\"" + esc(path + sep + "lang=" + other)
                + "\">" + (nl ? "English" : "Nederlands") + "</a>"
                + "</nav></header>\n<main id=\"main\">\n" + body + "\n</main>\n"
                + "<footer class=\"site\"><p>" + (nl ? "Dataversie " : "Data version ") + "<code>" + esc(ctx.dataVersion())
                + "</code> · " + (nl ? "gebouwd op " : "built on ") + esc(ctx.kg().buildInfo().buildDate())
                + " · <a href=\"/id/bron/rapport\">" + (nl ? "Bron: het rapport" : "Source: the report") + "</a>"
                + " · <a href=\"/.well-known/void\">VoID</a> · CC BY 4.0</p></footer>\n"
                + (scripts == null ? "" : scripts)
                + "</body>\n</html>\n";
    }
}
