package nl.arbeidsmigratie.kg.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import nl.arbeidsmigratie.kg.graph.Labels;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.PROV;

/**
 * A dated statement (a status assessment) that a release added or changed: what the feeds and the event stream
 * announce. It belongs to the release that published it, whatever date it is about, so a back-dated statement is
 * still news.
 */
record Statement(String iri, String version, String releaseDate, boolean isNew, String asOf, String status,
                 Map<String, String> label, Map<String, String> statusLabel, Map<String, String> description,
                 List<String> items, List<String> bodies, List<String> sources, boolean scheduled, List<Triple> triples) {

    /** The statements of a release: status assessments it added or changed (not the ones it removed). */
    static List<Statement> changedIn(History.Diff diff, Graph before, History.Version v) {
        Graph g = v.asserted();
        List<Statement> out = new ArrayList<>();
        for (Node s : diff.subjects()) {
            if (!s.isURI() || !g.contains(s, Node.ANY, Node.ANY) || !"status".equals(History.kind(g, s))) continue;
            TreeSet<String> items = new TreeSet<>();
            History.objects(g, s, AM.assessmentOf).forEach(n -> items.add(n.getURI()));
            g.find(Node.ANY, AM.hasStatus, s).forEachRemaining(t -> items.add(t.getSubject().getURI()));
            TreeSet<String> bodies = new TreeSet<>();
            for (String item : items) {
                Node i = org.apache.jena.graph.NodeFactory.createURI(item);
                for (Node p : List.of(AM.responsibleBody, AM.addressedTo, AM.enforcedBy))
                    History.objects(g, i, p).stream().filter(Node::isURI).forEach(n -> bodies.add(n.getURI()));
                // "organisation am:enforces law" is the other way round
                g.find(Node.ANY, org.apache.jena.graph.NodeFactory.createURI(AM.NS + "enforces"), i)
                        .forEachRemaining(t -> { if (t.getSubject().isURI()) bodies.add(t.getSubject().getURI()); });
            }
            TreeSet<String> sources = new TreeSet<>();
            History.objects(g, s, PROV.wasDerivedFrom).stream().filter(Node::isURI).forEach(n -> sources.add(n.getURI()));
            Node status = History.objects(g, s, AM.status).stream().findFirst().orElse(null);
            Node asOf = History.objects(g, s, AM.asOf).stream().findFirst().orElse(null);
            Map<String, String> description = new java.util.LinkedHashMap<>();
            for (String lang : List.of("nl", "en")) {
                String d = Labels.literal(g, s, DCTerms.description.asNode(), lang);
                if (d != null) description.put(lang, d);
            }
            List<Triple> triples = new ArrayList<>(g.find(s, Node.ANY, Node.ANY).toList());
            triples.sort(Comparator.comparing(ReleaseArchive::line));
            out.add(new Statement(s.getURI(), v.version(), v.date(), !before.contains(s, Node.ANY, Node.ANY),
                    asOf == null ? null : asOf.getLiteralLexicalForm(), status == null ? null : status.getURI(),
                    History.labels(g, s), status == null ? Map.of() : History.labels(g, status), description,
                    List.copyOf(items), List.copyOf(bodies), List.copyOf(sources),
                    g.contains(s, RDF.type.asNode(), AM.ScheduledAssessment), List.copyOf(triples)));
        }
        return out;
    }

    String label(String lang) { return label.getOrDefault(lang, label.getOrDefault("nl", iri)); }

    /** The identity of this statement as this release published it (an LDES member, an Atom entry). */
    String memberIri() { return iri + "#release-" + version; }

    JsonObject json() {
        JsonObject o = new JsonObject();
        o.put("iri", iri);
        o.put("new", isNew);
        if (asOf != null) o.put("asOf", asOf);
        if (status != null) o.put("status", status);
        o.put("scheduled", scheduled);
        o.put("label", map(label));
        o.put("statusLabel", map(statusLabel));
        o.put("description", map(description));
        o.put("items", array(items));
        o.put("bodies", array(bodies));
        o.put("sources", array(sources));
        return o;
    }

    private static JsonObject map(Map<String, String> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::put);
        return o;
    }

    private static JsonArray array(List<String> l) {
        JsonArray a = new JsonArray();
        l.forEach(a::add);
        return a;
    }
}
