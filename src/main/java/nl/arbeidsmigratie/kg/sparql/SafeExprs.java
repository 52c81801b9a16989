package nl.arbeidsmigratie.kg.sparql;

import java.util.List;

import com.google.re2j.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.sse.Tags;

/**
 * The SPARQL built-ins that can run long or build big strings, replaced by versions that cannot: REGEX and REPLACE
 * on RE2/J with input that checks the deadline ({@link Regexes}), CONCAT that measures before it builds, UCASE, LCASE
 * and ENCODE_FOR_URI that refuse a result over {@link Limits#MAX_STRING}. Applied to every expression of the query
 * algebra by {@link SafeEngine}.
 */
final class SafeExprs extends ExprTransformCopy {
    @Override
    public Expr transform(ExprFunctionN func, ExprList args) {
        if (func instanceof E_Regex) return new Regex(args);
        if (func instanceof E_StrReplace) return new Replace(args);
        if (func instanceof E_StrConcat) return new Concat(args);
        return super.transform(func, args);
    }

    @Override
    public Expr transform(ExprFunction1 func, Expr arg) {
        if (func instanceof E_StrUpperCase) return new Capped1(Tags.tagStrUppercase, arg, XSDFuncOp::strUpperCase);
        if (func instanceof E_StrLowerCase) return new Capped1(Tags.tagStrLowercase, arg, XSDFuncOp::strLowerCase);
        if (func instanceof E_StrEncodeForURI) return new Capped1(Tags.tagStrEncodeForURI, arg, XSDFuncOp::strEncodeForURI);
        return super.transform(func, arg);
    }

    /** A string result, refused past {@link Limits#MAX_STRING}. */
    static NodeValue capped(NodeValue v) {
        if (v != null && v.isLiteral()) Budget.checkLength(v.asNode().getLiteralLexicalForm().length());
        return v;
    }

    private static String string(String fn, NodeValue v) {
        return NodeValueOps.checkAndGetStringLiteral(fn, v).getLiteralLexicalForm();
    }

    /** A constant pattern is compiled once, when the query is prepared; otherwise per row. */
    private static Pattern constantPattern(ExprList args, int patternArg, int flagsArg) {
        Expr p = args.get(patternArg);
        Expr f = args.size() > flagsArg ? args.get(flagsArg) : null;
        if (!p.isConstant() || !p.getConstant().isString()) return null;
        if (f != null && !(f.isConstant() && f.getConstant().isString())) return null;
        return Regexes.compileConstant(p.getConstant().getString(), f == null ? null : f.getConstant().getString());
    }

    private static Pattern pattern(Pattern constant, List<NodeValue> args, int patternArg, int flagsArg, String fn) {
        if (constant != null) return constant;
        String flags = args.size() > flagsArg ? string(fn, args.get(flagsArg)) : null;
        return Regexes.compile(string(fn, args.get(patternArg)), flags);
    }

    /** REGEX(text, pattern [, flags]). */
    static final class Regex extends ExprFunctionN {
        private final Pattern constant;

        Regex(ExprList args) {
            super(Tags.tagRegex, args);
            this.constant = constantPattern(args, 1, 2);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            String text = string("REGEX", args.get(0));
            Pattern p = pattern(constant, args, 1, 2, "REGEX");
            return NodeValue.booleanReturn(Regexes.find(p, text, Budget.of(env.getContext())));
        }

        @Override public NodeValue eval(List<NodeValue> args) { return eval(args, null); }
        @Override public Expr copy(ExprList newArgs) { return new Regex(newArgs); }
    }

    /** REPLACE(text, pattern, replacement [, flags]); keeps the text's language tag or datatype. */
    static final class Replace extends ExprFunctionN {
        private final Pattern constant;

        Replace(ExprList args) {
            super(Tags.tagReplace, args);
            this.constant = constantPattern(args, 1, 3);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
            Pattern p = pattern(constant, args, 1, 3, "REPLACE");
            String replacement = string("REPLACE", args.get(2));
            String out = Regexes.replace(p, text.getLiteralLexicalForm(), replacement,
                    env == null ? null : Budget.of(env.getContext()));
            if (out == null || out.equals(text.getLiteralLexicalForm())) return args.get(0);
            return NodeValue.makeNode(NodeFactory.createLiteral(out, text.getLiteralLanguage(), text.getLiteralDatatype()));
        }

        @Override public NodeValue eval(List<NodeValue> args) { return eval(args, null); }
        @Override public Expr copy(ExprList newArgs) { return new Replace(newArgs); }
    }

    /** CONCAT(…): the lengths are added up before anything is built. */
    static final class Concat extends ExprFunctionN {
        Concat(ExprList args) {
            super(Tags.tagConcat, args);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            long length = 0;
            for (NodeValue v : args) if (v.isLiteral()) length += v.asNode().getLiteralLexicalForm().length();
            Budget.checkLength(length);
            return XSDFuncOp.strConcat(args);
        }

        @Override public Expr copy(ExprList newArgs) { return new Concat(newArgs); }
    }

    /** A one-argument string function whose result may be longer than its argument. */
    static final class Capped1 extends ExprFunction1 {
        private final java.util.function.UnaryOperator<NodeValue> fn;

        Capped1(String name, Expr arg, java.util.function.UnaryOperator<NodeValue> fn) {
            super(arg, name);
            this.fn = fn;
        }

        @Override public NodeValue eval(NodeValue v) { return capped(fn.apply(v)); }
        @Override public Expr copy(Expr expr) { return new Capped1(getFunctionSymbol().getSymbol(), expr, fn); }
    }
}
