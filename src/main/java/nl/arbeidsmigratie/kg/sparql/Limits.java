package nl.arbeidsmigratie.kg.sparql;

/**
 * The fixed limits of the public SPARQL endpoint, beside the ones {@code serve} takes as options (time, rows,
 * concurrency). Each one stops a request of a few bytes from costing the server more than a fair share; SECURITY.md
 * lists them with their reasons, and the hostile tests reach each one.
 */
public final class Limits {
    private Limits() {}

    /** Longest string an expression or aggregate may build (characters): CONCAT, REPLACE, GROUP_CONCAT, UCASE… */
    public static final int MAX_STRING = 1 << 20;
    /** Longest regular expression for REGEX, REPLACE and fn:matches (characters). */
    public static final int MAX_PATTERN = 1_000;
    /** Most bytes a SELECT, CONSTRUCT or DESCRIBE answer may hold (estimated as serialised, escapes included). */
    public static final long MAX_RESULT_BYTES = 32L << 20;
    /** Most triples a CONSTRUCT or DESCRIBE answer may hold. */
    public static final long MAX_TRIPLES = 100_000;
    /** Most values all DISTINCT, GROUP_CONCAT, MEDIAN and MODE aggregates of one query may hold at once. */
    public static final long MAX_HELD_VALUES = 200_000;
    /** Sorts, DISTINCT and joins that hold more bindings than this spill to temporary files. */
    public static final long SPILL_THRESHOLD = 100_000;

    /** Distinct variable names in one query: parsing grows with their square (50,000 took 45 s). */
    public static final int MAX_VARIABLES = 1_000;
    /** Deepest nesting of brackets: the parser and every tree walk recurse on it. */
    public static final int MAX_DEPTH = 100;
    /** Most operators in one query: a long chain such as 1+1+… is a tree as deep as it is long. */
    public static final int MAX_OPERATORS = 2_000;
}
