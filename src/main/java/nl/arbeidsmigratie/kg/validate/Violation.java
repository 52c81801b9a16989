package nl.arbeidsmigratie.kg.validate;

/** One broken rule: which focus node, in which file, broke which rule, and why. */
public record Violation(String rule, String focusNode, String file, String message) {
    @Override public String toString() {
        return file + ": <" + focusNode + "> breaks " + rule + ": " + message;
    }
}
