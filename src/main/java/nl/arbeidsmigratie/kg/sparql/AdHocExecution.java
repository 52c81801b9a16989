package nl.arbeidsmigratie.kg.sparql;

import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriterRegistry;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultsWriter;

import nl.arbeidsmigratie.kg.http.Negotiation.Offer;
import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Reply;
import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Request;

/**
 * One ad-hoc query as a worker runs it: plain Jena ARQ from parse to bytes, with our checks only at the edges.
 * <ol>
 * <li>parse as plain Fuseki does (ARQ syntax, Fuseki's base IRI), then refuse SERVICE and {@code java:} functions
 * ({@link QueryChecks}) and JSON queries;</li>
 * <li>choose the format ({@link EndpointFormats});</li>
 * <li>the dataset as Fuseki decides it: the protocol's {@code default-graph-uri}/{@code named-graph-uri}, else the
 * query's FROM/FROM NAMED, as a dynamic dataset;</li>
 * <li>the row cap, set on this parse of the query (never a copy: Jena 5.6.0's {@code Query.cloneQuery()} turns every
 * HAVING condition into a copy of the first): SELECT asks for one row past the cap, and the answer is cut at the cap
 * as it is written, saying so; CONSTRUCT and DESCRIBE stop at the cap in solutions, and a second parse of the text,
 * as SELECT, one row past the cap, tells whether solutions were left out;</li>
 * <li>Jena's own execution (its timeout too) and Jena's own writers, into at most {@link Limits#MAX_RESULT_BYTES}
 * bytes, with at most {@link Limits#MAX_TRIPLES} triples in a graph.</li>
 * </ol>
 * Every way it can fail becomes a short reply without Java names. Nothing here bounds time or memory: the worker
 * process does, by being ended.
 */
final class AdHocExecution {
    /** The base IRI plain Fuseki parses queries with. */
    static final String BASE = nl.arbeidsmigratie.kg.vocab.KG.FUSEKI_QUERY_BASE;

    private AdHocExecution() {}

    /** The reply to {@code r} on {@code dataset}; never throws but for errors of the JVM itself. */
    static Reply answer(Request r, DatasetGraph dataset) {
        long start = System.nanoTime();
        try {
            Query query = QueryFactory.create(r.query(), BASE, Syntax.syntaxARQ);
            String refusal = query.isJsonType() ? "JSON queries are not offered here; use SELECT" : QueryChecks.refusal(query);
            if (refusal != null) return Reply.error(r.id(), 400, refusal);
            Offer<Lang> format = EndpointFormats.choose(query, r.formatParameter(), r.accept());
            DatasetGraph dsg = datasetFor(query, r, dataset);
            long left = r.timeoutMillis() - (System.nanoTime() - start) / 1_000_000;
            if (left <= 0) throw new QueryCancelledException();
            Run run = new Run(r, dsg, left, format);
            if (query.isSelectType()) return run.select(query);
            if (query.isAskType()) return run.ask(query);
            return run.graph(query);
        } catch (QueryParseException e) {
            return Reply.error(r.id(), 400, SPARQLProtocol.messageForParseException(e));
        } catch (EndpointFormats.Refused e) {
            return Reply.error(r.id(), e.status, e.getMessage());
        } catch (RuntimeException e) {
            return failure(r, e);
        } catch (StackOverflowError e) {
            return Reply.error(r.id(), 400, "the query nests too deeply for this endpoint");
        }
    }

    /** Fuseki's rule: the protocol's graphs, else the query's; the query's own then cleared, so they apply once. */
    private static DatasetGraph datasetFor(Query query, Request r, DatasetGraph dataset) {
        DatasetDescription d = null;
        if (!r.defaultGraphs().isEmpty() || !r.namedGraphs().isEmpty())
            d = DatasetDescription.create(r.defaultGraphs(), r.namedGraphs());
        else if (query.hasDatasetDescription())
            d = query.getDatasetDescription();
        if (d == null) return dataset;
        query.getGraphURIs().clear();
        query.getNamedGraphURIs().clear();
        return DynamicDatasets.dynamicDataset(d, dataset, false);
    }

