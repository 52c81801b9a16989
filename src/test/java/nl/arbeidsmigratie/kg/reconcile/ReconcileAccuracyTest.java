package nl.arbeidsmigratie.kg.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * Reconciles the names in {@code src/test/resources/reconcile/names.tsv} (written the way people write them) in one
 * batch, as OpenRefine sends it, and measures: the share of names whose first candidate is the expected thing, and
 * for {@code match: true} its precision (sure and right / sure) and recall (sure and right / names the graph has).
 * Writes the table to {@code target/test-artifacts/reconcile-accuracy.tsv} and prints the figures.
 */
class ReconcileAccuracyTest {
    record Row(String name, String expected, String type) {}

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/reconcile/names.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            rows.add(new Row(f[0], f[1].equals("-") ? null : KG.ID + f[1], f.length > 2 ? f[2] : ""));
        }
        return rows;
    }

    /** The batch as OpenRefine sends it: q0, q1, … with the type the user chose for the column. */
    static String batch(List<Row> rows) {
        JsonObject batch = new JsonObject();
        for (int i = 0; i < rows.size(); i++) {
            JsonObject q = new JsonObject();
            q.put("query", new JsonString(rows.get(i).name()));
            if (!rows.get(i).type().isEmpty()) q.put("type", typeId(rows.get(i).type()));
            batch.put("q" + i, q);
        }
        return JSON.toStringFlat(batch);
    }

    static String typeId(String localName) {
        for (Offer.Type t : Offer.TYPES) if (t.id().endsWith("#" + localName) || t.id().endsWith("/" + localName)) return t.id();
        throw new IllegalArgumentException("no type " + localName);
    }

    @Test
    void atLeast95PercentOfRealNamesGetTheRightFirstCandidateAndMatchTrueIsNeverWrong() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 40, "at least 40 names");
        String batch = batch(rows);
        Schemas.assertValid("reconciliation-query-batch", batch);
        String answer = JSON.toStringFlat(ServiceFixture.service().reconcile(batch, "nl"));
        Schemas.assertValid("reconciliation-result-batch", answer);
        JsonObject results = JSON.parse(answer);
        int known = 0, firstRight = 0, sure = 0, sureRight = 0;
        List<String> wrongFirst = new ArrayList<>(), wrongSure = new ArrayList<>();
        StringBuilder tsv = new StringBuilder("name\texpected\tfirst candidate\tscore\tmatch\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            JsonArray cands = results.get("q" + i).getAsObject().get("result").getAsArray();
            String first = cands.isEmpty() ? null : cands.get(0).getAsObject().get("id").getAsString().value();
            boolean match = !cands.isEmpty() && cands.get(0).getAsObject().get("match").getAsBoolean().value();
            for (int k = 1; k < cands.size(); k++)
                assertTrue(!cands.get(k).getAsObject().get("match").getAsBoolean().value(), "only the first can be sure: " + r.name());
            if (r.expected() != null) {
                known++;
                if (r.expected().equals(first)) firstRight++;
                else wrongFirst.add(r.name() + " → " + first);
            }
            if (match) {
                sure++;
                if (r.expected() != null && r.expected().equals(first)) sureRight++;
                else wrongSure.add(r.name() + " → " + first);
            }
            tsv.append(r.name()).append('\t').append(r.expected() == null ? "-" : r.expected().substring(KG.ID.length()))
                    .append('\t').append(first == null ? "-" : first.substring(KG.ID.length())).append('\t')
                    .append(cands.isEmpty() ? "" : cands.get(0).getAsObject().get("score").getAsNumber().value())
                    .append('\t').append(match).append('\n');
        }
        double accuracy = (double) firstRight / known, precision = sure == 0 ? 1 : (double) sureRight / sure,
                recall = (double) sureRight / known;
        String summary = String.format(Locale.ROOT,
                "# %d names (%d the graph has): first candidate right %d (%.1f %%); match:true %d, precision %.3f, recall %.3f%n",
                rows.size(), known, firstRight, 100 * accuracy, sure, precision, recall);
        tsv.append(summary);
        Path dir = Path.of(System.getProperty("kg.artifacts", "target/test-artifacts"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("reconcile-accuracy.tsv"), tsv);
        System.out.print(summary);
        if (!wrongFirst.isEmpty()) System.out.println("# first candidate wrong: " + wrongFirst);
        assertEquals(List.of(), wrongSure, "match:true only where sure");
        assertTrue(accuracy >= 0.95, summary + " wrong: " + wrongFirst);
    }
}
