package nl.arbeidsmigratie.kg.web;

import java.util.Map;

/**
 * Dutch and English names for the column, parameter and tag names the prepared questions use. A name not listed
 * here is shown as its words ("plannedEntryIntoForce" → "planned entry into force"), so a new query never breaks
 * the page; adding it here only makes it read better.
 */
final class Words {
    private Words() {}

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("actor", new String[] {"Actor", "Actor"}),
            Map.entry("measure", new String[] {"Maatregel", "Measure"}),
            Map.entry("recommendationCount", new String[] {"Aantal aanbevelingen", "Number of recommendations"}),
            Map.entry("recommendations", new String[] {"Aanbevelingen", "Recommendations"}),
            Map.entry("typeLabel", new String[] {"Soort", "Kind"}),
            Map.entry("precision", new String[] {"Nauwkeurigheid", "Precision"}),
            Map.entry("addressedBy", new String[] {"Aangepakt door", "Addressed by"}),
            Map.entry("approximate", new String[] {"Bij benadering", "Approximate"}),
            Map.entry("asOf", new String[] {"Stand op", "As of"}),
            Map.entry("aspect", new String[] {"Aspect", "Aspect"}),
            Map.entry("assessment", new String[] {"Beoordeling", "Assessment"}),
            Map.entry("bound", new String[] {"Grens", "Bound"}),
            Map.entry("body", new String[] {"Instantie", "Responsible body"}),
            Map.entry("by", new String[] {"Door", "By"}),
            Map.entry("cause", new String[] {"Oorzaak", "Cause"}),
            Map.entry("characteristic", new String[] {"Kenmerk", "Characteristic"}),
            Map.entry("citationNumber", new String[] {"Noot", "Note no."}),
            Map.entry("claim", new String[] {"Bewering", "Claim"}),
            Map.entry("critique", new String[] {"Kritiek", "Critique"}),
            Map.entry("dataset", new String[] {"Dataset", "Dataset"}),
            Map.entry("date", new String[] {"Datum", "Date"}),
            Map.entry("description", new String[] {"Omschrijving", "Description"}),
            Map.entry("distance", new String[] {"Afstand", "Distance"}),
            Map.entry("effect", new String[] {"Gevolg", "Effect"}),
            Map.entry("enforcer", new String[] {"Toezichthouder", "Enforcer"}),
            Map.entry("eu", new String[] {"EU/EVA-arbeidsmigranten", "EU/EFTA labour migrants"}),
            Map.entry("event", new String[] {"Gebeurtenis", "Event"}),
            Map.entry("explicitlyUnaddressed", new String[] {"Uitdrukkelijk niet aangepakt", "Explicitly unaddressed"}),
            Map.entry("figure", new String[] {"Cijfer", "Figure"}),
            Map.entry("group", new String[] {"Groep", "Group"}),
            Map.entry("issued", new String[] {"Verschenen", "Issued"}),
            Map.entry("item", new String[] {"Punt", "Item"}),
            Map.entry("kind", new String[] {"Soort", "Kind"}),
            Map.entry("link", new String[] {"Verband", "Link"}),
            Map.entry("law", new String[] {"Wet", "Law"}),
            Map.entry("locator", new String[] {"Vindplaats", "Locator"}),
            Map.entry("matched", new String[] {"Gevonden in", "Matched"}),
            Map.entry("measures", new String[] {"Maatregelen", "Measures"}),
            Map.entry("measureText", new String[] {"Huidige beleidsmaatregel / wetsvoorstel (tekst rapport)", "Current measure / bill (report's text)"}),
            Map.entry("nonEu", new String[] {"Kennismigranten van buiten de EU/EVA", "Non-EU/EFTA knowledge migrants"}),
            Map.entry("note", new String[] {"Toelichting", "Note"}),
            Map.entry("parent", new String[] {"Onderdeel van", "Part of"}),
            Map.entry("period", new String[] {"Periode", "Period"}),
            Map.entry("periodAsStated", new String[] {"Periode volgens de bron", "Period as stated"}),
            Map.entry("plannedAdmissionDuty", new String[] {"Toelatingsplicht vanaf", "Admission duty from"}),
            Map.entry("plannedEntryIntoForce", new String[] {"Geplande inwerkingtreding", "Planned entry into force"}),
            Map.entry("point", new String[] {"Punt van kritiek", "Point made"}),
            Map.entry("problem", new String[] {"Probleem", "Problem"}),
            Map.entry("publisher", new String[] {"Uitgever", "Publisher"}),
            Map.entry("q", new String[] {"Zoekterm", "Search term"}),
            Map.entry("recommendation", new String[] {"Aanbeveling", "Recommendation"}),
            Map.entry("replacedBy", new String[] {"Vervangen door", "Replaced by"}),
            Map.entry("recommendationText", new String[] {"Kernaanbeveling (tekst rapport)", "Core recommendation (report's text)"}),
            Map.entry("resource", new String[] {"Onderwerp", "Item"}),
            Map.entry("response", new String[] {"Antwoord", "Response"}),
            Map.entry("role", new String[] {"Rol", "Role"}),
            Map.entry("row", new String[] {"Rij", "Row"}),
            Map.entry("source", new String[] {"Bron", "Source"}),
            Map.entry("status", new String[] {"Status", "Status"}),
            Map.entry("statusDate", new String[] {"Stand per", "Status as of"}),
            Map.entry("scheduledBy", new String[] {"Gepland volgens", "Scheduled according to"}),
            Map.entry("responseScheduledBy", new String[] {"Maatregel gepland volgens", "Measure scheduled according to"}),
            Map.entry("responseStatusLabel", new String[] {"Status maatregel", "Measure status"}),
            Map.entry("responseStatusDate", new String[] {"Maatregel stand per", "Measure status as of"}),
            Map.entry("statuses", new String[] {"Statussen", "Statuses"}),
            Map.entry("statusText", new String[] {"Status / kritiekpunt (tekst rapport)", "Status / point of criticism (report's text)"}),
            Map.entry("target", new String[] {"Betreft", "Concerns"}),
            Map.entry("targets", new String[] {"Betreft", "Concerns"}),
            Map.entry("term", new String[] {"Termijn", "Term"}),
            Map.entry("theme", new String[] {"Thema", "Theme"}),
            Map.entry("title", new String[] {"Titel", "Title"}),
            Map.entry("topic", new String[] {"Thema", "Theme"}),
            Map.entry("themes", new String[] {"Thema's", "Themes"}),
            Map.entry("topics", new String[] {"Thema's", "Themes"}),
            Map.entry("type", new String[] {"Soort", "Kind"}),
            Map.entry("unit", new String[] {"Eenheid", "Unit"}),
            Map.entry("url", new String[] {"Adres", "URL"}),
            Map.entry("value", new String[] {"Waarde", "Value"}),
            Map.entry("via", new String[] {"Via", "Via"}),
            Map.entry("view", new String[] {"Oordeel van", "Whose view"}),
            Map.entry("work", new String[] {"Werk", "Work"}));

    /** An ISO date (2025-06-27) written out: "27 juni 2025" / "27 June 2025"; anything else as it is. */
    static String date(String iso, String lang) {
        try {
            return java.time.LocalDate.parse(iso).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                    java.util.Locale.forLanguageTag("nl".equals(lang) ? "nl" : "en")));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** Kinds of things the gallery counts, by their class's local name: {singular nl, plural nl, singular en, plural en}. */
    private static final Map<String, String[]> KINDS = Map.of(
            "Problem", new String[] {"probleem", "problemen", "problem", "problems"},
            "Recommendation", new String[] {"aanbeveling", "aanbevelingen", "recommendation", "recommendations"},
            "PolicyMeasure", new String[] {"beleidsmaatregel", "beleidsmaatregelen", "policy measure", "policy measures"},
            "Law", new String[] {"wet", "wetten", "law", "laws"},
            "Critique", new String[] {"kritiekpunt", "kritiekpunten", "critique", "critiques"},
            "Figure", new String[] {"cijfer", "cijfers", "figure", "figures"},
            "Source", new String[] {"bron", "bronnen", "source", "sources"});

    /** "81 problemen", "1 probleem": a count with its noun in the right number; null for a kind not listed. */
    static String count(long n, String kind, String lang) {
        String[] w = KINDS.get(kind);
        if (w == null) return null;
        int i = ("en".equals(lang) ? 2 : 0) + (n == 1 ? 0 : 1);
        return w[i];
    }

    /** True when the name has its own words here (tests check that every column and parameter has). */
    static boolean known(String name) {
        return WORDS.containsKey(name);
    }

    /** The heading of a column or the label of a parameter in the page language. */
    static String of(String name, String lang) {
        String[] w = WORDS.get(name);
        if (w != null) return "en".equals(lang) ? w[1] : w[0];
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
        return spaced.isEmpty() ? name : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
