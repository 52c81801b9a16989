package nl.arbeidsmigratie.kg.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import nl.arbeidsmigratie.kg.http.Layout;
import nl.arbeidsmigratie.kg.http.ServerContext;

/**
 * A path nothing answers ({@code /foo}, {@code /nope/x}, an unknown endpoint under {@code /kg/}) gets the same HTML 404
 * as an unknown {@code /id/…}: in the page language, with a way back. Only a {@code sendError(404)} is replaced, which
 * is how Jetty's and Fuseki's fallbacks answer; our own servlets write their 404s themselves (the API its JSON, the
 * dumps their text) and are left as they are. A client that asks for something other than HTML keeps Jetty's answer.
 */
final class NotFoundPages implements Filter {
    private final ServerContext ctx;

    NotFoundPages(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        if (!wantsHtml(req.getHeader("Accept")) || !("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))) {
            chain.doFilter(request, response);
            return;
        }
        NotFoundCatcher caught = new NotFoundCatcher(res);
        chain.doFilter(request, caught);
        if (caught.notFound && !res.isCommitted()) Layout.notFound(ctx, req, res, req.getRequestURI());
    }

    /** A browser (text/html), or a client that takes anything: no Accept, or {@code *}{@code /*}. */
    static boolean wantsHtml(String accept) {
        if (accept == null || accept.isBlank()) return true;
        String a = accept.toLowerCase();
        return a.contains("text/html") || a.contains("application/xhtml") || a.contains("*/*");
    }

    /** Holds back a 404 sent as an error, so that the page can be written instead; every other error passes. */
    private static final class NotFoundCatcher extends HttpServletResponseWrapper {
        boolean notFound;

        NotFoundCatcher(HttpServletResponse res) {
            super(res);
        }

        @Override
        public void sendError(int sc) throws IOException {
            if (sc == SC_NOT_FOUND) notFound = true;
            else super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (sc == SC_NOT_FOUND) notFound = true;
            else super.sendError(sc, msg);
        }
    }
}
