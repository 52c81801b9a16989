package nl.arbeidsmigratie.kg.vocab;

/** The Atom Syndication Format (RFC 4287): its XML namespace. */
public final class ATOM {
    public static final String NS = "http://www.w3.org/2005/Atom";

    private ATOM() {}
}
