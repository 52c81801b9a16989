package nl.arbeidsmigratie.kg.sparql;

/** An answer went past one of {@link Limits}: it ends the query and is answered with a 4xx naming the limit. */
final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    LimitExceeded(String message) {
        super(message, null, false, false);
        this.status = 400;
    }

    /** The HTTP status to answer with. */
    int status() { return status; }
}
