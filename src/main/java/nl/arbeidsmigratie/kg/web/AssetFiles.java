package nl.arbeidsmigratie.kg.web;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ResourceServlet;

import nl.arbeidsmigratie.kg.http.Responses;

/**
 * {@code /assets/…}: the page's own CSS and JavaScript ({@code web/} on the classpath) and CodeMirror from its
 * webjar, served by Jetty's resource service (ETags, {@code If-None-Match}, HEAD; GzipHandler compresses). Pages link
 * assets with {@code ?v=<version>}, so a day of caching never serves a stale file after an upgrade. Nothing comes
 * from a CDN.
 */
final class AssetFiles extends ResourceServlet {
    private static final Pattern ASSET = Pattern.compile("(/[A-Za-z0-9_][A-Za-z0-9_.-]*)+\\.(css|js|svg)");
    private final String base;

    /** {@code folder}: a classpath folder such as {@code web/}. */
    AssetFiles(String folder) {
        URL url = AssetFiles.class.getClassLoader().getResource(folder);
        if (url == null) throw new IllegalStateException("no " + folder + " on the classpath");
        try {
            this.base = url.toURI().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String getInitParameter(String name) {
        return switch (name) {
            case "baseResource" -> base;
            case "dirAllowed", "redirectWelcome", "welcomeServlets", "acceptRanges" -> "false";
            case "pathInfoOnly", "etags" -> "true";
            case "cacheControl" -> "public, max-age=86400";
            default -> null;
        };
    }

    /** Only stylesheets, scripts and SVG: the webjar also holds package.json and the like, which are not ours to serve. */
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (!ASSET.matcher(path).matches()) {
            Responses.text(res, 404, "no asset /assets" + path);
            return;
        }
        super.doGet(req, res);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(List.of("baseResource", "dirAllowed", "redirectWelcome", "welcomeServlets",
                "acceptRanges", "pathInfoOnly", "etags", "cacheControl"));
    }
}
