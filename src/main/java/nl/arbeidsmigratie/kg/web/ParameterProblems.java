package nl.arbeidsmigratie.kg.web;

import java.util.Map;
import java.util.stream.Collectors;

import nl.arbeidsmigratie.kg.query.Parameter;
import nl.arbeidsmigratie.kg.query.ParameterException;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.query.QueryCatalog;

/**
 * A refused parameter explained in Dutch on a Dutch page. The API keeps its English JSON errors; the page reads the
 * same refusal from what was asked and what the question takes (not from the English message's words), so a
 * change of wording there cannot leave English text on a Dutch page.
 */
final class ParameterProblems {
    private ParameterProblems() {}

    static String dutch(PreparedQuery q, Map<String, String> given, ParameterException e) {
        String name = e.parameter();
        if (name == null || name.equals("lang")) return "Deze pagina bestaat in het Nederlands (lang=nl) en het Engels (lang=en).";
        Parameter p = q.parameter(name);
        String words = "‘" + Words.of(name, "nl").toLowerCase() + "’ (" + name + ")";
        if (p == null) {
            String takes = q.parameters().isEmpty() ? "Deze vraag heeft geen keuzes."
                    : "Deze vraag kent alleen: " + q.parameters().stream()
                            .map(x -> "‘" + Words.of(x.name(), "nl").toLowerCase() + "’ (" + x.name() + ")")
                            .collect(Collectors.joining(", ")) + ".";
            if (name.equals(QueryCatalog.AS_OF))
                return "Deze vraag gaat niet over een stand op een datum, dus ‘stand op’ (asOf) kan hier niet. " + takes
                        + " Voor een stand op een datum: de vragen over status, zoals ‘Wat is er van elke aanbeveling "
                        + "terechtgekomen?’ of ‘Hoe veranderde de status…?’.";
            return "Deze vraag kent de keuze ‘" + name + "’ niet. " + takes;
        }
        String value = given.get(name);
        if (value == null || value.isEmpty()) return "Kies een waarde voor " + words + ": die is voor deze vraag nodig.";
        return switch (p.type()) {
            case DATE -> "Bij " + words + " hoort een datum als 2025-06-27 (jaar-maand-dag), niet ‘" + value + "’.";
            case INTEGER -> "Bij " + words + " hoort een heel getal, niet ‘" + value + "’.";
            case IRI -> "‘" + value + "’ is geen keuze voor " + words + ". Kies een waarde uit de lijst.";
            default -> value.length() > 200 ? "De tekst bij " + words + " is te lang."
                    : "‘" + value + "’ is geen keuze voor " + words + ". Kies een waarde uit de lijst.";
        };
    }
}
