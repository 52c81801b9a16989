package nl.arbeidsmigratie.kg.graph;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A graph of a transactional store (TDB2) that pages and helpers can read as if it were in memory: each call runs
 * in a read transaction (or in the caller's, when there is one) and hands back what it found, so no iterator
 * outlives its transaction. Meant for the small look-ups pages make (one subject's triples), not for scans.
 */
final class ReadTxnGraph extends GraphWrapper {
    private final Transactional store;

    ReadTxnGraph(Graph graph, Transactional store) {
        super(graph);
        this.store = store;
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        List<Triple> found = Txn.calculateRead(store, () -> get().find(s, p, o).toList());
        return WrappedIterator.create(found.iterator());
    }

    @Override
    public ExtendedIterator<Triple> find(Triple t) {
        return find(t.getSubject(), t.getPredicate(), t.getObject());
    }

    @Override
    public boolean contains(Node s, Node p, Node o) { return Txn.calculateRead(store, () -> get().contains(s, p, o)); }

    @Override
    public boolean contains(Triple t) { return Txn.calculateRead(store, () -> get().contains(t)); }

    @Override
    public int size() { return Txn.calculateRead(store, () -> get().size()); }

    @Override
    public boolean isEmpty() { return Txn.calculateRead(store, () -> get().isEmpty()); }
}
