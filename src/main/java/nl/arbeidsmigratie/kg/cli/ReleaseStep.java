package nl.arbeidsmigratie.kg.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The release step of {@code mvn package}, run inside Maven's own JVM by the exec plugin's {@code java} goal. It
 * never calls {@link System#exit}: bad input ends in an exception whose message is ours (file:line:column, or the rule
 * and focus node), and Maven prints that message on its {@code [ERROR]} lines, with and without {@code -q}. (Run in a
 * forked JVM by Ant, the same failure reached the user as "Java returned: 2", our message only on an INFO line.)
 */
public final class ReleaseStep {
    private ReleaseStep() {}

    /** Thrown when the sources are bad; its message is what {@code release} printed to stderr. */
    public static final class BadSources extends RuntimeException {
        BadSources(String message) { super(message, null, false, false); }
    }

    /** Same arguments as {@code release}: {@code --out DIR [--source DIR]}. */
    public static void main(String[] args) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        String[] full = new String[args.length + 1];
        full[0] = "release";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = Main.run(full, System.out, err);
        // Warnings are printed as before (they never stop the build); the error becomes Maven's failure message.
        StringBuilder message = new StringBuilder();
        for (String line : errors.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("warning: ")) System.err.println(line);
            else if (code != Main.OK && !line.isBlank() && !line.equals("Nothing was written or served."))
                message.append(message.length() == 0 ? "" : "\n").append(line.startsWith("error: ") ? line.substring(7) : line);
        }
        if (code != Main.OK)
            throw new BadSources(message.length() == 0 ? "release failed with exit status " + code : message.toString());
    }
}
