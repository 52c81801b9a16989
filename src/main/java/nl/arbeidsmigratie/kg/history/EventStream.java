package nl.arbeidsmigratie.kg.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * The changes as a Linked Data Event Stream (LDES, on the TREE specification): one page per release, whose members are
 * the dated statements that release added or changed, each a version object ({@code ldes:versionOfPath
 * dct:isVersionOf}, {@code ldes:timestampPath prov:generatedAtTime}: the release date). {@code /ldes/} is the view:
 * it names the stream and links the first page; each page links the next with a {@code tree:relation}. A page, once a
 * later release exists, never changes (served immutable). IRIs of the stream and its pages are relative
 * ({@code </ldes/…>}), so the pages are right wherever the server runs; members keep their own IRIs.
 */
final class EventStream {
    static final String DIR = "ldes", ROOT = "index.ttl";
    static final String TURTLE = "text/turtle";
    private static final String PREFIXES = """
            @prefix tree: <https://w3id.org/tree#> .
            @prefix ldes: <https://w3id.org/ldes#> .
            @prefix dct:  <http://purl.org/dc/terms/> .
            @prefix prov: <http://www.w3.org/ns/prov#> .
            @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
            """;
    static final String STREAM = "</ldes/#stream>";

    private EventStream() {}

    static String pagePath(String version) { return "/ldes/" + version; }

    static void write(List<Statement> statements, List<History.Version> versions, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder root = new StringBuilder(PREFIXES).append('\n')
                .append(STREAM).append(" a ldes:EventStream ;\n")
                .append("    ldes:timestampPath prov:generatedAtTime ;\n")
                .append("    ldes:versionOfPath dct:isVersionOf ;\n")
                .append("    tree:view </ldes/> .\n\n")
                .append("</ldes/> a tree:Node").append(relation(versions.get(0))).append(" .\n");
        Files.write(dir.resolve(ROOT), root.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < versions.size(); i++) {
            History.Version v = versions.get(i);
            StringBuilder b = new StringBuilder(PREFIXES).append('\n')
                    .append(STREAM).append(" a ldes:EventStream ;\n")
                    .append("    ldes:timestampPath prov:generatedAtTime ;\n")
                    .append("    ldes:versionOfPath dct:isVersionOf .\n\n")
                    .append('<').append(pagePath(v.version())).append("> a tree:Node")
                    .append(i + 1 < versions.size() ? relation(versions.get(i + 1)) : "").append(" .\n");
            List<Statement> members = statements.stream().filter(s -> s.version().equals(v.version())).toList();
            for (Statement s : members) {
                String m = "<" + s.memberIri() + ">";
                b.append('\n').append(STREAM).append(" tree:member ").append(m).append(" .\n")
                        .append(m).append(" dct:isVersionOf <").append(s.iri()).append("> ;\n")
                        .append("    prov:generatedAtTime \"").append(Feeds.dateTime(s.releaseDate())).append("\"^^xsd:dateTime");
                for (Triple t : s.triples())
                    b.append(" ;\n    ").append(NodeFmtLib.strNT(t.getPredicate())).append(' ').append(NodeFmtLib.strNT(t.getObject()));
                b.append(" .\n");
            }
            Files.write(dir.resolve(v.version() + ".ttl"), b.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The link to the page of {@code next}: its members are all generated at or after its release date. */
    private static String relation(History.Version next) {
        return " ;\n    tree:relation [ a tree:GreaterThanOrEqualToRelation ;\n        tree:node <" + pagePath(next.version())
                + "> ;\n        tree:path prov:generatedAtTime ;\n        tree:value \"" + Feeds.dateTime(next.date())
                + "\"^^xsd:dateTime ]";
    }
}
