package nl.arbeidsmigratie.kg.api;

import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

import nl.arbeidsmigratie.kg.query.Parameter;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.vocab.KG;
import nl.arbeidsmigratie.kg.http.ServerContext;

/** OpenAPI 3.1 description of the prepared-question API, generated from the catalogue so it cannot drift. */
final class OpenApi {
    private OpenApi() {}

    static JsonObject document(ServerContext ctx) {
        JsonObject doc = new JsonObject();
        doc.put("openapi", "3.1.0");
        JsonObject info = new JsonObject();
        info.put("title", "Arbeidsmigratie KG — prepared questions");
        info.put("version", ctx.dataVersion());
        info.put("description", "Prepared SPARQL questions over the knowledge graph of labour migration in the "
                + "Netherlands. Parameters are bound into the parsed query; IRI parameters accept only the listed values.");
        JsonObject license = new JsonObject();
        license.put("name", "CC BY 4.0");
        license.put("url", KG.LICENSE);
        info.put("license", license);
        doc.put("info", info);
        // Where clients reach the API: the configured public address, else relative to this document.
        JsonArray servers = new JsonArray();
        JsonObject server = new JsonObject();
        server.put("url", ctx.options().publicUrl() == null ? "/" : ctx.options().publicUrl());
        servers.add(server);
        doc.put("servers", servers);
        JsonObject paths = new JsonObject();
        paths.put("/api/queries", listPath());
        for (PreparedQuery q : ctx.catalog().all()) paths.put("/api/queries/" + q.id(), queryPath(q, nl.arbeidsmigratie.kg.release.Versions.of(ctx).known(), ctx.dataVersion()));
        doc.put("paths", paths);
        JsonObject components = new JsonObject();
        JsonObject schemas = new JsonObject();
        JsonObject err = new JsonObject();
        err.put("type", "object");
        JsonObject props = new JsonObject();
        props.put("error", schema("string"));
        props.put("parameter", schema("string"));
        JsonObject arr = schema("array");
        arr.put("items", schema("string"));
        props.put("allowedValues", arr);
        err.put("properties", props);
        JsonArray req = new JsonArray();
        req.add("error");
        err.put("required", req);
        schemas.put("Error", err);
        components.put("schemas", schemas);
        doc.put("components", components);
        return doc;
    }

    private static JsonObject listPath() {
        JsonObject op = new JsonObject();
        op.put("summary", "The prepared questions, their titles, descriptions and parameters with allowed values");
        op.put("operationId", "listQueries");
        JsonObject responses = new JsonObject();
        responses.put("200", response("The list", "application/json"));
        op.put("responses", responses);
        JsonObject path = new JsonObject();
        path.put("get", op);
        return path;
    }

    private static JsonObject queryPath(PreparedQuery q, List<String> versions, String current) {
        JsonObject op = new JsonObject();
        op.put("summary", q.title("en"));
        op.put("description", q.description("en"));
        op.put("operationId", "query_" + q.id().replace('-', '_'));
        JsonArray tags = new JsonArray();
        q.tags().forEach(tags::add);
        op.put("tags", tags);
        JsonArray params = new JsonArray();
        for (Parameter p : q.parameters()) {
            JsonObject po = new JsonObject();
            po.put("name", p.name());
            po.put("in", "query");
            po.put("required", p.required() && p.defaultValue() == null);
            JsonObject s = schema(p.type() == Parameter.Type.INTEGER ? "integer" : "string");
            if (p.type() == Parameter.Type.IRI) s.put("format", "iri");
            if (p.type() == Parameter.Type.DATE) s.put("format", "date");
            if (!p.allowedValues().isEmpty()) {
                JsonArray en = new JsonArray();
                p.allowedValues().forEach(a -> en.add(a.value()));
                s.put("enum", en);
            }
            // "today" is no date: an OpenAPI default must be a valid value, so it is said in words instead
            if (QueryCatalog.TODAY.equals(p.defaultValue())) po.put("description", "Default: the current date.");
            else if (p.defaultValue() != null) s.put("default", p.defaultValue());
            po.put("schema", s);
            params.add(po);
        }
        params.add(enumParam("lang", "Language of labels", "nl", "nl", "en"));
        params.add(enumParam("format", "Result format (or use Accept)", "json", "json", "csv", "tsv", "xml"));
        params.add(enumParam("version", "A published release (see /releases/) to answer from; default the current one",
                current, versions.isEmpty() ? new String[] {current} : versions.toArray(String[]::new)));
        op.put("parameters", params);
        JsonObject responses = new JsonObject();
        JsonObject ok = new JsonObject();
        ok.put("description", "SPARQL 1.1 results; header X-Data-Version names the data version");
        JsonObject content = new JsonObject();
        for (String mt : new String[] {"application/sparql-results+json", "text/csv", "text/tab-separated-values",
                "application/sparql-results+xml"}) content.put(mt, new JsonObject());
        ok.put("content", content);
        responses.put("200", ok);
        responses.put("304", description("Not modified (ETag)"));
        responses.put("400", errorResponse("A parameter is unknown, ill-typed or not allowed"));
        responses.put("404", errorResponse("Unknown query id"));
        responses.put("503", errorResponse("Too busy or timed out; see Retry-After"));
        op.put("responses", responses);
        JsonObject path = new JsonObject();
        path.put("get", op);
        return path;
    }

    private static JsonObject enumParam(String name, String description, String dflt, String... values) {
        JsonObject po = new JsonObject();
        po.put("name", name);
        po.put("in", "query");
        po.put("required", false);
        po.put("description", description);
        JsonObject s = schema("string");
        JsonArray en = new JsonArray();
        for (String v : values) en.add(v);
        s.put("enum", en);
        s.put("default", dflt);
        po.put("schema", s);
        return po;
    }

    private static JsonObject schema(String type) {
        JsonObject s = new JsonObject();
        s.put("type", type);
        return s;
    }

    private static JsonObject description(String text) {
        JsonObject o = new JsonObject();
        o.put("description", text);
        return o;
    }

    private static JsonObject response(String text, String mediaType) {
        JsonObject o = description(text);
        JsonObject content = new JsonObject();
        content.put(mediaType, new JsonObject());
        o.put("content", content);
        return o;
    }

    private static JsonObject errorResponse(String text) {
        JsonObject o = description(text);
        JsonObject content = new JsonObject();
        JsonObject mt = new JsonObject();
        JsonObject ref = new JsonObject();
        ref.put("$ref", "#/components/schemas/Error");
        mt.put("schema", ref);
        content.put("application/json", mt);
        o.put("content", content);
        return o;
    }
}
