package nl.arbeidsmigratie.kg.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import nl.arbeidsmigratie.kg.vocab.KG;

/**
 * {@code Synthetic TRIPLES OUT.rt}: grows the graph to about TRIPLES triples with synthetic but ontology-valid data,
 * written as RDF Thrift. Never part of the release or the dumps.
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

    /** Writes copies until the real graph plus the copies reach {@code target} triples; returns the triples written. */
    static long write(Graph real, long target, Path out) throws Exception {
        List<Triple> template = new ArrayList<>();
        real.find().forEachRemaining(t -> { if (cloned(t.getSubject())) template.add(t); });
        long copies = Math.max(0, (target - real.size() + template.size() - 1) / template.size());
        long written = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            StreamRDF w = StreamRDFWriter.getWriterStream(os, RDFFormat.RDF_THRIFT_VALUES);
            w.start();
            for (long c = 1; c <= copies; c++) {
                String suffix = " (synthetic " + c + ")";
                String base = KG.SYNTHETIC + c + "/";
                for (Triple t : template) {
                    Node o = t.getObject();
                    if ((t.getPredicate().equals(RDFS.label.asNode()) || t.getPredicate().equals(SKOS.prefLabel.asNode()))
                            && o.isLiteral()) {
                        o = NodeFactory.createLiteralLang(o.getLiteralLexicalForm() + suffix, o.getLiteralLanguage());
                    } else {
                        o = move(o, base);
                    }
                    w.triple(Triple.create(move(t.getSubject(), base), t.getPredicate(), o));
                    written++;
                }
            }
            w.finish();
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
