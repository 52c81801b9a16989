package nl.arbeidsmigratie.kg.dump;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.vocab.KG;
import nl.arbeidsmigratie.kg.vocab.SCHEMA;

/**
 * The dataset as a schema.org {@code Dataset} in JSON-LD, for search engines (Google Dataset Search reads it from
 * the home page): name, description, licence, creator, version, dates, the report it is based on, and every dump
 * as a {@code DataDownload}. The same facts as {@code void.ttl}, in the vocabulary search engines read.
 */
public final class DatasetJsonLd {
    private DatasetJsonLd() {}

    /** A {@code <script type="application/ld+json">} element, safe to place in any HTML page. */
    public static String script(KnowledgeGraph kg, String lang) {
        String json = JSON.toString(describe(kg, lang));
        // A data block may hold anything but "</script"; escaping < keeps it so.
        return "<script type=\"application/ld+json\">\n" + json.replace("<", "\\u003c") + "\n</script>\n";
    }

    static JsonObject describe(KnowledgeGraph kg, String lang) {
        boolean nl = "nl".equals(lang);
        Graph g = kg.all();
        JsonObject o = new JsonObject();
        o.put("@context", SCHEMA.NS);
        o.put("@type", "Dataset");
        o.put("@id", KG.DATASET);
        o.put("name", nl ? "Arbeidsmigratie KG" : "Labour Migration KG");
        o.put("description", nl
                ? "Kennisgraaf van arbeidsmigratie in Nederland: problemen, aanbevelingen, beleid, status, kritiek en "
                  + "cijfers, elk met bron."
                : "Knowledge graph of labour migration in the Netherlands: problems, recommendations, policy responses, "
                  + "dated status, critique and figures, each with its source.");
        o.put("url", KG.BASE);
        o.put("identifier", KG.DATASET);
        o.put("license", KG.LICENSE);
        o.put("isAccessibleForFree", true);
        o.put("version", kg.dataVersion());
        if (!"unknown".equals(kg.buildInfo().releaseDate())) {
            o.put("dateModified", kg.buildInfo().releaseDate());
            o.put("datePublished", kg.buildInfo().releaseDate());
        }
        JsonArray languages = new JsonArray();
        languages.add("nl");
        languages.add("en");
        o.put("inLanguage", languages);
        JsonArray keywords = new JsonArray();
        for (String k : nl ? new String[] {"arbeidsmigratie", "arbeidsmigranten", "huisvesting", "beleid"}
                : new String[] {"labour migration", "migrant workers", "housing", "policy"}) keywords.add(k);
        o.put("keywords", keywords);
        JsonObject creator = new JsonObject();
        creator.put("@type", "Organization");
        creator.put("@id", KG.PUBLISHER);
        creator.put("name", "Arbeidsmigratie KG");
        creator.put("url", KG.BASE);
        o.put("creator", creator);
        o.put("publisher", creator);
        Node report = NodeFactory.createURI(KG.REPORT);
        JsonObject basedOn = new JsonObject();
        basedOn.put("@type", "Report");
        basedOn.put("@id", KG.REPORT);
        basedOn.put("name", Labels.label(g, report, lang));
        String url = Labels.literal(g, report, SCHEMA.url, lang);
        if (url != null) basedOn.put("url", url);
        o.put("isBasedOn", basedOn);
        JsonArray downloads = new JsonArray();
        for (Dumps.Distribution d : Dumps.Distribution.values()) {
            JsonObject dl = new JsonObject();
            dl.put("@type", "DataDownload");
            dl.put("name", d.file);
            dl.put("contentUrl", KG.BASE + "dumps/" + d.file);
            dl.put("encodingFormat", d.gzipped() ? "application/gzip" : d.mediaType);
            downloads.add(dl);
        }
        o.put("distribution", downloads);
        return o;
    }
}
