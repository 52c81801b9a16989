package nl.arbeidsmigratie.kg.bench;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.mem.GraphMem;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.resultio.sparqljson.SPARQLResultsJSONWriter;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.memory.MemoryStore;

import nl.arbeidsmigratie.kg.query.Answers;
import nl.arbeidsmigratie.kg.query.ResultFormat;
import nl.arbeidsmigratie.kg.query.WorkLimiter;
import nl.arbeidsmigratie.kg.release.Release;
import nl.arbeidsmigratie.kg.source.KgSource;

/**
 * The engines compared in-process, each holding the same triples (the release's default graph: asserted plus
 * inferred) and answering with SPARQL 1.1 Results JSON written to a stream, so every engine does the same work:
 * plan, evaluate, serialise.
 * <ul>
 * <li>{@code ours}: what {@code serve} answers a prepared question with: bind the parameters, look the answer up
 * (precomputed at build, or computed once and cached), send its JSON bytes. For ad-hoc SPARQL, see next.</li>
 * <li>{@code ours-arq}: ARQ on the dataset {@code serve} loads ({@code KnowledgeGraph.dataset()}, a read-only
 * {@code DatasetGraphFactory.create()} over a {@code GraphMem2Fast} default graph): what {@code /kg/sparql} and every
 * live question run, with results written as {@code /kg/sparql} writes them (Jena's JSON writer, in a query worker).</li>
 * <li>{@code jena-txnmem}: {@code DatasetGraphFactory.createTxnMem()} (what plain Fuseki's {@code --file} uses);</li>
 * <li>{@code jena-graphmem2}, {@code jena-roaring}, {@code jena-graphmem-legacy}: Jena's other in-memory graphs
 * ({@code GraphMem2Fast}, {@code GraphMem2Roaring}, the pre-5.0 {@code GraphMem});</li>
 * <li>{@code rdf4j}: RDF4J 5.1.6 {@code MemoryStore} behind a {@code SailRepository}.</li>
 * </ul>
 */
public final class Engines {
    /** What the suite runs; {@code jena-graphmem2} is left out: it is the store under {@code ours-arq}. */
    public static final List<String> ALL = List.of("ours", "ours-arq", "jena-txnmem", "jena-roaring",
            "jena-graphmem-legacy", "rdf4j");

    /** One engine: runs an item, writes its JSON results to {@code out}, returns the number of rows. */
    public interface Engine {
        long run(Workload.Item item, OutputStream out);
    }

    private static final Map<String, Engine> CACHE = new ConcurrentHashMap<>();
    private static volatile Release release;

    private Engines() {}

    public static Release release() {
        Release r = release;
        if (r == null) {
            synchronized (Engines.class) {
                if (release == null) release = Release.load(KgSource.bundled());
                r = release;
            }
        }
        return r;
    }

    public static Engine get(String name) {
        return CACHE.computeIfAbsent(name, Engines::create);
    }

    private static Engine create(String name) {
        Release r = release();
        Graph all = r.kg().all();
        return switch (name) {
            case "ours" -> answers(r);
            case "ours-arq" -> arq(r.kg().dataset(), false);
            case "jena-txnmem" -> {
                DatasetGraph d = DatasetGraphFactory.createTxnMem();
                Txn.executeWrite(d, () -> all.find().forEachRemaining(t -> d.getDefaultGraph().add(t)));
                yield arq(d, true);
            }
            case "jena-graphmem2" -> arq(DatasetGraphFactory.wrap(copy(all, new GraphMem2Fast())), false);
            case "jena-roaring" -> arq(DatasetGraphFactory.wrap(copy(all, new GraphMem2Roaring())), false);
            case "jena-graphmem-legacy" -> arq(DatasetGraphFactory.wrap(copy(all, legacy())), false);
            case "rdf4j" -> rdf4j(all);
            default -> throw new IllegalArgumentException("unknown engine '" + name + "'; known: " + ALL);
        };
    }

    @SuppressWarnings("deprecation")
    private static Graph legacy() { return new GraphMem(); }

