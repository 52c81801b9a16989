package nl.arbeidsmigratie.kg.web;

import org.apache.jena.fuseki.main.FusekiServer;

import nl.arbeidsmigratie.kg.server.ServerContext;

/** Registers the pages for people: the gallery, question permalinks, the SPARQL editor and their assets. */
public final class WebPages {
    private WebPages() {}

    public static void install(FusekiServer.Builder b, ServerContext ctx) {
        b.addServlet("", new GalleryServlet(ctx));
        b.addServlet("/q/*", new QuestionServlet(ctx));
        b.addServlet("/sparql", new EditorServlet(ctx));
        b.addServlet("/assets/*", new AssetServlet());
    }
}
