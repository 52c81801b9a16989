package nl.arbeidsmigratie.kg.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.testsupport.Graphs;

/** Every dump, read back by an independent parser (RDF4J Rio), is isomorphic to the graph Jena holds. */
class DumpsTest {
    @TempDir
    static Path out;
    private static Map<String, String> sums;
    private static KnowledgeGraph kg;

    @BeforeAll
    static void write() {
        kg = Graphs.real();
        sums = Dumps.write(kg, out);
    }

    @ParameterizedTest
    @EnumSource(value = Dumps.Distribution.class, names = {"TRIG"}, mode = EnumSource.Mode.EXCLUDE)
    void everyDumpParsedByRio4jIsIsomorphicToJenasGraph(Dumps.Distribution d) throws IOException {
        Graph fromRio = toJena(parse(out.resolve(d.file), rioFormat(d)));
        assertEquals(kg.all().size(), fromRio.size(), d.file);
        assertTrue(kg.all().isIsomorphicWith(fromRio), d.file + " is not isomorphic to the served graph");
    }

    @Test
    void trigKeepsAssertedAndInferredInSeparateNamedGraphs() throws IOException {
        Model m = parse(out.resolve(Dumps.Distribution.TRIG.file), RDFFormat.TRIG);
        var factory = org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance();
        IRI asserted = factory.createIRI(nl.arbeidsmigratie.kg.vocab.KG.GRAPH_ASSERTED);
        IRI inferred = factory.createIRI(nl.arbeidsmigratie.kg.vocab.KG.GRAPH_INFERRED);
        assertEquals(kg.asserted().size(), m.filter(null, null, null, asserted).size());
        assertEquals(kg.inferred().size(), m.filter(null, null, null, inferred).size());
    }

