package nl.arbeidsmigratie.kg.vocab;

/**
 * The controlled vocabularies DCAT-AP (and the Dutch DCAT-AP-DONL) ask dataset descriptions to use: the EU
 * Publications Office authority tables for themes, languages, access rights, file types and countries, and the Dutch
 * government's theme taxonomy (OWMS TaxonomieBeleidsagenda) that data.overheid.nl uses for {@code dcat:theme}.
 */
public final class DCATAP {
    public static final String AUTHORITY = "http://publications.europa.eu/resource/authority/";
    public static final String OWMS = "http://standaarden.overheid.nl/owms/terms/";
    /** The SPARQL 1.1 Protocol, the standard the data service conforms to. */
    public static final String SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/";

    /** EU data theme, e.g. {@code SOCI} (population and society). */
    public static String theme(String code) { return AUTHORITY + "data-theme/" + code; }
    /** EU language, e.g. {@code NLD}, {@code ENG}. */
    public static String language(String code) { return AUTHORITY + "language/" + code; }
    /** EU access right, e.g. {@code PUBLIC}. */
    public static String accessRight(String code) { return AUTHORITY + "access-right/" + code; }
    /** EU file type, e.g. {@code RDF_TURTLE}. */
    public static String fileType(String code) { return AUTHORITY + "file-type/" + code; }
    /** EU country, e.g. {@code NLD}. */
    public static String country(String code) { return AUTHORITY + "country/" + code; }
    /** A theme of the Dutch government's taxonomy, e.g. {@code Migratie_en_integratie}. */
    public static String owmsTheme(String term) { return OWMS + term; }

    private DCATAP() {}
}
