package nl.arbeidsmigratie.kg.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * {@code Synthetic TRIPLES OUT.nt}: grows the graph to about TRIPLES triples with synthetic but ontology-valid data,
 * written as N-Triples. Never part of the release or the dumps.
 *
 * <p>Each synthetic copy is a world of its own, shaped exactly like the validated real graph (asserted and inferred
 * triples alike): its own organisations (temp agencies, inspectorates, municipalities…), sources and reports, their
 * recommendations, measures and laws with their dated status assessments, critiques, figures with their periods
 * and data sets. Its resources live under {@code …/synthetic/{n}/id/…}, and their labels say "(synthetic n)". They
 * point at the shared code lists (themes, statuses, problems, sectors, groups, countries, precisions, assessment
 * kinds, terms) and the ontology, as real data does, so every prepared question sees them: the cost of every
 * question grows with the graph as it would if the world got bigger.
 */
public final class Synthetic {
    /** Code lists every copy shares: the questions' allowed values come from these. */
    static final Set<String> SHARED = Set.of("probleem", "sector", "lijst", "groep", "thema", "land", "status",
            "beoordelingssoort", "termijn", "precisie");

    public static void main(String[] args) throws Exception {
        long target = Long.parseLong(args[0].replace("_", ""));
        Path out = Path.of(args[1]);
        Graph all = Engines.release().kg().all();
        long n = write(all, target, out);
        System.out.println("synthetic: " + n + " triples (" + (n + all.size()) + " with the real graph) in " + out);
    }

    /**
     * Writes copies until the real graph plus the copies reach {@code target} triples, as N-Triples; returns the
     * triples written. Each template triple is rendered once, split where the copy number goes, so writing a copy is
     * copying bytes.
     */
    static long write(Graph real, long target, Path out) throws Exception {
        List<byte[][]> template = new ArrayList<>();
        String marker = "\u0000";
        real.find().forEachRemaining(t -> {
            if (!cloned(t.getSubject())) return;
            Node o = t.getObject();
            boolean label = (t.getPredicate().equals(RDFS.label.asNode()) || t.getPredicate().equals(SKOS.prefLabel.asNode()))
                    && o.isLiteral();
            Node o2 = label ? NodeFactory.createLiteralLang(o.getLiteralLexicalForm() + " (synthetic " + marker + ")",
                    o.getLiteralLanguage()) : move(o, KG.SYNTHETIC + marker + "/");
            String line = NodeFmtLib.strNT(move(t.getSubject(), KG.SYNTHETIC + marker + "/")) + " "
                    + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(o2) + " .\n";
            line = line.replace("\\u0000", marker);
            String[] parts = line.split(marker, -1);
            byte[][] bytes = new byte[parts.length][];
            for (int i = 0; i < parts.length; i++) bytes[i] = parts[i].getBytes(StandardCharsets.UTF_8);
            template.add(bytes);
        });
        long copies = Math.max(0, (target - real.size() + template.size() - 1) / template.size());
        long written = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            for (long c = 1; c <= copies; c++) {
                byte[] n = Long.toString(c).getBytes(StandardCharsets.US_ASCII);
                for (byte[][] parts : template) {
                    for (int i = 0; i < parts.length; i++) {
                        if (i > 0) os.write(n);
                        os.write(parts[i]);
                    }
                    written++;
                }
            }
        }
        return written;
    }

    /** A resource of the real world that each copy gets its own of (not a shared code list, not a term). */
    static boolean cloned(Node n) {
        if (!n.isURI()) return false;
        String iri = n.getURI();
        if (iri.startsWith(KG.GENID)) return true;
        if (!iri.startsWith(KG.ID)) return false;
        String rest = iri.substring(KG.ID.length());
        int slash = rest.indexOf('/');
        return slash > 0 && !SHARED.contains(rest.substring(0, slash));
    }

    static Node move(Node n, String base) {
        if (!cloned(n)) return n;
        return NodeFactory.createURI(base + n.getURI().substring(KG.BASE.length()));
    }
}
