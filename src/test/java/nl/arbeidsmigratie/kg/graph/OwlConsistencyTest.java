package nl.arbeidsmigratie.kg.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2RLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

import nl.arbeidsmigratie.kg.testsupport.Graphs;

/** An independent OWL reasoner (HermiT, through the OWL API) finds ontology plus data consistent. */
class OwlConsistencyTest {

    private static OWLOntology load(Graph g) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(RDFFormat.RDFXML_PLAIN).output(out);
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        return m.loadOntologyFromOntologyDocument(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void ontologyPlusDataIsConsistentForHermit() throws Exception {
        OWLOntology ont = load(Graphs.real().asserted());
        OWLReasoner r = new ReasonerFactory().createReasoner(ont);
        try {
            assertTrue(r.isConsistent(), "HermiT finds ontology + data inconsistent");
            assertTrue(r.getUnsatisfiableClasses().getEntitiesMinusBottom().isEmpty(),
                    "unsatisfiable classes: " + r.getUnsatisfiableClasses().getEntitiesMinusBottom());
        } finally {
            r.dispose();
        }
    }

    @Test
    void ontologyIsWithinTheOwl2RlProfile() throws Exception {
        OWLProfileReport report = new OWL2RLProfile().checkOntology(load(Graphs.real().ontology()));
        assertTrue(report.isInProfile(), report.getViolations().stream().map(Object::toString)
                .limit(20).collect(Collectors.joining("\n")));
    }
}
