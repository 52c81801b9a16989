package nl.arbeidsmigratie.kg.vocab;

/** IANA's media-type registry, whose IRIs DCAT uses for dcat:mediaType and dcat:compressFormat. */
public final class IANA {
    public static final String MEDIA_TYPES = "https://www.iana.org/assignments/media-types/";

    public static String mediaType(String type) { return MEDIA_TYPES + type; }

    private IANA() {}
}
