package nl.arbeidsmigratie.kg.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.load.KgInputException;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * All prepared questions of {@code queries/}, with the allowed values of their parameters (grlc's "enumerate": the
 * values the parameter variable takes when left free) and the dates on which a status can change. Both are computed
 * once, at build ({@link #build}), and stored with the release ({@link #save}, {@link #restore}).
 *
 * <p>Binding checks and types the raw request parameters and puts them into canonical form ({@link AnswerKey});
 * running substitutes them into the parsed query, never into its text.
 */
public final class QueryCatalog {
    public static final List<String> LANGS = List.of("nl", "en");
    /** The status date parameter of the questions about status ({@code ?__asOf_date}). */
    public static final String AS_OF = "asOf";
    /** A date parameter whose default is this word defaults to the day of the request. */
    public static final String TODAY = "today";
    private static final int MAX_STRING = 200;

    private final KnowledgeGraph kg;
    private final Map<String, PreparedQuery> queries;
    /** Every date on which an assessment says something, sorted: the answers about status change only there. */
    private final List<LocalDate> statusDates;

    private QueryCatalog(KnowledgeGraph kg, Map<String, PreparedQuery> queries, List<LocalDate> statusDates) {
        this.kg = kg;
        this.queries = queries;
        this.statusDates = statusDates;
    }

    /** Parses every question and computes the allowed values from the graph: the build step. */
    public static QueryCatalog build(KnowledgeGraph kg) {
        return build(kg, kg.source().queryFiles());
    }

    /** The same, with the questions of {@code files} (an older release's, as it was published). */
    public static QueryCatalog build(KnowledgeGraph kg, List<Path> files) {
        Map<String, PreparedQuery> map = new TreeMap<>();
        for (PreparedQuery q : parseAll(kg, files)) {
            List<Parameter> params = new ArrayList<>();
            for (Parameter p : q.parameters()) {
                if (p.type() != Parameter.Type.IRI) { params.add(p); continue; }
                List<Parameter.AllowedValue> allowed = allowedValues(kg, q, p);
                if (allowed.isEmpty())
                    throw new KgInputException(q.fileName() + ": parameter '" + p.name() + "' takes no value in the graph: "
                            + "its variable must occur in a triple pattern");
                if (p.defaultValue() != null && allowed.stream().noneMatch(a -> a.value().equals(p.defaultValue())))
                    throw new KgInputException(q.fileName() + ": default of '" + p.name() + "' is not an allowed value: "
                            + p.defaultValue());
                params.add(p.withAllowedValues(allowed));
            }
            map.put(q.id(), q.withParameters(params));
        }
        return new QueryCatalog(kg, map, statusDates(kg));
    }

    /** The catalogue as {@link #save} stored it: its own query texts parsed again, nothing computed. */
    public static QueryCatalog restore(KnowledgeGraph kg, JsonObject saved) {
        Map<String, PreparedQuery> map = new TreeMap<>();
        JsonObject allowed = saved.get("allowedValues").getAsObject();
        List<PreparedQuery> parsed = new ArrayList<>();
        JsonObject texts = saved.get("queries").getAsObject();
        for (String id : new java.util.TreeSet<>(texts.keys())) {
            JsonObject t = texts.get(id).getAsObject();
            parsed.add(PreparedQuery.parse(id, t.get("text").getAsString().value(), t.get("file").getAsString().value()));
        }
        for (PreparedQuery q : parsed) {
            JsonObject forQuery = allowed.hasKey(q.id()) ? allowed.get(q.id()).getAsObject() : new JsonObject();
            List<Parameter> params = new ArrayList<>();
            for (Parameter p : q.parameters()) {
                if (!forQuery.hasKey(p.name())) { params.add(p); continue; }
                List<Parameter.AllowedValue> values = new ArrayList<>();
                for (JsonValue v : forQuery.get(p.name()).getAsArray()) {
                    JsonArray a = v.getAsArray();
                    values.add(new Parameter.AllowedValue(a.get(0).getAsString().value(), a.get(1).getAsString().value(),
                            a.get(2).getAsString().value()));
                }
                params.add(p.withAllowedValues(values));
            }
            map.put(q.id(), q.withParameters(params));
        }
        List<LocalDate> dates = new ArrayList<>();
        for (JsonValue d : saved.get("statusDates").getAsArray()) dates.add(LocalDate.parse(d.getAsString().value()));
        return new QueryCatalog(kg, map, List.copyOf(dates));
    }

    /** What {@link #restore} needs: the query texts, the allowed values and the status dates. */
    public JsonObject save() {
        JsonObject allowed = new JsonObject();
        JsonObject texts = new JsonObject();
        for (PreparedQuery q : queries.values()) {
            JsonObject t = new JsonObject();
            t.put("file", q.fileName());
            t.put("text", q.text());
            texts.put(q.id(), t);
            JsonObject forQuery = new JsonObject();
            for (Parameter p : q.parameters()) {
                if (p.allowedValues().isEmpty()) continue;
                JsonArray values = new JsonArray();
                for (Parameter.AllowedValue a : p.allowedValues()) {
                    JsonArray v = new JsonArray();
                    v.add(a.value());
                    v.add(a.labelNl());
                    v.add(a.labelEn());
                    values.add(v);
                }
                forQuery.put(p.name(), values);
            }
            allowed.put(q.id(), forQuery);
        }
        JsonArray dates = new JsonArray();
        statusDates.forEach(d -> dates.add(d.toString()));
        JsonObject o = new JsonObject();
        o.put("queries", texts);
        o.put("allowedValues", allowed);
        o.put("statusDates", dates);
        return o;
    }

    private static List<PreparedQuery> parseAll(KnowledgeGraph kg, List<Path> files) {
        List<PreparedQuery> out = new ArrayList<>();
        for (Path file : files) {
            String id = file.getFileName().toString().replaceFirst("\\.rq$", "");
            out.add(PreparedQuery.parse(id, read(file), kg.source().display(file)));
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distinct values the parameter's variable takes in the query pattern when it is left free. */
    private static List<Parameter.AllowedValue> allowedValues(KnowledgeGraph kg, PreparedQuery pq, Parameter p) {
        Query q = new Query();
        q.setPrefixMapping(pq.query().getPrefixMapping());
        q.setQuerySelectType();
        q.setQueryPattern(pq.query().getQueryPattern());
        q.addResultVar(p.variable());
        q.setDistinct(true);
        Map<Var, Node> fixed = new LinkedHashMap<>();
        fixed.put(Var.alloc(PreparedQuery.LANG_VARIABLE), NodeFactory.createLiteralString("nl"));
        // Other parameters stay free, except dates, which take their widest value.
        for (Parameter other : pq.parameters())
            if (other.type() == Parameter.Type.DATE)
                fixed.put(other.variable(), NodeFactory.createLiteralDT("9999-12-31", XSDDatatype.XSDdate));
        q = QueryTransformOps.replaceVars(q, fixed);
        List<Parameter.AllowedValue> values = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(kg.dataset()).query(q).build()) {
            exec.select().forEachRemaining(b -> {
                Node n = b.get(p.variable());
                if (n != null && n.isURI()) values.add(new Parameter.AllowedValue(n.getURI(),
                        Labels.label(kg.all(), n, "nl"), Labels.label(kg.all(), n, "en")));
            });
        }
        values.sort((a, b) -> {
            int c = a.label("nl").compareToIgnoreCase(b.label("nl"));
            return c != 0 ? c : a.value().compareTo(b.value());
        });
        return values;
    }

    private static List<LocalDate> statusDates(KnowledgeGraph kg) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        kg.all().find(Node.ANY, AM.asOf, Node.ANY).forEachRemaining(t -> {
            Node d = t.getObject();
            if (d.isLiteral() && XSDDatatype.XSDdate.getURI().equals(d.getLiteralDatatypeURI())) {
                try {
                    dates.add(LocalDate.parse(d.getLiteralLexicalForm()));
                } catch (DateTimeParseException e) {
                    // not a plain date (a time zone): it cannot be a break point
                }
            }
        });
        return List.copyOf(dates);
    }

    public Collection<PreparedQuery> all() { return queries.values(); }
    public PreparedQuery get(String id) { return queries.get(id); }
    public String dataVersion() { return kg.dataVersion(); }
    public List<LocalDate> statusDates() { return statusDates; }

    /**
     * The date whose answer every status question gives for {@code d}: the latest status date on or before it (the
     * queries compare their {@code asOf} only as {@code ?date <= ?asOf}), or the day before the first one.
     */
    public LocalDate normaliseAsOf(LocalDate d) {
        if (statusDates.isEmpty()) return d;
        LocalDate best = null;
        for (LocalDate s : statusDates) if (!s.isAfter(d)) best = s;
        return best != null ? best : statusDates.get(0).minusDays(1);
    }

    public BoundQuery bind(PreparedQuery q, Map<String, String> raw, String lang, Collection<String> reserved) {
        return bind(q, raw, lang, reserved, Today.date());
    }

    /**
     * Checks, types and normalises the raw request parameters. Unknown names, missing required values, ill-typed
     * or not-allowed values throw {@link ParameterException}. {@code reserved} names (lang, format…) are skipped.
     * Names are matched exactly; {@code lang} is case-folded.
     */
    public BoundQuery bind(PreparedQuery q, Map<String, String> raw, String lang, Collection<String> reserved,
                           LocalDate today) {
        String l = lang == null ? "nl" : lang.strip().toLowerCase(Locale.ROOT);
        if (!LANGS.contains(l))
            throw new ParameterException("lang", "lang must be one of " + LANGS + ", not '" + lang + "'", LANGS);
        for (String name : raw.keySet()) {
            if (reserved.contains(name)) continue;
            if (q.parameter(name) == null)
                throw new ParameterException(name, "unknown parameter '" + name + "' for query '" + q.id()
                        + "'", q.parameters().stream().map(Parameter::name).toList());
        }
        Map<Var, Node> bindings = new LinkedHashMap<>();
        TreeMap<String, String> canonical = new TreeMap<>();
        bindings.put(Var.alloc(PreparedQuery.LANG_VARIABLE), NodeFactory.createLiteralString(l));
        for (Parameter p : q.parameters()) {
            String value = raw.get(p.name());
            if (value == null || value.isEmpty()) value = p.defaultValue();
            // A date parameter whose default is the word "today" (asOf) means the day of the request.
            if (p.type() == Parameter.Type.DATE && TODAY.equals(value)) value = today.toString();
            if (value == null) {
                if (p.required())
                    throw new ParameterException(p.name(), "parameter '" + p.name() + "' is required", allowed(p));
                continue;
            }
            Node node = typed(p, value);
            bindings.put(p.variable(), node);
            canonical.put(p.name(), node.isURI() ? node.getURI() : node.getLiteralLexicalForm());
        }
        return new BoundQuery(q, new AnswerKey(q.id(), l, canonical), bindings);
    }

    private static List<String> allowed(Parameter p) {
        return p.allowedValues().stream().map(Parameter.AllowedValue::value).toList();
    }

    private Node typed(Parameter p, String value) {
        switch (p.type()) {
            case IRI -> {
                String iri = value.contains(":") ? value : KG.ID + value;
                if (!isAbsoluteIri(iri))
                    throw new ParameterException(p.name(), "'" + p.name() + "' must be an IRI, not '" + value + "'",
                            allowed(p));
                if (!p.isAllowed(iri))
                    throw new ParameterException(p.name(), "'" + value + "' is not an allowed value of '" + p.name()
                            + "'", allowed(p));
                return NodeFactory.createURI(iri);
            }
            case INTEGER -> {
                try {
                    return NodeFactory.createLiteralDT(Long.toString(Long.parseLong(value.strip())), XSDDatatype.XSDinteger);
                } catch (NumberFormatException e) {
                    throw new ParameterException(p.name(), "'" + p.name() + "' must be an integer", List.of());
                }
            }
            case DATE -> {
                LocalDate d;
                try {
                    d = LocalDate.parse(value.strip());
                } catch (DateTimeParseException e) {
                    throw new ParameterException(p.name(), "'" + p.name() + "' must be a date YYYY-MM-DD", List.of());
                }
                if (AS_OF.equals(p.name())) d = normaliseAsOf(d);
                return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
            }
            default -> {
                if (value.length() > MAX_STRING)
                    throw new ParameterException(p.name(), "'" + p.name() + "' is longer than " + MAX_STRING
                            + " characters", List.of());
                if (!p.isAllowed(value))
                    throw new ParameterException(p.name(), "'" + value + "' is not an allowed value of '"
                            + p.name() + "'", allowed(p));
                return NodeFactory.createLiteralString(value);
            }
        }
    }

    private static boolean isAbsoluteIri(String s) {
        try {
            return IRIx.create(s).isAbsolute() && !s.contains(" ");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Every question whose parameters all come from closed sets, in every language: each enumerated value (and
     * "not given" where optional), the default status date and the dates of the query's named views. Questions with
     * a required free-text parameter are left out: they run live.
     */
    public List<BoundQuery> closedQuestions() {
        // The default date ("today") is read when a question is asked and reduced to the status date in force then.
        // Precomputed: the status date in force on the release date (what "today" reduces to until the next dated
        // statement), and every later one (dates fixed in advance, e.g. an entry into force), so that a default
        // answer is precomputed on every day. The release date, not the build's clock: same sources, same bytes.
        LocalDate released;
        try {
            released = LocalDate.parse(kg.buildInfo().releaseDate());
        } catch (java.time.format.DateTimeParseException e) {
            released = LocalDate.MAX; // run from classes without a build stamp: the latest status date only
        }
        List<LocalDate> defaults = new ArrayList<>();
        for (LocalDate d : statusDates) {
            if (!d.isAfter(released)) { if (defaults.isEmpty()) defaults.add(d); else defaults.set(0, d); }
            else defaults.add(d);
        }
        if (defaults.isEmpty()) defaults.add(LocalDate.of(9999, 12, 31));
        List<BoundQuery> out = new ArrayList<>();
        for (PreparedQuery q : queries.values()) {
            List<Map<String, String>> combos = new ArrayList<>();
            combos.add(new TreeMap<>());
            boolean closed = true;
            for (Parameter p : q.parameters()) {
                List<String> choices = new ArrayList<>();
                if (!p.required() || p.defaultValue() != null) choices.add(null);
                p.allowedValues().forEach(a -> choices.add(a.value()));
                if (p.type() == Parameter.Type.DATE)
                    for (Map<String, String> view : q.views()) if (view.containsKey(p.name())) choices.add(view.get(p.name()));
                if (choices.isEmpty()) { closed = false; break; }
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> c : combos) {
                    for (String v : choices) {
                        Map<String, String> m = new TreeMap<>(c);
                        if (v != null) m.put(p.name(), v);
                        next.add(m);
                    }
                }
                combos = next;
            }
            if (!closed) continue;
            boolean dated = q.parameters().stream().anyMatch(p -> p.type() == Parameter.Type.DATE);
            for (LocalDate today : dated ? defaults : defaults.subList(0, 1))
                for (String lang : LANGS)
                    for (Map<String, String> c : combos) out.add(bind(q, c, lang, List.of(), today));
        }
        return out;
    }

    /** Runs the bound question; {@code timeoutMillis} ≤ 0 means no limit (the build). */
    public RowSetRewindable run(BoundQuery b, long timeoutMillis) {
        return run(b, timeoutMillis, exec -> { });
    }

    /** The same, telling {@code started} the execution before it runs (so that it can be aborted). */
    public RowSetRewindable run(BoundQuery b, long timeoutMillis, java.util.function.Consumer<QueryExec> started) {
        Query bound = QueryTransformOps.replaceVars(b.query().query(), b.bindings());
        QueryExecDatasetBuilder builder = QueryExecDatasetBuilder.create().dataset(kg.dataset()).query(bound);
        if (timeoutMillis > 0) builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        if (kg.onDisk()) return Txn.calculateRead(kg.dataset(), () -> select(builder, started));
        return select(builder, started);
    }

    private static RowSetRewindable select(QueryExecDatasetBuilder builder, java.util.function.Consumer<QueryExec> started) {
        try (QueryExec exec = builder.build()) {
            started.accept(exec);
            return exec.select().rewindable();
        }
    }

    /** The same questions and allowed values over another copy of the graph (a store on disk). */
    public QueryCatalog on(KnowledgeGraph other) {
        return new QueryCatalog(other, queries, statusDates);
    }
}
