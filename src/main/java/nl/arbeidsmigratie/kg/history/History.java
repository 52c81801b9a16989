package nl.arbeidsmigratie.kg.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.source.KgSource;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * The releases and what changed between them, built once at {@code mvn package} into {@code kg/release/history/}:
 * the published releases of {@code releases/} ({@link ReleaseArchive}) plus this build's graph when it is not one of
 * them (then it is listed as the current, unpublished release). For each release, in order:
 * <ul>
 * <li>{@code {version}/asserted.nt.gz}: its canonical asserted graph (the archive's bytes);</li>
 * <li>{@code {version}/patch.rdfp}: the RDF Patch (Jena's jena-rdfpatch) that turns the release before it into this
 * one: the removed triples, then the added ones, each sorted;</li>
 * <li>{@code {version}/changes.json}: the summary by kind and the new or changed dated statements;</li>
 * <li>{@code {version}/graph.rt}, {@code catalog.json} for every release but the current: its graph inferred as the
 * current one is, so that a prepared question can be asked of it ({@code version=}).</li>
 * </ul>
 * plus {@code releases.json} (the list), the Atom feeds ({@code feeds/}) and the event stream pages ({@code ldes/}).
 * The same archive and sources always give the same bytes.
 */
public final class History {
    public static final String DIR = "history", LIST = "releases.json", ASSERTED = "asserted.nt.gz",
            PATCH = "patch.rdfp", CHANGES = "changes.json";

    private History() {}

    /** One release as the history sees it. */
    record Version(String version, String date, Graph asserted, boolean published, boolean current) {}

    /** What the graph stored with a release (for {@code version=}) needs: the pipeline of the current build. */
    public interface Stored {
        /** Infers and writes {@code graph.rt} and {@code catalog.json} of an older release into {@code dir}. */
        void write(String version, Graph asserted, Path dir) throws IOException;
    }

    /** The history folder of a built release, beside its dumps. */
    public static Path besideDumps(Path dumps) { return dumps.getParent().resolve(DIR); }

    /** Builds the history into {@code out} (a new folder). */
    public static void write(KnowledgeGraph kg, KgSource source, Path out, Stored stored) {
        Path archive = source.releasesArchive();
        List<Version> versions = new ArrayList<>();
        for (ReleaseArchive.Entry e : ReleaseArchive.read(archive))
            versions.add(new Version(e.version(), e.date(), ReleaseArchive.graph(archive, e), true,
                    e.version().equals(kg.dataVersion())));
        if (versions.stream().noneMatch(Version::current))
            versions.add(new Version(kg.dataVersion(), kg.buildInfo().releaseDate(), kg.asserted(), false, true));
        try {
            Files.createDirectories(out);
            JsonArray list = new JsonArray();
            List<Statement> stream = new ArrayList<>();
            Graph previous = GraphFactory.createDefaultGraph();
            String previousVersion = null;
            for (Version v : versions) {
                Path dir = out.resolve(v.version());
                Files.createDirectories(dir);
                byte[] canonical = ReleaseArchive.canonical(v.asserted());
                Files.write(dir.resolve(ASSERTED), ReleaseArchive.gzip(canonical));
                Diff diff = Diff.of(previous, v.asserted());
                Files.write(dir.resolve(PATCH), patch(diff, previousVersion, v.version()));
                List<Statement> statements = Statement.changedIn(diff, previous, v);
                stream.addAll(statements);
                JsonObject summary = summary(diff, previous, v.asserted());
                JsonObject changes = new JsonObject();
                changes.put("version", v.version());
                changes.put("date", v.date());
                if (previousVersion != null) changes.put("previous", previousVersion);
                changes.put("added", diff.added().size());
                changes.put("removed", diff.removed().size());
                changes.put("summary", summary);
                JsonArray st = new JsonArray();
                statements.forEach(s -> st.add(s.json()));
                changes.put("statements", st);
                Files.writeString(dir.resolve(CHANGES), JSON.toString(changes) + "\n");
                if (!v.current()) stored.write(v.version(), v.asserted(), dir);

                JsonObject entry = new JsonObject();
                entry.put("version", v.version());
                entry.put("date", v.date());
                entry.put("published", v.published());
                entry.put("current", v.current());
                entry.put("triples", v.asserted().size());
                entry.put("added", diff.added().size());
                entry.put("removed", diff.removed().size());
                entry.put("statements", statements.size());
                if (previousVersion != null) entry.put("previous", previousVersion);
                entry.put("summary", summary);
                entry.put("sha256", sha256(Files.readAllBytes(dir.resolve(ASSERTED))));
                list.add(entry);
                previous = v.asserted();
                previousVersion = v.version();
            }
            Files.writeString(out.resolve(LIST), JSON.toString(list) + "\n");
            Feeds.write(stream, versions, kg, out.resolve(Feeds.DIR));
            EventStream.write(stream, versions, out.resolve(EventStream.DIR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The triples one release removed and added, each in canonical order. */
    record Diff(List<Triple> removed, List<Triple> added) {
        static Diff of(Graph before, Graph after) {
            List<Triple> removed = new ArrayList<>(), added = new ArrayList<>();
            before.find().forEachRemaining(t -> { if (!after.contains(t)) removed.add(t); });
            after.find().forEachRemaining(t -> { if (!before.contains(t)) added.add(t); });
            removed.sort((a, b) -> ReleaseArchive.line(a).compareTo(ReleaseArchive.line(b)));
            added.sort((a, b) -> ReleaseArchive.line(a).compareTo(ReleaseArchive.line(b)));
            return new Diff(List.copyOf(removed), List.copyOf(added));
        }

        /** Every subject the release touched, in IRI order. */
        Set<Node> subjects() {
            Set<Node> s = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
            removed.forEach(t -> s.add(t.getSubject()));
            added.forEach(t -> s.add(t.getSubject()));
            return s;
        }
    }

    /** Release id as RDF Patch headers name it: stable, and the same on every build. */
    static Node releaseNode(String version) {
        return NodeFactory.createURI("urn:x-arbeidsmigratie-kg:release:" + version);
    }

    /** The RDF Patch from the release before (none for the first) to this one, written by Jena's text writer. */
    static byte[] patch(Diff diff, String previousVersion, String version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RDFChangesWriterText w = RDFPatchOps.textWriter(bytes);
        w.start();
        w.header("id", releaseNode(version));
        if (previousVersion != null) w.header("prev", releaseNode(previousVersion));
        w.txnBegin();
        for (Triple t : diff.removed()) w.delete(null, t.getSubject(), t.getPredicate(), t.getObject());
        for (Triple t : diff.added()) w.add(null, t.getSubject(), t.getPredicate(), t.getObject());
        w.txnCommit();
        w.finish();
        return bytes.toByteArray();
    }

    /** The kind of thing a changed subject is, for the summary: a status, a source, an ontology term, or a claim. */
    static String kind(Graph g, Node subject) {
        if (subject.isURI() && subject.getURI().startsWith(AM.NS)) return "ontology";
        if (g.contains(subject, RDF.type.asNode(), AM.StatusAssessment)
                || g.contains(subject, RDF.type.asNode(), AM.ScheduledAssessment)) return "status";
        if (subject.isURI() && subject.getURI().startsWith(KG.ID + "bron/")) return "source";
        return "claim";
    }

    /** Per kind, how many things are new, changed or gone. */
    static JsonObject summary(Diff diff, Graph before, Graph after) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Node s : diff.subjects()) {
            boolean was = before.contains(s, Node.ANY, Node.ANY), is = after.contains(s, Node.ANY, Node.ANY);
            String kind = kind(is ? after : before, s);
            int[] c = counts.computeIfAbsent(kind, k -> new int[3]);
            c[!was ? 0 : is ? 1 : 2]++;
        }
        JsonObject o = new JsonObject();
        counts.forEach((k, c) -> {
            JsonObject n = new JsonObject();
            n.put("new", c[0]);
            n.put("changed", c[1]);
            n.put("removed", c[2]);
            o.put(k, n);
        });
        return o;
    }

    static void writeString(Path file, String text) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<Node> objects(Graph g, Node s, Node p) {
        Set<Node> out = new HashSet<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        return out;
    }

    static Map<String, String> labels(Graph g, Node n) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String lang : List.of("nl", "en")) {
            String l = nl.arbeidsmigratie.kg.graph.Labels.label(g, n, lang);
            if (l != null) m.put(lang, l);
        }
        return m;
    }
}
