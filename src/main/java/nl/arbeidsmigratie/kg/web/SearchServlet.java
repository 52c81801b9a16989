package nl.arbeidsmigratie.kg.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;

import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.Responses;
import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.search.SearchIndex;

/**
 * {@code /search?q=…&lang=}: the home page's results as JSON ({@code [{label, kind, href, matched}]}), for the
 * results that appear while a reader types. Without JavaScript the search form asks {@code /?q=…} instead.
 */
final class SearchServlet extends HttpServlet {
    private static final int MAX_QUERY = 200;
    private final ServerContext ctx;
    private final SearchIndex index;

    SearchServlet(ServerContext ctx, SearchIndex index) {
        this.ctx = ctx;
        this.index = index;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String q = req.getParameter("q");
        if (q == null || q.length() > MAX_QUERY) {
            Responses.text(res, 400, "q: a search text of 1 to " + MAX_QUERY + " characters");
            return;
        }
        String lang = Layout.lang(req);
        byte[] body = JSON.toString(SearchResults.json(SearchResults.find(ctx, index, q, lang))).getBytes(StandardCharsets.UTF_8);
        res.setHeader("Vary", "Cookie, Accept-Language");
        Responses.send(req, res, 200, "application/json; charset=utf-8", body, Responses.etag(body), "public, max-age=300");
    }
}
