package nl.arbeidsmigratie.kg.sparql;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The served dataset, in which a named graph that does not exist is simply empty. Jena's in-memory dataset creates a
 * graph when asked for an unknown one, which inside a read transaction failed with a 500 ("In READ mode in
 * transaction") for {@code /kg/get?graph=<unknown>} and for the legal {@code FROM NAMED <unknown>}. Now the first is
 * a 404 (Fuseki's answer for an empty graph) and the second an empty answer.
 */
final class FrozenDataset extends DatasetGraphReadOnly {
    private static final Graph EMPTY = new GraphReadOnly(GraphFactory.createGraphMem());

    FrozenDataset(DatasetGraph dsg) {
        super(dsg);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (graphNode == null || !getWrapped().containsGraph(graphNode)) {
            if (graphNode != null && (graphNode.equals(org.apache.jena.sparql.core.Quad.defaultGraphIRI)
                    || graphNode.equals(org.apache.jena.sparql.core.Quad.defaultGraphNodeGenerated)
                    || graphNode.equals(org.apache.jena.sparql.core.Quad.unionGraph)))
                return super.getGraph(graphNode);
            return EMPTY;
        }
        return super.getGraph(graphNode);
    }
}
