package nl.arbeidsmigratie.kg.sparql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingProjectNamed;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprLib;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AggAvg;
import org.apache.jena.sparql.expr.aggregate.AggAvgDistinct;
import org.apache.jena.sparql.expr.aggregate.AggCountDistinct;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.AggCountVarDistinct;
import org.apache.jena.sparql.expr.aggregate.AggCustom;
import org.apache.jena.sparql.expr.aggregate.AggFoldList;
import org.apache.jena.sparql.expr.aggregate.AggFoldMap;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.AggMax;
import org.apache.jena.sparql.expr.aggregate.AggMaxDistinct;
import org.apache.jena.sparql.expr.aggregate.AggMedian;
import org.apache.jena.sparql.expr.aggregate.AggMedianDistinct;
import org.apache.jena.sparql.expr.aggregate.AggMin;
import org.apache.jena.sparql.expr.aggregate.AggMinDistinct;
import org.apache.jena.sparql.expr.aggregate.AggMode;
import org.apache.jena.sparql.expr.aggregate.AggModeDistinct;
import org.apache.jena.sparql.expr.aggregate.AggSample;
import org.apache.jena.sparql.expr.aggregate.AggSampleDistinct;
import org.apache.jena.sparql.expr.aggregate.AggSum;
import org.apache.jena.sparql.expr.aggregate.AggSumDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.graph.NodeTransform;
import org.apache.jena.sparql.serializer.SerializationContext;

/**
 * Aggregates that hold memory, made to count it: GROUP_CONCAT stops at {@link Limits#MAX_STRING} characters, and
 * every value a DISTINCT set, MEDIAN, MODE or FOLD keeps counts against the query's {@link Limits#MAX_HELD_VALUES}.
 * The others (COUNT, SUM, MIN … without DISTINCT) hold one value and are left alone.
 */
final class SafeAggregates {
    private SafeAggregates() {}

    static List<ExprAggregator> wrap(List<ExprAggregator> aggregators) {
        List<ExprAggregator> out = new ArrayList<>(aggregators.size());
        for (ExprAggregator a : aggregators) out.add(new ExprAggregator(a.getVar(), safe(a.getAggregator())));
        return out;
    }

    static Aggregator safe(Aggregator a) {
        if (a instanceof Wrapped) return a;
        if (a instanceof AggGroupConcat g)
            return new Wrapped(a, () -> new GroupConcat(g.getExprList().get(0), separator(g.getSeparator()), false));
        if (a instanceof AggGroupConcatDistinct g)
            return new Wrapped(a, () -> new GroupConcat(g.getExprList().get(0), separator(g.getSeparator()), true));
        if (a instanceof AggCountDistinct) return new Wrapped(a, DistinctRows::new);
        Aggregator plain = plainOf(a);
        if (plain != null) {
            Expr expr = a.getExprList().get(0);
            return new Wrapped(a, () -> new Distinct(expr, plain.createAccumulator()));
        }
        if (a instanceof AggMedian || a instanceof AggMode || a instanceof AggFoldList || a instanceof AggFoldMap
                || a instanceof AggCustom)
            return new Wrapped(a, () -> new Holding(a.createAccumulator()));
        return a;
    }

    private static String separator(String s) { return s == null ? " " : s; }

    /** The same aggregate without DISTINCT, for those with one expression; null for the others. */
    private static Aggregator plainOf(Aggregator a) {
        ExprList e = a.getExprList();
        if (e == null || e.size() != 1) return null;
        Expr x = e.get(0);
        if (a instanceof AggCountVarDistinct) return new AggCountVar(x);
        if (a instanceof AggSumDistinct) return new AggSum(x);
        if (a instanceof AggAvgDistinct) return new AggAvg(x);
        if (a instanceof AggMinDistinct) return new AggMin(x);
        if (a instanceof AggMaxDistinct) return new AggMax(x);
        if (a instanceof AggSampleDistinct) return new AggSample(x);
        if (a instanceof AggMedianDistinct) return new AggMedian(x);
        if (a instanceof AggModeDistinct) return new AggMode(x);
        return null;
    }

    private static Budget budget(FunctionEnv env) {
        Budget b = env == null ? null : Budget.of(env.getContext());
        return b != null ? b : new Budget(0);
    }

