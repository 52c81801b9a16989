package nl.arbeidsmigratie.kg.sparql;

/**
 * The fixed limits of an ad-hoc answer, beside the ones {@code serve} takes as options (time, rows, concurrency) and
 * the worker's heap. SECURITY.md lists them with their reasons.
 */
public final class Limits {
    private Limits() {}

    /** Most bytes a SELECT, CONSTRUCT or DESCRIBE answer may hold, as written. */
    public static final long MAX_RESULT_BYTES = 32L << 20;
    /** Most triples a CONSTRUCT or DESCRIBE answer may hold. */
    public static final long MAX_TRIPLES = 100_000;
}
