package nl.arbeidsmigratie.kg.sparql;

import java.util.Comparator;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.engine.iterator.QueryIterGroup;
import org.apache.jena.sparql.engine.iterator.QueryIterSort;
import org.apache.jena.sparql.engine.iterator.QueryIterTopN;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.main.QueryEngineMain;
import org.apache.jena.sparql.util.Context;

/**
 * Jena's main query engine, for queries that carry a {@link Budget} in their context: every expression goes through
 * {@link SafeExprs}, every aggregate through {@link SafeAggregates}, and every sort compares with a comparator that
 * checks the budget, so a sort stops at the deadline too (Jena's own sort cancellation did not reach a sort in
 * progress: a 5 s query sorted for 53 s). Other queries (the build, the prepared questions) use Jena's engine
 * unchanged. Registered once, by {@link #install()}.
 */
final class SafeEngine extends QueryEngineMain {
    private static final QueryEngineFactory FACTORY = new QueryEngineFactory() {
        @Override public boolean accept(Query query, DatasetGraph dataset, Context context) { return Budget.of(context) != null; }
        @Override public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
            return new SafeEngine(query, dataset, input, context).getPlan();
        }
        @Override public boolean accept(Op op, DatasetGraph dataset, Context context) { return Budget.of(context) != null; }
        @Override public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
            return new SafeEngine(op, dataset, input, context).getPlan();
        }
    };
    private static boolean registered;

    static synchronized void install() {
        if (!registered) QueryEngineRegistry.addFactory(FACTORY);
        registered = true;
    }

    private SafeEngine(Query query, DatasetGraph dataset, Binding input, Context context) {
        super(query, dataset, input, context);
    }

    private SafeEngine(Op op, DatasetGraph dataset, Binding input, Context context) {
        super(op, dataset, input, context);
    }

    @Override
    protected Op modifyOp(Op op) {
        return super.modifyOp(Transformer.transform(new TransformCopy(), new SafeExprs(), op));
    }

    @Override
    public QueryIterator eval(Op op, DatasetGraph dsg, Binding input, Context cxt) {
        QC.setFactory(cxt, Executor::new);
        return super.eval(op, dsg, input, cxt);
    }

    /** Sorts and groups that check the budget. */
    private static final class Executor extends OpExecutor {
        private final Budget budget;

        Executor(ExecutionContext execCxt) {
            super(execCxt);
            Budget b = Budget.of(execCxt.getContext());
            this.budget = b != null ? b : new Budget(0);
        }

        @Override
        protected QueryIterator execute(OpOrder opOrder, QueryIterator input) {
            QueryIterator qIter = exec(opOrder.getSubOp(), input);
            return new QueryIterSort(qIter, watched(new BindingComparator(opOrder.getConditions(), execCxt)), execCxt);
        }

        @Override
        protected QueryIterator execute(OpTopN opTop, QueryIterator input) {
            Comparator<Binding> cmp = watched(new BindingComparator(opTop.getConditions(), execCxt));
            if (opTop.getSubOp() instanceof OpDistinct distinct) {
                QueryIterator qIter = exec(distinct.getSubOp(), input);
                return new QueryIterTopN(qIter, cmp, opTop.getLimit(), true, execCxt);
            }
            return new QueryIterTopN(exec(opTop.getSubOp(), input), cmp, opTop.getLimit(), false, execCxt);
        }

        @Override
        protected QueryIterator execute(OpGroup opGroup, QueryIterator input) {
            QueryIterator qIter = exec(opGroup.getSubOp(), input);
            return new QueryIterGroup(qIter, opGroup.getGroupVars(), SafeAggregates.wrap(opGroup.getAggregators()), execCxt);
        }

        /** Every comparison checks for cancellation, every 256th also the deadline. */
        private Comparator<Binding> watched(Comparator<Binding> cmp) {
            int[] n = {0};
            return (a, b) -> {
                if ((++n[0] & 0xff) == 0 || budget.cancelled()) budget.check();
                return cmp.compare(a, b);
            };
        }
    }
}
