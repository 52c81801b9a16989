package nl.arbeidsmigratie.kg.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.vocabulary.RDFS;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.load.KgInputException;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * All prepared questions of {@code queries/}, with the allowed values of their parameters computed once from the
 * graph (grlc's "enumerate": the values the parameter variable takes when left free). Runs a question with
 * parameters bound into the parsed query, never spliced into its text.
 */
public final class QueryCatalog {
    public static final List<String> LANGS = List.of("nl", "en");
    private static final int MAX_STRING = 200;
    /** The default of a date parameter that stands for the current date. */
    public static final String TODAY = "today";

    private final KnowledgeGraph kg;
    private final Map<String, PreparedQuery> queries;

    private QueryCatalog(KnowledgeGraph kg, Map<String, PreparedQuery> queries) {
        this.kg = kg;
        this.queries = queries;
    }

    public static QueryCatalog load(KnowledgeGraph kg) {
        Map<String, PreparedQuery> map = new TreeMap<>();
        for (Path file : kg.source().queryFiles()) {
            String name = kg.source().display(file);
            String id = file.getFileName().toString().replaceFirst("\\.rq$", "");
            PreparedQuery q = PreparedQuery.parse(id, read(file), name);
            List<Parameter> params = new ArrayList<>();
            for (Parameter p : q.parameters()) {
                if (p.type() != Parameter.Type.IRI) { params.add(p); continue; }
                List<Parameter.AllowedValue> allowed = allowedValues(kg, q, p);
                if (allowed.isEmpty())
                    throw new KgInputException(name + ": parameter '" + p.name() + "' takes no value in the graph: "
                            + "its variable must occur in a triple pattern");
                if (p.defaultValue() != null && allowed.stream().noneMatch(a -> a.value().equals(p.defaultValue())))
                    throw new KgInputException(name + ": default of '" + p.name() + "' is not an allowed value: "
                            + p.defaultValue());
                params.add(p.withAllowedValues(allowed));
            }
            map.put(id, q.withParameters(params));
        }
        return new QueryCatalog(kg, map);
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
        q = QueryTransformOps.replaceVars(q, Map.of(Var.alloc(PreparedQuery.LANG_VARIABLE),
                NodeFactory.createLiteralString("nl")));
        List<Parameter.AllowedValue> values = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(kg.dataset()).query(q).build()) {
            exec.select().forEachRemaining(b -> {
                Node n = b.get(p.variable());
                if (n != null && n.isURI()) values.add(new Parameter.AllowedValue(n.getURI(),
                        label(kg.all(), n, "nl"), label(kg.all(), n, "en")));
            });
        }
        values.sort((a, b) -> a.label("nl").compareToIgnoreCase(b.label("nl")));
        return values;
    }

    public static String label(Graph g, Node n, String lang) {
        var it = g.find(n, RDFS.label.asNode(), Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral() && lang.equals(o.getLiteralLanguage())) return o.getLiteralLexicalForm();
            }
        } finally {
            it.close();
        }
        return null;
    }

    public Collection<PreparedQuery> all() { return queries.values(); }
    public PreparedQuery get(String id) { return queries.get(id); }
    public KnowledgeGraph graph() { return kg; }

    /**
     * Checks and types the raw request parameters. Unknown names, missing required values, ill-typed or
     * not-allowed values throw {@link ParameterException}. {@code reserved} names (lang, format…) are skipped.
     */
    public Map<Var, Node> bind(PreparedQuery q, Map<String, String> raw, String lang, Collection<String> reserved) {
        if (!LANGS.contains(lang))
            throw new ParameterException("lang", "lang must be one of " + LANGS + ", not '" + lang + "'", LANGS);
        for (String name : raw.keySet()) {
            if (reserved.contains(name)) continue;
            if (q.parameter(name) == null)
                throw new ParameterException(name, "unknown parameter '" + name + "' for query '" + q.id()
                        + "'", q.parameters().stream().map(Parameter::name).toList());
        }
        Map<Var, Node> bindings = new LinkedHashMap<>();
        bindings.put(Var.alloc(PreparedQuery.LANG_VARIABLE), NodeFactory.createLiteralString(lang));
        for (Parameter p : q.parameters()) {
            String value = raw.get(p.name());
            if (value == null || value.isEmpty()) value = p.defaultValue();
            // A date parameter whose default is the word "today" (asOf) means the day of the request.
            if (p.type() == Parameter.Type.DATE && TODAY.equals(value)) value = LocalDate.now().toString();
            if (value == null) {
                if (p.required())
                    throw new ParameterException(p.name(), "parameter '" + p.name() + "' is required", allowed(p));
                continue;
            }
            bindings.put(p.variable(), typed(p, value));
        }
        return bindings;
    }

    private static List<String> allowed(Parameter p) {
        return p.allowedValues().stream().map(Parameter.AllowedValue::value).toList();
    }

    private static Node typed(Parameter p, String value) {
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
                    return NodeFactory.createLiteralDT(Long.toString(Long.parseLong(value)), XSDDatatype.XSDinteger);
                } catch (NumberFormatException e) {
                    throw new ParameterException(p.name(), "'" + p.name() + "' must be an integer", List.of());
                }
            }
            case DATE -> {
                try {
                    return NodeFactory.createLiteralDT(LocalDate.parse(value).toString(), XSDDatatype.XSDdate);
                } catch (DateTimeParseException e) {
                    throw new ParameterException(p.name(), "'" + p.name() + "' must be a date YYYY-MM-DD", List.of());
                }
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
            return org.apache.jena.irix.IRIx.create(s).isAbsolute() && !s.contains(" ");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Runs the question with the given bindings substituted into the parsed query. */
    public RowSetRewindable run(PreparedQuery q, Map<Var, Node> bindings, long timeoutMillis) {
        Query bound = QueryTransformOps.replaceVars(q.query(), bindings);
        try (QueryExec exec = QueryExec.dataset(kg.dataset()).query(bound)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
            RowSet rows = exec.select();
            return rows.rewindable();
        }
    }

    /** Result formats of the prepared-question API and the CLI. */
    public enum Format {
        JSON("application/sparql-results+json", ResultSetLang.RS_JSON),
        CSV("text/csv", ResultSetLang.RS_CSV),
        TSV("text/tab-separated-values", ResultSetLang.RS_TSV),
        XML("application/sparql-results+xml", ResultSetLang.RS_XML);

        public final String mediaType;
        private final org.apache.jena.riot.Lang lang;

        Format(String mediaType, org.apache.jena.riot.Lang lang) {
            this.mediaType = mediaType;
            this.lang = lang;
        }

        public static Format of(String name) {
            for (Format f : values()) if (f.name().equalsIgnoreCase(name)) return f;
            return null;
        }
    }

    public static byte[] render(RowSetRewindable rows, Format format) {
        rows.reset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsWriter.create().lang(format.lang).build().write(out, rows);
        rows.reset();
        return out.toByteArray();
    }

    /** Column → value maps of all rows (IRIs and literals as their plain string), for tests and the web page. */
    public static List<Map<String, String>> table(RowSetRewindable rows) {
        rows.reset();
        List<Map<String, String>> table = new ArrayList<>();
        rows.forEachRemaining(b -> {
            Map<String, String> row = new HashMap<>();
            b.vars().forEachRemaining(v -> {
                Node n = b.get(v);
                row.put(v.getVarName(), n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
            });
            table.add(row);
        });
        rows.reset();
        return table;
    }
}
