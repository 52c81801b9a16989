package nl.arbeidsmigratie.kg.sparql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;

/**
 * The W3C SPARQL 1.0 and 1.1 query-evaluation tests, read from their manifests (the copy in
 * {@code src/test/w3c-sparql-tests}: the parts of the W3C suites the tests use, under the W3C test-suite licence; or
 * {@code -Dw3c.tests=DIR}): for each test its query file, default-graph data, named-graph data and expected result.
 */
final class W3cSuite {
    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
    static final String DAWGT = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";

    record Case(String name, Path query, List<Path> data, List<Path> graphData, Path result) {
        @Override public String toString() { return name; }
    }

    private W3cSuite() {}

    static Path root() {
        Path root = Path.of(System.getProperty("w3c.tests", "src/test/w3c-sparql-tests/sparql")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("sparql11")))
            throw new IllegalStateException("the W3C SPARQL tests are not at " + root.toAbsolutePath()
                    + " (give -Dw3c.tests=DIR)");
        return root;
    }

    /** Every approved (or not yet reviewed) QueryEvaluationTest of both suites. */
    static List<Case> queryEvaluationTests() {
        Path root = root();
        List<Case> out = new ArrayList<>();
        for (String m : List.of("sparql10/manifest-evaluation.ttl", "sparql11/manifest-sparql11-query.ttl"))
            collect(root.resolve(m), out, root);
        return out;
    }

    private static void collect(Path manifest, List<Case> out, Path root) {
        Model m = RDFDataMgr.loadModel(manifest.toUri().toString());
        Resource self = m.createResource(manifest.toUri().toString());
        RDFNode includes = self.getPropertyResourceValue(m.createProperty(MF + "include"));
        if (includes != null) {
            for (RDFNode inc : includes.as(org.apache.jena.rdf.model.RDFList.class).asJavaList())
                collect(Path.of(java.net.URI.create(inc.asResource().getURI())), out, root);
        }
        Resource entries = self.getPropertyResourceValue(m.createProperty(MF + "entries"));
        if (entries == null) return;
        for (RDFNode e : entries.as(org.apache.jena.rdf.model.RDFList.class).asJavaList()) {
            Resource t = e.asResource();
            if (!t.hasProperty(RDF.type, m.createResource(MF + "QueryEvaluationTest"))) continue;
            Resource approval = t.getPropertyResourceValue(m.createProperty(DAWGT + "approval"));
            if (approval != null && approval.getURI().endsWith("Withdrawn")) continue;
            Resource action = t.getPropertyResourceValue(m.createProperty(MF + "action"));
            Resource result = t.getPropertyResourceValue(m.createProperty(MF + "result"));
            Path query = file(action.getPropertyResourceValue(m.createProperty(QT + "query")));
            List<Path> data = files(action, m.createProperty(QT + "data"));
            List<Path> graphData = files(action, m.createProperty(QT + "graphData"));
            String name = root.relativize(manifest.getParent()).toString() + "/" + localName(t);
            out.add(new Case(name, query, data, graphData, result == null ? null : file(result)));
        }
    }

    private static List<Path> files(Resource action, org.apache.jena.rdf.model.Property p) {
        List<Path> out = new ArrayList<>();
        // A named graph is a file, or a node with the file as qt:graph (and a label as its name).
        action.listProperties(p).forEachRemaining(s -> {
            Resource r = s.getResource();
            Resource g = r.isAnon() ? r.getPropertyResourceValue(r.getModel().createProperty(QT + "graph")) : r;
            if (g != null) out.add(file(g));
        });
        out.sort(null);
        return out;
    }

    private static Path file(Resource r) {
        return Path.of(java.net.URI.create(r.getURI()));
    }

    private static String localName(Resource r) {
        String u = r.getURI();
        return u.substring(Math.max(u.lastIndexOf('#'), u.lastIndexOf('/')) + 1);
    }

    static Node iri(Path p) {
        return org.apache.jena.graph.NodeFactory.createURI(p.toUri().toString());
    }
}