    private static Reply failure(Request r, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitExceeded l) return Reply.error(r.id(), l.status(), l.getMessage());
            if (t instanceof QueryCancelledException)
                return Reply.error(r.id(), 503, "the query took longer than " + seconds(r.limitMillis())
                        + " s, the time limit of this endpoint");
        }
        if (e instanceof Evaluation ev) return Reply.error(r.id(), 400, "the query could not be evaluated: " + plain(ev.getCause()));
        return Reply.error(r.id(), 400, "the query could not be evaluated: " + plain(e));
    }

    /** A message without Java class names: what the error says, or its kind in words. */
    static String plain(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank() || m.matches("(?s).*\\b[a-z]+\\.[a-z]+(\\.[a-z]+)*\\.[A-Z]\\w+.*"))
            return t instanceof ArithmeticException ? "a number is out of range" : "an expression or pattern failed";
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }

    /** An error raised while the answer was computed, not while it was written. */
    private static final class Evaluation extends RuntimeException {
        private static final long serialVersionUID = 1L;
        Evaluation(RuntimeException cause) { super(cause.getMessage(), cause, false, false); }
    }

    /** One query's execution: its dataset, time and format. */
    private record Run(Request r, DatasetGraph dsg, long timeoutMillis, Offer<Lang> format) {
        QueryExec exec(Query q) {
            QueryExecDatasetBuilder b = QueryExec.newBuilder().dataset(dsg).query(q);
            if (r.initialTimeoutMillis() >= 0) b.initialTimeout(Math.min(r.initialTimeoutMillis(), timeoutMillis), TimeUnit.MILLISECONDS);
            return b.overallTimeout(timeoutMillis, TimeUnit.MILLISECONDS).build();
        }

        boolean capped(Query q) {
            return !q.isAskType() && (!q.hasLimit() || q.getLimit() > r.maxRows());
        }

        Reply select(Query q) {
            if (capped(q)) q.setLimit(r.maxRows() + 1);
            Bytes out = new Bytes();
            try (QueryExec exec = exec(q)) {
                CappedRows rows = new CappedRows(exec.select(), r.maxRows());
                ResultsWriter.create().lang(format.value()).build().write(out, rows);
                return Reply.ok(r.id(), EndpointFormats.contentType(format), rows.cut, out.toByteArray());
            }
        }

        Reply ask(Query q) {
            boolean answer;
            try (QueryExec exec = exec(q)) {
                answer = evaluate(exec::ask);
            }
            Bytes out = new Bytes();
            ResultsWriter.create().lang(format.value()).build().write(out, answer);
            return Reply.ok(r.id(), EndpointFormats.contentType(format), false, out.toByteArray());
        }

        Reply graph(Query q) {
            boolean capped = capped(q);
            if (capped) q.setLimit(r.maxRows());
            Lang lang = format.value();
            boolean quads = RDFLanguages.isQuads(lang);
            DatasetGraph ds = DatasetGraphFactory.create();
            Graph g = GraphFactory.createDefaultGraph();
            try (QueryExec exec = exec(q)) {
                long n = 0;
                Iterator<?> it = evaluate(() -> q.isDescribeType() ? exec.describeTriples()
                        : quads ? exec.constructQuads() : exec.constructTriples());
                while (evaluate(it::hasNext)) {
                    Object next = evaluate(it::next);
                    if (++n > Limits.MAX_TRIPLES)
                        throw new LimitExceeded("the answer would have more than " + Limits.MAX_TRIPLES
                                + " triples, the limit of this endpoint; add a LIMIT or narrow the pattern");
                    if (next instanceof Quad quad) ds.add(quad); else if (quads) ds.getDefaultGraph().add((Triple) next); else g.add((Triple) next);
                }
            }
            // As Jena's own construct() does: the answer carries the query's prefixes.
            g.getPrefixMapping().setNsPrefixes(q.getPrefixMapping());
            ds.prefixes().putAll(q.getPrefixMapping());
            boolean cut = capped && moreSolutions();
            Bytes out = new Bytes();
            RDFFormat f = lang == Lang.RDFXML ? RDFFormat.RDFXML_PLAIN : RDFWriterRegistry.defaultSerialization(lang);
            try {
                if (quads) RDFDataMgr.write(out, ds, f); else RDFDataMgr.write(out, g, f);
            } catch (LimitExceeded e) {
                throw e;
            } catch (RuntimeException e) {
                if (e.getCause() instanceof LimitExceeded l) throw l;
                throw new EndpointFormats.Refused(406, "this answer cannot be written as " + format.mediaType()
                        + "; ask for text/turtle or application/n-triples");
            }
            return Reply.ok(r.id(), EndpointFormats.contentType(format), cut, out.toByteArray());
        }

        /** A second parse of the text, as SELECT past the cap: does a solution beyond it exist? */
        private boolean moreSolutions() {
            Query p = QueryFactory.create(r.query(), BASE, Syntax.syntaxARQ);
            // The dataset is already decided (dsg): the text's FROM must not apply twice.
            p.getGraphURIs().clear();
            p.getNamedGraphURIs().clear();
            p.setQuerySelectType();
            // SELECT * is not allowed with GROUP BY: there the grouping variables are the row.
            p.setQueryResultStar(!p.hasGroupBy());
            if (p.hasGroupBy())
                for (Var v : p.getGroupBy().getVars()) if (!p.getProjectVars().contains(v)) p.addResultVar(v);
            p.setOffset((p.hasOffset() ? p.getOffset() : 0) + r.maxRows());
            p.setLimit(1);
            try (QueryExec exec = exec(p)) {
                return evaluate(() -> exec.select().hasNext());
            }
        }
    }

    private static <T> T evaluate(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (QueryCancelledException | LimitExceeded e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Evaluation(e);
        }
    }

    /**
     * The rows as Jena computes them, at most {@code max}: asked for more, it looks for one row past the cap and
     * remembers whether there was one. Errors of evaluation are told apart from errors of writing.
     */
    private static final class CappedRows implements RowSet {
        private final RowSet rows;
        private final long max;
        private long n;
        boolean cut;

        CappedRows(RowSet rows, long max) {
            this.rows = rows;
            this.max = max;
        }

        @Override public boolean hasNext() {
            if (n >= max) {
                if (!cut) cut = evaluate(rows::hasNext);
                return false;
            }
            return evaluate(rows::hasNext);
        }

        @Override public Binding next() {
            n++;
            return evaluate(rows::next);
        }

        @Override public List<Var> getResultVars() { return rows.getResultVars(); }
        @Override public long getRowNumber() { return n; }
        @Override public void close() { rows.close(); }
    }

    /** The answer's bytes, at most {@link Limits#MAX_RESULT_BYTES}. */
    private static final class Bytes extends ByteArrayOutputStream {
        @Override public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        @Override public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        private void check(int more) {
            if (count + (long) more > Limits.MAX_RESULT_BYTES)
                throw new LimitExceeded("the answer would be larger than " + (Limits.MAX_RESULT_BYTES >> 20)
                        + " MiB, the limit of this endpoint; ask for fewer rows (LIMIT) or shorter values");
        }
    }

}
