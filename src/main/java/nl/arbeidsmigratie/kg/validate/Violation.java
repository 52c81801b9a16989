package nl.arbeidsmigratie.kg.validate;

/**
 * One finding of a quality rule: which focus node, described in which file, broke which rule (its tag, such as
 * {@code label-nl}), where that rule lives ({@code ontology/shapes.ttl} or a check file), how severe it is, and why.
 * A {@link Severity#VIOLATION} stops the build; a {@link Severity#WARNING} is reported and the build goes on.
 */
public record Violation(String rule, String ruleFile, Severity severity, String focusNode, String file, String message) {

    public enum Severity { VIOLATION, WARNING }

    public boolean isWarning() { return severity == Severity.WARNING; }

    @Override public String toString() {
        return file + ": <" + focusNode + "> " + (isWarning() ? "warns" : "breaks") + " [" + rule + "] (" + ruleFile + "): "
                + message;
    }
}
