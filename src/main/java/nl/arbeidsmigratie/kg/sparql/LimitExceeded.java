package nl.arbeidsmigratie.kg.sparql;

import org.apache.jena.query.QueryCancelledException;

/**
 * A query asked for more than a limit allows (a string, a result, a pattern, held values). It ends the whole query
 * and is answered with a 4xx naming the limit. It is a {@link QueryCancelledException} because that is the one
 * exception Jena lets out of every FILTER, BIND and iterator: any other would be swallowed (and logged) per row.
 */
public final class LimitExceeded extends QueryCancelledException {
    private static final long serialVersionUID = 1L;
    private final String message;
    private final int status;

    public LimitExceeded(String message) {
        this(400, message);
    }

    public LimitExceeded(int status, String message) {
        this.status = status;
        this.message = message;
    }

    @Override public String getMessage() { return message; }

    /** The HTTP status to answer with. */
    public int status() { return status; }

    /** No stack trace: this is a refusal, not a fault, and it may be thrown once per row. */
    @Override public synchronized Throwable fillInStackTrace() { return this; }
}
