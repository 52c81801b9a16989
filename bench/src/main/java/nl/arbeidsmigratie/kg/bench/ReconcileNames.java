package nl.arbeidsmigratie.kg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/** The 100 names of the reconciliation test list ({@code src/test/resources/reconcile/names.tsv}), with their types. */
final class ReconcileNames {
    static final Path FILE = Path.of("src/test/resources/reconcile/names.tsv");
    private static final String DEF = "https://w3id.org/arbeidsmigratie/def#";

    private ReconcileNames() {}

    static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8))
            if (!line.isBlank() && !line.startsWith("#")) rows.add(line.split("\t", -1));
        if (rows.size() != 100) throw new IllegalStateException(FILE + " should hold 100 names, not " + rows.size());
        return rows;
    }

    static List<String> names() throws IOException {
        return rows().stream().map(r -> r[0]).toList();
    }

    /** The batch as OpenRefine sends it: q0 … q99, each with the type its column was given. */
    static String batch() throws IOException {
        JsonObject batch = new JsonObject();
        List<String[]> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            JsonObject q = new JsonObject();
            q.put("query", rows.get(i)[0]);
            String t = rows.get(i).length > 2 ? rows.get(i)[2] : "";
            if (!t.isEmpty()) q.put("type", switch (t) {
                case "LegalResource" -> "http://data.europa.eu/eli/ontology#LegalResource";
                case "Person" -> "http://xmlns.com/foaf/0.1/Person";
                default -> DEF + t;
            });
            batch.put("q" + i, q);
        }
        return JSON.toStringFlat(batch);
    }
}
