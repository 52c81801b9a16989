package nl.arbeidsmigratie.kg.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.graph.GraphFactory;

import nl.arbeidsmigratie.kg.graph.BuildInfo;
import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.load.Loader;
import nl.arbeidsmigratie.kg.load.Origins;
import nl.arbeidsmigratie.kg.source.KgSource;

/**
 * {@code publish}: records the sources' graph as a published release in the archive ({@code releases/}) and writes
 * {@code CHANGELOG.md} beside it from the same differences the server shows. Run it when you cut a release (the
 * moment you set {@code project.build.outputTimestamp}), then commit both.
 */
public final class Publish {
    private Publish() {}

    /** What was done, for the command's output. */
    public record Result(String version, String date, long triples, boolean added, Path archive) {}

    /**
     * @param checked false only to import history (an old commit's data) that today's rules might refuse: then it is
     *                parsed and skolemised as the build does, not validated
     */
    public static Result publish(KgSource source, Path archive, String date, boolean checked) {
        Graph asserted;
        String version;
        if (checked) {
            KnowledgeGraph kg = KnowledgeGraph.build(source);
            asserted = kg.asserted();
            version = kg.dataVersion();
        } else {
            asserted = GraphFactory.createDefaultGraph();
            Origins origins = new Origins();
            Loader.load(source, source.ontologyFiles(), new PrefixMappingImpl(), origins).find().forEachRemaining(asserted::add);
            Loader.load(source, source.dataFiles(), new PrefixMappingImpl(), origins).find().forEachRemaining(asserted::add);
            version = BuildInfo.load().version() + "+" + KnowledgeGraph.digest(asserted).substring(0, 12);
        }
        if (date == null) date = BuildInfo.load().releaseDate();
        boolean added = ReleaseArchive.append(archive, version, date, asserted);
        // With the release, its questions. An older release that has none gets them only from an import of its own
        // sources (--unchecked, the way history is imported): never today's questions filed as an old release's.
        if (added || !checked) ReleaseArchive.keepQueries(archive, version, source.queryFiles(), source.deriveFiles());
        writeChangelog(archive, archive.toAbsolutePath().getParent().resolve("CHANGELOG.md"));
        return new Result(version, date, asserted.size(), added, archive);
    }

    /** CHANGELOG.md: one section per published release, newest first, from the archive alone. */
    public static void writeChangelog(Path archive, Path file) {
        List<ReleaseArchive.Entry> entries = ReleaseArchive.read(archive);
        List<String> sections = new ArrayList<>();
        Graph previous = GraphFactory.createDefaultGraph();
        String previousVersion = null;
        for (ReleaseArchive.Entry e : entries) {
            Graph g = ReleaseArchive.graph(archive, e);
            History.Diff diff = History.Diff.of(previous, g);
            History.Version v = new History.Version(e.version(), e.date(), g, true, false);
            List<Statement> statements = Statement.changedIn(diff, previous, v);
            sections.add(0, section(e, previousVersion, diff, History.summary(diff, previous, g), statements));
            previous = g;
            previousVersion = e.version();
        }
        String text = "# Changelog\n\nWritten by `publish` from `releases/` (the same differences as `/changes/` on the "
                + "server); do not edit. Each release: its date, the triples added and removed (the RDF Patch is "
                + "`/changes/{version}.rdfp`), a summary by kind, and the new or changed dated statements.\n\n"
                + String.join("\n", sections);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String section(ReleaseArchive.Entry e, String previousVersion, History.Diff diff,
                                  org.apache.jena.atlas.json.JsonObject summary, List<Statement> statements) {
        StringBuilder b = new StringBuilder("## ").append(e.version()).append(" (").append(e.date()).append(")\n\n");
        b.append(previousVersion == null ? "First release: " : "Since " + previousVersion + ": ")
                .append(diff.added().size()).append(" triples added, ").append(diff.removed().size())
                .append(" removed; ").append(e.triples()).append(" asserted triples in all.\n\n");
        for (Map.Entry<String, org.apache.jena.atlas.json.JsonValue> k : summary.entrySet()) {
            var n = k.getValue().getAsObject();
            b.append("- ").append(k.getKey()).append(": ").append(n.get("new")).append(" new, ")
                    .append(n.get("changed")).append(" changed, ").append(n.get("removed")).append(" removed\n");
        }
        if (previousVersion != null && !statements.isEmpty()) {
            b.append("\nNew or changed dated statements / Nieuwe of gewijzigde gedateerde uitspraken:\n\n");
            for (Statement s : statements)
                b.append("- ").append(s.asOf() == null ? "" : s.asOf() + ": ").append(s.label("en"))
                        .append(s.scheduled() ? " (scheduled / gepland)" : "").append(" — ").append(s.label("nl"))
                        .append(" <").append(s.iri()).append(">\n");
        }
        return b.toString();
    }

}
