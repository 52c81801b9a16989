package nl.arbeidsmigratie.kg.load;

/** Bad hand-edited input. The message names the file and line/column, or the focus node and the rule. */
public class KgInputException extends RuntimeException {
    public KgInputException(String message) { super(message); }
    public KgInputException(String message, Throwable cause) { super(message, cause); }
}
