package nl.arbeidsmigratie.kg.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import java.util.function.Predicate;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.search.SearchIndex;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * The Reconciliation Service API 0.2 as JSON in, JSON out, without HTTP: the manifest, query batches, suggest,
 * property proposals and data extension. Ids are the graph's IRIs ({@code identifierSpace} {@code …/id/}, types and
 * properties in {@code schemaSpace} {@code …/def#}). {@link ReconcileServlet} puts it on {@code /reconcile}; public
 * for the benchmark (bench/), which measures it in-process.
 */
public final class Service {
    /** Limits (SECURITY.md): queries per batch, characters per query, ids and properties per extension. */
    static final int MAX_QUERIES = 500, MAX_QUERY_CHARS = 500, MAX_IDS = 500, MAX_PROPERTIES = 20, MAX_LIMIT = 25;
    static final int DEFAULT_LIMIT = 5, SUGGEST_LIMIT = 10;

    /** Bad input: a 400 with this message. */
    public static final class BadRequest extends RuntimeException {
        BadRequest(String message) { super(message); }
    }

    private final KnowledgeGraph kg;
    private final Graph g;
    private final Matcher matcher;
    private final Facts facts;

    public Service(KnowledgeGraph kg, SearchIndex index) {
        this.kg = kg;
        this.g = kg.all();
        this.matcher = new Matcher(index);
        this.facts = new Facts(g);
    }

    Graph graph() { return g; }
    Facts facts() { return facts; }

    // ---- manifest

    /** The service manifest; {@code base} is where this server is reached (absolute, no trailing slash). */
    JsonObject manifest(String base, String lang) {
        String service = base + "/reconcile";
        String langParam = "en".equals(lang) ? "&lang=en" : "";
        JsonObject m = new JsonObject();
        JsonArray versions = new JsonArray();
        versions.add("0.2");
        m.put("versions", versions);
        m.put("name", "en".equals(lang) ? "Arbeidsmigratie KG (labour migration in the Netherlands)"
                : "Arbeidsmigratie KG (arbeidsmigratie in Nederland)");
        m.put("identifierSpace", KG.ID);
        m.put("schemaSpace", AM.NS);
        m.put("serviceVersion", kg.dataVersion());
        m.put("documentation", base + "/");
        JsonArray types = new JsonArray();
        for (Offer.Type t : Offer.TYPES.subList(0, Offer.DEFAULT_TYPES)) types.add(type(t, lang));
        m.put("defaultTypes", types);
        m.put("view", obj("url", service + "/view?id={{id}}"));
        JsonObject preview = obj("url", service + "/preview?id={{id}}" + langParam);
        preview.put("width", PreviewCard.WIDTH);
        preview.put("height", PreviewCard.HEIGHT);
        m.put("preview", preview);
        JsonObject suggest = new JsonObject();
        for (String kind : List.of("entity", "type", "property")) {
            JsonObject s = obj("service_url", service);
            s.put("service_path", "/suggest/" + kind + ("en".equals(lang) ? "?lang=en" : ""));
            suggest.put(kind, s);
        }
        m.put("suggest", suggest);
        JsonObject extend = new JsonObject();
        JsonObject propose = obj("service_url", service);
        propose.put("service_path", "/properties" + ("en".equals(lang) ? "?lang=en" : ""));
        extend.put("propose_properties", propose);
        JsonArray settings = new JsonArray();
        JsonObject asOf = new JsonObject();
        asOf.put("name", "asOf");
        asOf.put("label", "en".equals(lang) ? "Status on date (YYYY-MM-DD; empty: latest)" : "Status op datum (JJJJ-MM-DD; leeg: laatste)");
        asOf.put("type", "text");
        asOf.put("default", "");
        asOf.put("help_text", "en".equals(lang)
                ? "For 'status' and 'statusDate': the status in force on that date (2025-06-27 gives the report's view)."
                : "Voor 'status' en 'statusDate': de status die op die datum gold (2025-06-27 geeft de stand van het rapport).");
        settings.add(asOf);
        extend.put("property_settings", settings);
        m.put("extend", extend);
        return m;
    }

    // ---- reconciliation

    /** A batch of queries ({"q0": {"query": …}, …}) to a batch of results ({"q0": {"result": […]}, …}). */
    public JsonObject reconcile(String batchJson, String lang) {
        JsonObject batch = parseObject(batchJson, "queries");
        if (batch.keys().size() > MAX_QUERIES)
            throw new BadRequest("queries: at most " + MAX_QUERIES + " queries in one batch, not " + batch.keys().size());
        JsonObject out = new JsonObject();
        for (String key : batch.keys()) {
            JsonValue q = batch.get(key);
            if (!q.isObject()) throw new BadRequest("queries." + key + ": a query must be an object such as {\"query\": \"Wtta\"}");
            JsonObject result = new JsonObject();
            result.put("result", candidates(q.getAsObject(), key, lang));
            out.put(key, result);
        }
        return out;
    }

    private JsonArray candidates(JsonObject q, String key, String lang) {
        String text = q.hasKey("query") ? string(q.get("query"), "queries." + key + ".query") : "";
        if (text.length() > MAX_QUERY_CHARS)
            throw new BadRequest("queries." + key + ".query: at most " + MAX_QUERY_CHARS + " characters");
        int limit = DEFAULT_LIMIT;
        if (q.hasKey("limit")) {
            JsonValue l = q.get("limit");
            if (!l.isNumber() || l.getAsNumber().value().intValue() < 1)
                throw new BadRequest("queries." + key + ".limit: a whole number of at least 1");
            limit = Math.min(MAX_LIMIT, l.getAsNumber().value().intValue());
        }
        List<String> typeIds = types(q, key);
        List<Constraint> constraints = constraints(q, key);
        Predicate<String> wanted = iri -> isThing(iri) && ofType(iri, typeIds);
        List<Matcher.Candidate> found;
        if (!text.isBlank()) {
            found = matcher.match(text, wanted, constraints.isEmpty() ? limit : MAX_LIMIT);
        } else {
            // no text: an identifier constraint (BWB id, Kamerstuk) finds the thing, as the same number in the text would
            Constraint id = constraints.stream().filter(Constraint::isIdentifier).findFirst().orElseThrow(() -> new BadRequest(
                    "queries." + key + ": give a query text, or an 'identifier' or 'kamerstuk' property constraint"));
            found = new ArrayList<>();
            for (String v : id.values()) found.addAll(matcher.match(v, wanted, MAX_LIMIT));
        }
        List<Matcher.Candidate> scored = new ArrayList<>();
        for (Matcher.Candidate c : found) {
            if (constraints.isEmpty()) { scored.add(c); continue; }
            int met = 0;
            Node thing = NodeFactory.createURI(c.iri());
            for (Constraint k : constraints) if (k.metBy(this, thing)) met++;
            if (met == 0 && text.isBlank()) continue;
            boolean all = met == constraints.size();
            double score = Math.max(0, Math.min(100, c.score() + 5 * met - 20 * (constraints.size() - met)));
            // an identifier constraint that holds is as sure as the identifier in the text
            // sure: the text was, or an identifier constraint names exactly this one thing, and nothing contradicts it
            boolean sure = all && (c.sure() || constraints.stream().anyMatch(Constraint::isIdentifier) && onlyOne(found, constraints));
            scored.add(new Matcher.Candidate(c.iri(), score, sure, c.how()));
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        JsonArray out = new JsonArray();
        for (Matcher.Candidate c : scored.subList(0, Math.min(limit, scored.size()))) {
            Node n = NodeFactory.createURI(c.iri());
            JsonObject o = new JsonObject();
            o.put("id", c.iri());
            o.put("name", Labels.label(g, n, lang));
            o.put("score", org.apache.jena.atlas.json.JsonNumber.value(c.score()));
            o.put("match", c.sure());
            o.put("type", typesOf(n, lang));
            JsonArray features = new JsonArray();
            JsonObject f = obj("id", "matched_by_" + c.how().replace(' ', '_'));
            f.put("value", true);
            features.add(f);
            o.put("features", features);
            out.add(o);
        }
        return out;
    }

    /** True when exactly one candidate meets every identifier constraint: then it is sure. */
    private boolean onlyOne(List<Matcher.Candidate> found, List<Constraint> constraints) {
        int n = 0;
        for (Matcher.Candidate c : found) {
            Node thing = NodeFactory.createURI(c.iri());
            if (constraints.stream().filter(Constraint::isIdentifier).allMatch(k -> k.metBy(this, thing))) n++;
        }
        return n == 1;
    }

    private List<String> types(JsonObject q, String key) {
        if (!q.hasKey("type")) return List.of();
        JsonValue t = q.get("type");
        List<String> ids = new ArrayList<>();
        if (t.isString()) ids.add(t.getAsString().value());
        else if (t.isArray()) for (JsonValue v : t.getAsArray()) ids.add(string(v, "queries." + key + ".type"));
        else throw new BadRequest("queries." + key + ".type: a type id or a list of them");
        return ids;
    }

    private List<Constraint> constraints(JsonObject q, String key) {
        if (!q.hasKey("properties")) return List.of();
        if (!q.get("properties").isArray()) throw new BadRequest("queries." + key + ".properties: a list of {pid, v}");
        List<Constraint> out = new ArrayList<>();
        for (JsonValue p : q.get("properties").getAsArray()) {
            if (!p.isObject() || !p.getAsObject().hasKey("pid") || !p.getAsObject().hasKey("v"))
                throw new BadRequest("queries." + key + ".properties: each constraint is {\"pid\": …, \"v\": …}");
            String pid = string(p.getAsObject().get("pid"), "queries." + key + ".properties.pid");
            Offer.Property prop = Offer.property(pid);
            if (prop == null) throw new BadRequest("queries." + key + ".properties: unknown property '" + pid
                    + "'; known: " + String.join(", ", Offer.PROPERTIES.stream().map(Offer.Property::id).toList()));
            JsonValue v = p.getAsObject().get("v");
            List<String> values = new ArrayList<>();
            for (JsonValue one : v.isArray() ? v.getAsArray() : List.of(v)) {
                if (one.isObject() && one.getAsObject().hasKey("id")) values.add(string(one.getAsObject().get("id"), "v.id"));
                else if (one.isString()) values.add(one.getAsString().value());
                else if (one.isNumber()) values.add(one.getAsNumber().value().toString());
                else if (one.isBoolean()) values.add(Boolean.toString(one.getAsBoolean().value()));
                else throw new BadRequest("queries." + key + ".properties.v: a text, number, or {\"id\": …}");
            }
            out.add(new Constraint(prop, values));
        }
        return out;
    }

    /** A property constraint: the thing has one of these values (an IRI, or a text equal to a value or its label). */
    private record Constraint(Offer.Property property, List<String> values) {
        boolean isIdentifier() { return property.id().equals("identifier") || property.id().equals("kamerstuk"); }

        boolean metBy(Service s, Node thing) {
            for (Node n : s.facts.values(thing, property, null)) {
                for (String v : values) {
                    if (n.isURI() && n.getURI().equals(v)) return true;
                    String text = n.isLiteral() ? n.getLiteralLexicalForm() : Labels.label(s.g, n, "nl");
                    if (SearchIndex.fold(text).equals(SearchIndex.fold(v))) return true;
                    if (n.isURI() && SearchIndex.fold(Labels.label(s.g, n, "en")).equals(SearchIndex.fold(v))) return true;
                }
            }
            return false;
        }
    }

    /** One of the graph's things (under /id/), not a skolem node or a question. */
    private static boolean isThing(String iri) {
        return iri.startsWith(KG.ID);
    }

    private boolean ofType(String iri, List<String> typeIds) {
        if (typeIds.isEmpty()) return true;
        Node n = NodeFactory.createURI(iri);
        for (String id : typeIds) {
            Offer.Type t = Offer.type(id);
            if (t != null ? t.has(g, n) : g.contains(n, RDF.type.asNode(), NodeFactory.createURI(id))) return true;
        }
        return false;
    }

    /** The offered types a thing belongs to; if none, its own classes from the ontology. */
    JsonArray typesOf(Node n, String lang) {
        JsonArray out = new JsonArray();
        for (Offer.Type t : Offer.TYPES) if (t.has(g, n)) out.add(type(t, lang));
        if (out.isEmpty()) {
            List<Node> own = facts.objects(n, RDF.type.asNode());
            for (Node c : own)
                if (c.isURI() && c.getURI().startsWith(AM.NS)) out.add(typeObject(c.getURI(), Labels.label(g, c, lang)));
        }
        return out;
    }

    private static JsonObject type(Offer.Type t, String lang) { return typeObject(t.id(), t.name(lang)); }

    private static JsonObject typeObject(String id, String name) {
        JsonObject o = obj("id", id);
        o.put("name", name);
        return o;
    }

    // ---- suggest

    /** Entities whose names match what a reader has typed so far, optionally of one type. */
    JsonObject suggestEntities(String prefix, String typeId, String lang) {
        checkPrefix(prefix);
        List<String> typeIds = typeId == null || typeId.isBlank() ? List.of() : List.of(typeId);
        JsonArray result = new JsonArray();
        for (Matcher.Candidate c : matcher.match(prefix, iri -> isThing(iri) && ofType(iri, typeIds), SUGGEST_LIMIT)) {
            Node n = NodeFactory.createURI(c.iri());
            JsonObject o = obj("id", c.iri());
            o.put("name", Labels.label(g, n, lang));
            String d = Labels.description(g, n, lang);
            if (d != null) o.put("description", d.length() > 140 ? d.substring(0, 139) + "…" : d);
            o.put("notable", typesOf(n, lang));
            result.add(o);
        }
        return obj("result", result);
    }

    JsonObject suggestTypes(String prefix, String lang) {
        return suggest(prefix, Offer.TYPES, t -> List.of(t.nl(), t.en(), t.id()), t -> type(t, lang));
    }

    JsonObject suggestProperties(String prefix, String lang) {
        return suggest(prefix, Offer.PROPERTIES, p -> List.of(p.nl(), p.en(), p.id()), p -> property(p, lang));
    }

    /** The offered types or properties whose Dutch or English name has a word starting with the prefix, or whose id holds it. */
    private static <T> JsonObject suggest(String prefix, List<T> offered, Function<T, List<String>> nlEnId,
                                          Function<T, JsonObject> json) {
        checkPrefix(prefix);
        String f = SearchIndex.fold(prefix);
        JsonArray result = new JsonArray();
        for (T t : offered) {
            List<String> names = nlEnId.apply(t);
            if (words(names.get(0)).contains(f) || words(names.get(1)).contains(f) || SearchIndex.fold(names.get(2)).contains(f))
                result.add(json.apply(t));
        }
        return obj("result", result);
    }

    private static String words(String s) { return " " + SearchIndex.fold(s); }

    private static void checkPrefix(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.length() > 200)
            throw new BadRequest("prefix: the text typed so far, 1 to 200 characters");
    }

    // ---- data extension

    /** The properties a column of one type can be extended with ({@code type} may be absent: all of them). */
    JsonObject propose(String typeId, Integer limit, String lang) {
        if (typeId != null && !typeId.isBlank() && Offer.type(typeId) == null)
            throw new BadRequest("type: one of " + String.join(", ", Offer.TYPES.stream().map(Offer.Type::id).toList()));
        JsonArray props = new JsonArray();
        List<Offer.Property> ps = Offer.proposed(typeId == null || typeId.isBlank() ? null : typeId);
        for (Offer.Property p : ps.subList(0, limit == null ? ps.size() : Math.max(0, Math.min(limit, ps.size()))))
            props.add(property(p, lang));
        JsonObject o = new JsonObject();
        if (typeId != null && !typeId.isBlank()) o.put("type", typeId);
        if (limit != null) o.put("limit", limit);
        o.put("properties", props);
        return o;
    }

    private static JsonObject property(Offer.Property p, String lang) {
        JsonObject o = obj("id", p.id());
        o.put("name", p.name(lang));
        return o;
    }

    /** {"ids": […], "properties": [{"id": …, "settings": {"asOf": …}}]} to {"meta": […], "rows": {…}}. */
    JsonObject extend(String queryJson, String lang) {
        JsonObject q = parseObject(queryJson, "extend");
        if (!q.hasKey("ids") || !q.get("ids").isArray() || !q.hasKey("properties") || !q.get("properties").isArray())
            throw new BadRequest("extend: an object with \"ids\" (a list of ids) and \"properties\" (a list of {\"id\": …})");
        JsonArray ids = q.get("ids").getAsArray(), props = q.get("properties").getAsArray();
        if (ids.size() > MAX_IDS) throw new BadRequest("extend.ids: at most " + MAX_IDS + " ids, not " + ids.size());
        if (props.size() > MAX_PROPERTIES) throw new BadRequest("extend.properties: at most " + MAX_PROPERTIES);
        record Asked(Offer.Property property, String asOf) {}
        List<Asked> asked = new ArrayList<>();
        JsonArray meta = new JsonArray();
        for (JsonValue pv : props) {
            if (!pv.isObject() || !pv.getAsObject().hasKey("id"))
                throw new BadRequest("extend.properties: each property is {\"id\": …}");
            String id = string(pv.getAsObject().get("id"), "extend.properties.id");
            Offer.Property p = Offer.property(id);
            if (p == null) throw new BadRequest("extend.properties: unknown property '" + id + "'; known: "
                    + String.join(", ", Offer.PROPERTIES.stream().map(Offer.Property::id).toList()));
            String asOf = null;
            if (pv.getAsObject().hasKey("settings")) {
                JsonValue s = pv.getAsObject().get("settings");
                if (!s.isObject()) throw new BadRequest("extend.properties.settings: an object such as {\"asOf\": \"2025-06-27\"}");
                if (s.getAsObject().hasKey("asOf")) {
                    String v = string(s.getAsObject().get("asOf"), "settings.asOf").strip();
                    if (!v.isEmpty()) {
                        if (!p.asOf()) throw new BadRequest("settings.asOf: only for 'status' and 'statusDate', not '" + id + "'");
                        asOf = date(v);
                    }
                }
            }
            asked.add(new Asked(p, asOf));
            JsonObject m = obj("id", id);
            m.put("name", p.name(lang) + (asOf == null ? "" : " (" + asOf + ")"));
            if (p.kind() == Offer.Kind.ENTITY) m.put("type", typeObject(org.apache.jena.vocabulary.OWL.Thing.getURI(), "en".equals(lang) ? "thing" : "ding"));
            if (asOf != null) m.put("settings", obj("asOf", asOf));
            meta.add(m);
        }
        JsonObject rows = new JsonObject();
        for (JsonValue idv : ids) {
            String id = string(idv, "extend.ids");
            Node thing = NodeFactory.createURI(id);
            JsonObject row = new JsonObject();
            for (Asked a : asked) {
                JsonArray values = new JsonArray();
                if (isThing(id)) for (Node v : facts.values(thing, a.property(), a.asOf())) values.add(value(v, a.property(), lang));
                row.put(a.property().id(), values);
            }
            rows.put(id, row);
        }
        JsonObject out = new JsonObject();
        out.put("meta", meta);
        out.put("rows", rows);
        return out;
    }

    private JsonObject value(Node v, Offer.Property p, String lang) {
        return switch (p.kind()) {
            case ENTITY -> {
                JsonObject o = obj("id", v.getURI());
                o.put("name", Labels.label(g, v, lang));
                yield o;
            }
            // the schema's date is a dateTime; an xsd:date is that day at midnight UTC
            case DATE -> obj("date", v.getLiteralLexicalForm().substring(0, 10) + "T00:00:00Z");
            case INT -> {
                JsonObject o = new JsonObject();
                o.put("int", Integer.parseInt(v.getLiteralLexicalForm()));
                yield o;
            }
            case TEXT -> obj("str", v.getLiteralLexicalForm());
        };
    }

    /** A date as YYYY-MM-DD, checked. */
    static String date(String v) {
        try {
            return java.time.LocalDate.parse(v).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequest("asOf: a date as YYYY-MM-DD, such as 2025-06-27, not '" + v + "'");
        }
    }

    // ---- helpers

    private static JsonObject parseObject(String json, String what) {
        if (json == null || json.isBlank()) throw new BadRequest(what + ": a JSON object is required");
        JsonValue v;
        try {
            v = JSON.parseAny(json);
        } catch (JsonException | org.apache.jena.atlas.AtlasException e) {
            throw new BadRequest(what + ": not valid JSON (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            // Jena's parser fails on some truncated texts with other exceptions (a NullPointerException at the end)
            throw new BadRequest(what + ": not valid JSON (it ends too early or is cut)");
        }
        if (v == null || !v.isObject()) throw new BadRequest(what + ": must be a JSON object" + (v == null ? "" : ", not " + kind(v)));
        return v.getAsObject();
    }

    private static String kind(JsonValue v) {
        return v.isArray() ? "an array" : v.isString() ? "a string" : v.isNumber() ? "a number" : "a " + v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String string(JsonValue v, String what) {
        if (!v.isString()) throw new BadRequest(what + ": must be a string");
        return v.getAsString().value();
    }

    static JsonObject obj(String key, String value) {
        JsonObject o = new JsonObject();
        o.put(key, value);
        return o;
    }

    static JsonObject obj(String key, JsonValue value) {
        JsonObject o = new JsonObject();
        o.put(key, value);
        return o;
    }
}
