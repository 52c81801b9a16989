package nl.arbeidsmigratie.kg.query;

import java.util.List;

import org.apache.jena.sparql.core.Var;

/**
 * A prepared-query parameter, declared grlc-style by a variable: {@code ?_name_iri} is required,
 * {@code ?__name_iri} optional; the suffix gives the type ({@code iri}, {@code string}, {@code integer},
 * {@code date}; none means string). {@code allowedValues} is empty when any value of the type is accepted.
 */
public record Parameter(String name, Type type, boolean required, String defaultValue, Var variable,
                        List<AllowedValue> allowedValues) {

    public enum Type { IRI, STRING, INTEGER, DATE;
        public String jsonName() { return name().toLowerCase(); }
    }

    /** One allowed value with its labels, for drop-downs and error messages. */
    public record AllowedValue(String value, String labelNl, String labelEn) {
        public String label(String lang) {
            String l = "en".equals(lang) ? labelEn : labelNl;
            return l == null ? value : l;
        }
    }

    Parameter withAllowedValues(List<AllowedValue> values) {
        return new Parameter(name, type, required, defaultValue, variable, List.copyOf(values));
    }

    public boolean isAllowed(String value) {
        return allowedValues.isEmpty() || allowedValues.stream().anyMatch(a -> a.value().equals(value));
    }
}