    @Test
    void sha256sumsListsEveryFileWithItsRealChecksum() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve(Dumps.SUMS_FILE));
        assertEquals(sums.size(), lines.size());
        for (String line : lines) {
            String[] parts = line.split("  ");
            assertEquals(nl.arbeidsmigratie.kg.digest.Sha256.hex(out.resolve(parts[1])), parts[0], parts[1]);
        }
    }

    @Test
    void voidDescribesTriplesDistributionsChecksumsLicenceVersionAndSource() throws IOException {
        Graph v = GraphFactory.createDefaultGraph();
        RDFParser.source(out.resolve(Dumps.VOID_FILE)).parse(v);
        assertTrue(Graphs.ask(v, "<" + nl.arbeidsmigratie.kg.vocab.KG.DATASET + "> a <http://rdfs.org/ns/void#Dataset> ;"
                + " <http://rdfs.org/ns/void#triples> " + kg.all().size() + " ;"
                + " dct:license <https://creativecommons.org/licenses/by/4.0/> ; dct:source bron:rapport ;"
                + " <http://www.w3.org/2002/07/owl#versionInfo> ?ver ;"
                + " <http://rdfs.org/ns/void#sparqlEndpoint> ?ep"));
        for (Dumps.Distribution d : Dumps.Distribution.values()) {
            long size = Files.size(out.resolve(d.file));
            assertTrue(Graphs.ask(v, "?dist <http://www.w3.org/ns/dcat#downloadURL> ?u ;"
                    + " <http://www.w3.org/ns/dcat#byteSize> ?size ;"
                    + " <http://www.w3.org/ns/dcat#mediaType> ?mt ;"
                    + " <http://spdx.org/rdf/terms#checksum> [ <http://spdx.org/rdf/terms#checksumValue> ?sum ]"
                    + " FILTER(STRENDS(STR(?u), '/" + d.file + "') && STR(?sum) = '" + sums.get(d.file) + "' && ?size = " + size + ")"),
                    d.file);
        }
    }

    @Test
    void voidFollowsDcatApWithTheDutchChoices() throws IOException {
        Graph v = GraphFactory.createDefaultGraph();
        RDFParser.source(out.resolve(Dumps.VOID_FILE)).parse(v);
        String ds = "<" + nl.arbeidsmigratie.kg.vocab.KG.DATASET + ">";
        String eu = "<http://publications.europa.eu/resource/authority/";
        for (String fact : List.of(
                ds + " dct:publisher ?p . ?p a <http://xmlns.com/foaf/0.1/Agent> ; <http://xmlns.com/foaf/0.1/name> ?n",
                ds + " <http://www.w3.org/ns/dcat#contactPoint> ?c . ?c <http://www.w3.org/2006/vcard/ns#fn> ?fn ;"
                        + " <http://www.w3.org/2006/vcard/ns#hasURL> ?u",
                ds + " <http://www.w3.org/ns/dcat#theme> " + eu + "data-theme/SOCI>",
                ds + " <http://www.w3.org/ns/dcat#theme> <http://standaarden.overheid.nl/owms/terms/Migratie_en_integratie>",
                ds + " dct:language " + eu + "language/NLD>, " + eu + "language/ENG>",
                ds + " dct:accessRights " + eu + "access-right/PUBLIC>",
                ds + " dct:conformsTo <https://w3id.org/arbeidsmigratie/def>",
                ds + " dct:issued ?i ; dct:modified ?m FILTER(datatype(?i) = xsd:date && ?m = ?i)",
                ds + " <http://www.w3.org/ns/dcat#distribution> ?d . ?d dct:format " + eu + "file-type/RDF_TURTLE>",
                "?s a <http://www.w3.org/ns/dcat#DataService> ; <http://www.w3.org/ns/dcat#servesDataset> " + ds
                        + " ; <http://www.w3.org/ns/dcat#endpointURL> ?e"))
            assertTrue(Graphs.ask(v, fact), fact);
        // The dates are the release's, never the clock's.
        assertTrue(Graphs.ask(v, ds + " dct:modified '" + kg.buildInfo().releaseDate() + "'^^xsd:date"));
    }

    @Test
    void voidHasNoBlankNodesAndEveryNodeHasLabelsInBothLanguages() throws IOException {
        Graph v = GraphFactory.createDefaultGraph();
        RDFParser.source(out.resolve(Dumps.VOID_FILE)).parse(v);
        v.find().forEachRemaining(t -> assertFalse(t.getSubject().isBlank() || t.getObject().isBlank(), t.toString()));
        assertEquals(List.of(), Graphs.values(v, "SELECT ?s { ?s ?p ?o FILTER(STRSTARTS(STR(?s), 'https://w3id.org/'))"
                + " FILTER NOT EXISTS { ?s rdfs:label|dct:title|<http://xmlns.com/foaf/0.1/name> ?l FILTER(lang(?l) = 'nl') }"
                + " FILTER(!STRSTARTS(STR(?s), 'https://w3id.org/arbeidsmigratie/def')) } GROUP BY ?s"),
                "every node void.ttl mints is named in Dutch (the ontology is named in the ontology)");
    }

    @Test
    void theSameGraphGivesAByteIdenticalVoid(@TempDir Path again) throws IOException {
        Dumps.write(kg, again);
        assertEquals(Files.readString(out.resolve(Dumps.VOID_FILE)), Files.readString(again.resolve(Dumps.VOID_FILE)));
        assertEquals(Files.readString(out.resolve(Dumps.SUMS_FILE)), Files.readString(again.resolve(Dumps.SUMS_FILE)));
    }

    private static RDFFormat rioFormat(Dumps.Distribution d) {
        return switch (d) {
            case TURTLE -> RDFFormat.TURTLE;
            case NTRIPLES_GZ -> RDFFormat.NTRIPLES;
            case JSONLD -> RDFFormat.JSONLD;
            case RDFXML -> RDFFormat.RDFXML;
            case TRIG -> RDFFormat.TRIG;
        };
    }

    static Model parse(Path file, RDFFormat format) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return Rio.parse(in, "https://w3id.org/arbeidsmigratie/", format);
        }
    }

    static Graph toJena(Model m) {
        Graph g = GraphFactory.createDefaultGraph();
        for (Statement s : m) g.add(Triple.create(node(s.getSubject()), node(s.getPredicate()), node(s.getObject())));
        return g;
    }

    private static Node node(Value v) {
        if (v instanceof IRI iri) return NodeFactory.createURI(iri.stringValue());
        if (v instanceof BNode b) return NodeFactory.createBlankNode(b.getID());
        Literal l = (Literal) v;
        if (l.getLanguage().isPresent()) return NodeFactory.createLiteralLang(l.getLabel(), l.getLanguage().get());
        return NodeFactory.createLiteralDT(l.getLabel(),
                org.apache.jena.datatypes.TypeMapper.getInstance().getSafeTypeByName(l.getDatatype().stringValue()));
    }
}
