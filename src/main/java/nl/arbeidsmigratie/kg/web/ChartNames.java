package nl.arbeidsmigratie.kg.web;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;

import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.query.Parameter;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * What a chart says it shows, so that a printed or downloaded chart still says it on its own: the question, the
 * selection (the chosen parameter values by name) and the date in its title and in its file name
 * ({@code aanbevelingen-per-status-aanjaagteam-bescherming-arbeidsmigranten-2025-06-27}), and the date of the answer
 * for its source line.
 */
record ChartNames(String title, String file, String dateLine) {

    static ChartNames of(Graph g, PreparedQuery q, Map<String, String> given, String baseTitle, String lang) {
        boolean nl = !"en".equals(lang);
        List<String> labels = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        for (Parameter p : q.parameters()) {
            String v = given.get(p.name());
            if (v == null || v.isBlank() || p.name().equals(QueryCatalog.AS_OF)) continue;
            if (p.type() == Parameter.Type.IRI) {
                String iri = v.contains(":") ? v : KG.ID + v;
                labels.add(Labels.label(g, NodeFactory.createURI(iri), lang));
                slugs.add(iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1));
            } else {
                labels.add("‘" + v.strip() + "’");
                slugs.add(v.strip());
            }
        }
        String today = LocalDate.now().toString();
        String title = baseTitle + (labels.isEmpty() ? "" : " — " + String.join(", ", labels));
        StringBuilder file = new StringBuilder(slug(baseTitle));
        for (String s : slugs) file.append('-').append(slug(s));
        String dateLine;
        if (q.parameter(QueryCatalog.AS_OF) != null) {
            String asOf = asked(given.get(QueryCatalog.AS_OF));
            title += (nl ? " — stand op " : " — as of ") + Words.date(asOf, lang);
            file.append('-').append(asOf);
            dateLine = (nl ? "stand op " : "status as of ") + Words.date(asOf, lang)
                    + (nl ? ", opgevraagd op " : ", retrieved on ") + Words.date(today, lang);
        } else {
            dateLine = (nl ? "opgevraagd op " : "retrieved on ") + Words.date(today, lang);
        }
        return new ChartNames(title, file.toString(), dateLine);
    }

    /** The asked status date as ISO text ("today" and nothing: the day of the request). */
    static String asked(String value) {
        return value == null || value.isBlank() || QueryCatalog.TODAY.equals(value) ? LocalDate.now().toString()
                : LocalDate.parse(value.strip()).toString();
    }

    /** "Aanbevelingen per status" → "aanbevelingen-per-status": lower case, no accents, words joined by hyphens. */
    static String slug(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String out = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return out.length() > 80 ? out.substring(0, 80).replaceAll("-+$", "") : out;
    }
}