    static Graph copy(Graph from, Graph to) {
        from.find().forEachRemaining(to::add);
        return to;
    }

    /** The product's answer path: the cache of {@code serve}, with its precomputed answers. */
    private static Engine answers(Release r) {
        Answers answers = new Answers(r.catalog(), r.answers(), new WorkLimiter(4), 30_000,
                Answers.MAX_LIVE_ENTRIES, Answers.MAX_LIVE_BYTES);
        return (item, out) -> {
            if (item.kind() != Workload.Kind.PREPARED) return arq(r.kg().dataset(), false).run(item, out);
            // Bind from the raw parameters again, as a request does, then look up.
            var b = r.catalog().bind(item.bound().query(), rawParams(item), "en", List.of());
            var answer = answers.answer(b);
            try {
                out.write(answer.body(ResultFormat.JSON));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return answer.table().rows().size();
        };
    }

    private static Map<String, String> rawParams(Workload.Item item) {
        return item.bound().key().params();
    }

    /** ARQ, results written by Jena's JSON writer (as a query worker of {@code /kg/sparql} writes them too). */
    static Engine arq(DatasetGraph dsg, boolean txn) {
        return (item, out) -> {
            var query = QueryFactory.create(item.sparql());
            if (txn) return Txn.calculateRead(dsg, () -> execute(dsg, query, out));
            return execute(dsg, query, out);
        };
    }

    private static long execute(DatasetGraph dsg, org.apache.jena.query.Query query, OutputStream out) {
        try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
            RowSet rows = exec.select();
            long[] n = new long[1];
            RowSet counted = new CountingRowSet(rows, n);
            ResultsWriter.create().lang(ResultSetLang.RS_JSON).build().write(out, counted);
            return n[0];
        }
    }

    private static Engine rdf4j(Graph all) {
        SailRepository repo = new SailRepository(new MemoryStore());
        repo.init();
        ValueFactory vf = repo.getValueFactory();
        try (RepositoryConnection c = repo.getConnection()) {
            c.begin();
            List<org.eclipse.rdf4j.model.Statement> batch = new ArrayList<>();
            all.find().forEachRemaining(t -> batch.add(vf.createStatement((IRI) value(vf, t.getSubject()),
                    (IRI) value(vf, t.getPredicate()), value(vf, t.getObject()))));
            c.add(batch);
            c.commit();
        }
        return (item, out) -> {
            try (RepositoryConnection c = repo.getConnection()) {
                TupleQuery q = c.prepareTupleQuery(QueryLanguage.SPARQL, item.sparql());
                long[] n = new long[1];
                q.evaluate(new SPARQLResultsJSONWriter(out) {
                    @Override public void handleSolution(org.eclipse.rdf4j.query.BindingSet bs) {
                        n[0]++;
                        super.handleSolution(bs);
                    }
                });
                return n[0];
            }
        };
    }

    static Value value(ValueFactory vf, Node n) {
        if (n.isURI()) return vf.createIRI(n.getURI());
        if (n.isBlank()) return vf.createBNode(n.getBlankNodeLabel());
        String lang = n.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) return vf.createLiteral(n.getLiteralLexicalForm(), lang);
        return vf.createLiteral(n.getLiteralLexicalForm(), vf.createIRI(n.getLiteralDatatypeURI()));
    }

    /** Passes rows through and counts them. */
    static final class CountingRowSet implements RowSet {
        private final RowSet rows;
        private final long[] n;
        CountingRowSet(RowSet rows, long[] n) { this.rows = rows; this.n = n; }
        @Override public List<org.apache.jena.sparql.core.Var> getResultVars() { return rows.getResultVars(); }
        @Override public boolean hasNext() { return rows.hasNext(); }
        @Override public org.apache.jena.sparql.engine.binding.Binding next() { n[0]++; return rows.next(); }
        @Override public long getRowNumber() { return rows.getRowNumber(); }
        @Override public void close() { rows.close(); }
    }
}
