package nl.arbeidsmigratie.kg.load;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;

/** Which source files describe which subject: lets a rule violation name the file to fix. */
public final class Origins {
    private final Map<Node, Set<String>> files = new HashMap<>();

    void record(Node subject, String file) {
        files.computeIfAbsent(subject, k -> new TreeSet<>()).add(file);
    }

    /** e.g. {@code data/laws.ttl}, or "(inferred)" for a node no file describes. */
    public String of(Node subject) {
        Set<String> f = files.get(subject);
        return f == null ? "(no source file)" : String.join(", ", f);
    }
}
