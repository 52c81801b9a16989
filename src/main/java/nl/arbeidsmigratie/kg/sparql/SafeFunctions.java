package nl.arbeidsmigratie.kg.sparql;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * The extension functions a public query may call: the ones Jena registers at start (XPath {@code fn:}, {@code math:},
 * XSD casts, triple-term functions) and nothing it would load by name on first use. That closes {@code java:} (any
 * class on the classpath) and the {@code afn:}/{@code apf:} libraries, which include {@code afn:wait} (sleeps through
 * any deadline), {@code afn:sprintf} (a width of a billion is a billion characters), {@code afn:print} (writes to the
 * log) and {@code apf:strSplit} (Java regex). Composite-datatype functions ({@code cdt:}) and {@code fn:apply} are
 * left out too. Every allowed function's string result is capped at {@link Limits#MAX_STRING}, and fn:concat,
 * fn:matches and fn:replace run as the safe built-ins do.
 */
final class SafeFunctions extends FunctionRegistry {
    private static final String FN = ARQConstants.fnPrefix;
    private final FunctionRegistry base;
    private final Set<String> allowed = new HashSet<>();

    SafeFunctions(FunctionRegistry base) {
        this.base = base;
        for (Iterator<String> it = base.keys(); it.hasNext(); ) {
            String uri = it.next();
            if (uri.startsWith(ARQConstants.CDTFunctionLibraryURI) || uri.equals(FN + "apply")) continue;
            if (isJava(uri)) continue;
            allowed.add(uri);
        }
    }

    @Override
    public FunctionFactory get(String uri) {
        if (uri == null || !allowed.contains(uri)) return null;
        if (uri.equals(FN + "concat")) return u -> new Concat();
        if (uri.equals(FN + "matches")) return u -> new ViaExpr(SafeExprs.Regex::new);
        if (uri.equals(FN + "replace")) return u -> new ViaExpr(SafeExprs.Replace::new);
        FunctionFactory f = base.get(uri);
        return f == null ? null : u -> new Capped(f.create(u));
    }

    @Override public boolean isRegistered(String uri) { return uri != null && allowed.contains(uri); }
    @Override public Iterator<String> keys() { return allowed.iterator(); }

    /** Any allowed function, with its string result capped. */
    private static final class Capped implements Function {
        private final Function inner;

        Capped(Function inner) {
            this.inner = inner;
        }

        @Override public void build(String uri, ExprList args, Context context) { inner.build(uri, args, context); }

        @Override
        public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
            return SafeExprs.capped(inner.exec(binding, args, uri, env));
        }
    }

    /** fn:concat: measured before it is built. */
    private static final class Concat extends FunctionBase {
        @Override public void checkBuild(String uri, ExprList args) { }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            long length = 0;
            for (NodeValue v : args) length += v.isLiteral() ? v.asNode().getLiteralLexicalForm().length() : 64;
            Budget.checkLength(length);
            return XSDFuncOp.fnConcat(args);
        }
    }

    /** fn:matches and fn:replace, evaluated as the safe REGEX and REPLACE built-ins. */
    private static final class ViaExpr implements Function {
        private final java.util.function.Function<ExprList, Expr> make;
        private Expr expr;

        ViaExpr(java.util.function.Function<ExprList, Expr> make) {
            this.make = make;
        }

        @Override public void build(String uri, ExprList args, Context context) { expr = make.apply(args); }

        @Override
        public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
            return expr.eval(binding, env);
        }
    }

    /** Property functions: only those Jena registers at start (list:member, list:index, list:length, rdfs:member). */
    /** A java: class that something earlier in this process loaded by name (a test, a tool) is never allowed. */
    static boolean isJava(String uri) {
        return uri.regionMatches(true, 0, "java:", 0, 5);
    }

    static final class Properties extends PropertyFunctionRegistry {
        private final PropertyFunctionRegistry base;
        private final Set<String> allowed = new HashSet<>();

        Properties(PropertyFunctionRegistry base) {
            this.base = base;
            base.keys().forEachRemaining(uri -> {
                if (!isJava(uri)) allowed.add(uri);
            });
        }

        @Override public PropertyFunctionFactory get(String uri) { return isRegistered(uri) ? base.get(uri) : null; }
        @Override public boolean manages(String uri) { return isRegistered(uri); }
        @Override public boolean isRegistered(String uri) { return uri != null && allowed.contains(uri); }
        @Override public Iterator<String> keys() { return allowed.iterator(); }
    }
}