    /** GROUP_CONCAT [DISTINCT]: Jena's semantics (errors skipped), with a length cap while it grows. */
    private static final class GroupConcat implements Accumulator {
        private final Expr expr;
        private final String separator;
        private final Set<NodeValue> seen;
        private final StringBuilder out = new StringBuilder();
        private boolean first = true;

        GroupConcat(Expr expr, String separator, boolean distinct) {
            this.expr = expr;
            this.separator = separator;
            this.seen = distinct ? new HashSet<>() : null;
        }

        @Override
        public void accumulate(Binding binding, FunctionEnv env) {
            NodeValue nv = ExprLib.evalOrNull(expr, binding, env);
            if (nv == null) return;
            if (seen != null) {
                if (!seen.add(nv)) return;
                budget(env).hold();
            }
            String s;
            try {
                s = nv.asString();
            } catch (RuntimeException e) {
                return;
            }
            Budget.checkLength((long) out.length() + (first ? 0 : separator.length()) + s.length());
            if (!first) out.append(separator);
            out.append(s);
            first = false;
        }

        @Override public NodeValue getValue() { return NodeValue.makeString(out.toString()); }
    }

    /** COUNT(DISTINCT *). */
    private static final class DistinctRows implements Accumulator {
        private final Set<Binding> rows = new HashSet<>();

        @Override
        public void accumulate(Binding binding, FunctionEnv env) {
            if (rows.add(new BindingProjectNamed(binding))) budget(env).hold();
        }

        @Override public NodeValue getValue() { return NodeValue.makeInteger(rows.size()); }
    }

    /** AGG(DISTINCT x): a counted set in front of the same aggregate without DISTINCT. */
    private static final class Distinct implements Accumulator {
        private final Expr expr;
        private final Accumulator inner;
        private final Set<NodeValue> seen = new HashSet<>();

        Distinct(Expr expr, Accumulator inner) {
            this.expr = expr;
            this.inner = inner;
        }

        @Override
        public void accumulate(Binding binding, FunctionEnv env) {
            NodeValue nv = ExprLib.evalOrNull(expr, binding, env);
            if (nv != null) {
                if (!seen.add(nv)) return;
                budget(env).hold();
            }
            inner.accumulate(binding, env);
        }

        @Override public NodeValue getValue() { return inner.getValue(); }
    }

    /** An aggregate that keeps every value it sees (MEDIAN, MODE, FOLD, custom): each one is counted. */
    private static final class Holding implements Accumulator {
        private final Accumulator inner;

        Holding(Accumulator inner) {
            this.inner = inner;
        }

        @Override
        public void accumulate(Binding binding, FunctionEnv env) {
            budget(env).hold();
            inner.accumulate(binding, env);
        }

        @Override public NodeValue getValue() { return inner.getValue(); }

    }

    /** The original aggregate in every respect (printing, equality, empty value) but its accumulator. */
    private static final class Wrapped implements Aggregator {
        private final Aggregator original;
        private final Supplier<Accumulator> accumulators;

        Wrapped(Aggregator original, Supplier<Accumulator> accumulators) {
            this.original = original;
            this.accumulators = accumulators;
        }

        @Override public Accumulator createAccumulator() { return accumulators.get(); }
        @Override public Node getValueEmpty() { return original.getValueEmpty(); }
        @Override public String toPrefixString() { return original.toPrefixString(); }
        @Override public String key() { return original.key(); }
        @Override public String getName() { return original.getName(); }
        @Override public ExprList getExprList() { return original.getExprList(); }
        @Override public Aggregator copy(ExprList exprs) { return safe(original.copy(exprs)); }
        @Override public Aggregator copyTransform(NodeTransform transform) { return safe(original.copyTransform(transform)); }
        @Override public int hashCode() { return original.hashCode(); }
        @Override public boolean equals(Object other) {
            return other instanceof Wrapped w ? original.equals(w.original) : original.equals(other);
        }
        @Override public boolean equals(Aggregator other, boolean bySyntax) {
            return original.equals(other instanceof Wrapped w ? w.original : other, bySyntax);
        }
        @Override public String asSparqlExpr(SerializationContext sCxt) { return original.asSparqlExpr(sCxt); }
        @Override public String toString() { return original.toString(); }
    }
}
