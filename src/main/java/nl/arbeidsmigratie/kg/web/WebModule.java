package nl.arbeidsmigratie.kg.web;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

import nl.arbeidsmigratie.kg.http.ServerContext;
import nl.arbeidsmigratie.kg.search.SearchIndex;

/** The pages for people: the gallery, question permalinks, the SPARQL editor, their assets, and the 404 page. */
public final class WebModule implements FusekiModule {
    static final String CODEMIRROR = "META-INF/resources/webjars/codemirror/5.65.16/";
    private final ServerContext ctx;

    public WebModule(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override public String name() { return "web"; }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        SearchIndex search = SearchIndex.forGraph(ctx.kg(), ctx.catalog());
        b.addServlet("", new GalleryServlet(ctx, search));
        b.addServlet("/search", new SearchServlet(ctx, search));
        b.addServlet("/q/*", new QuestionServlet(ctx));
        b.addServlet("/sparql", new EditorServlet(ctx));
        b.addServlet("/assets/*", new AssetFiles("web/"));
        b.addServlet("/assets/codemirror/*", new AssetFiles(CODEMIRROR));
        // Paths nothing answers: our HTML 404 instead of Jetty's default page.
        b.addFilter("/*", new NotFoundPages(ctx));
    }
}
