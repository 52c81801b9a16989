package nl.arbeidsmigratie.kg.query;

import java.util.List;

/** A bad, missing or not-allowed parameter value: the API answers 400 naming the parameter and what is allowed. */
public class ParameterException extends RuntimeException {
    private final String parameter;
    private final List<String> allowed;

    public ParameterException(String parameter, String message, List<String> allowed) {
        super(message);
        this.parameter = parameter;
        this.allowed = allowed;
    }

    public String parameter() { return parameter; }
    public List<String> allowed() { return allowed; }
}
