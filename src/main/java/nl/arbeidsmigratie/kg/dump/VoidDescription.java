package nl.arbeidsmigratie.kg.dump;

import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.IANA;
import nl.arbeidsmigratie.kg.vocab.KG;
import nl.arbeidsmigratie.kg.vocab.PROV;
import nl.arbeidsmigratie.kg.vocab.SPDX;

/** The VoID + DCAT description of the dataset and its distributions, computed from the graph and the files. */
public final class VoidDescription {
    public record FileInfo(Dumps.Distribution distribution, long bytes, String sha256) {}

    public static final String LICENSE = KG.LICENSE;

    private VoidDescription() {}

    public static Graph describe(KnowledgeGraph kg, List<FileInfo> files) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("void", VOID.NS).setNsPrefix("dcat", DCAT.NS).setNsPrefix("dct", DCTerms.NS)
         .setNsPrefix("spdx", SPDX.NS).setNsPrefix("owl", OWL.NS).setNsPrefix("xsd", XSDDatatype.XSD + "#")
         .setNsPrefix("rdfs", RDFS.uri);
        Resource ds = m.createResource(KG.DATASET)
                .addProperty(RDF.type, VOID.Dataset)
                .addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.title, m.createLiteral("Arbeidsmigratie KG", "nl"))
                .addProperty(DCTerms.title, m.createLiteral("Labour Migration KG", "en"))
                .addProperty(RDFS.label, m.createLiteral("Arbeidsmigratie KG", "nl"))
                .addProperty(RDFS.label, m.createLiteral("Labour Migration KG", "en"))
                .addProperty(DCTerms.description, m.createLiteral(
                        "Kennisgraaf van arbeidsmigratie in Nederland: problemen, aanbevelingen, beleid, status, "
                        + "kritiek en cijfers, elk met bron.", "nl"))
                .addProperty(DCTerms.description, m.createLiteral(
                        "Knowledge graph of labour migration in the Netherlands: problems, recommendations, "
                        + "policy responses, dated status, critique and figures, each with its source.", "en"))
                .addProperty(DCTerms.license, m.createResource(LICENSE))
                .addProperty(OWL.versionInfo, kg.buildInfo().version())
                .addProperty(DCTerms.hasVersion, kg.dataVersion())
                .addProperty(DCTerms.source, m.createResource(KG.REPORT))
                .addProperty(m.createProperty(PROV.wasDerivedFrom.getURI()), m.createResource(KG.REPORT))
                .addProperty(VOID.sparqlEndpoint, m.createResource(KG.BASE + "kg/sparql"))
                .addProperty(VOID.uriSpace, KG.ID)
                .addProperty(VOID.vocabulary, m.createResource(AM.NS))
                .addProperty(VOID.rootResource, m.createResource(KG.REPORT))
                .addLiteral(VOID.triples, count(m, kg.all().size()));
        // The release date from the pom (project.build.outputTimestamp), never the clock: same commit, same bytes.
        if (!"unknown".equals(kg.buildInfo().releaseDate()))
            ds.addProperty(DCTerms.modified, m.createTypedLiteral(kg.buildInfo().releaseDate(), XSDDatatype.XSDdate))
                    .addProperty(DCTerms.issued, m.createTypedLiteral(kg.buildInfo().releaseDate(), XSDDatatype.XSDdate));
        subset(m, ds, KG.GRAPH_ASSERTED, "asserted", "what the ontology and data files say", kg.asserted().size());
        subset(m, ds, KG.GRAPH_INFERRED, "inferred", "what the OWL RL rules add", kg.inferred().size());

        for (FileInfo f : files) {
            String url = KG.BASE + "dumps/" + f.distribution().file;
            String distIri = KG.ID + "dataset/distributie/" + f.distribution().file.replace('.', '-');
            Resource dist = m.createResource(distIri)
                    .addProperty(RDF.type, DCAT.Distribution)
                    .addProperty(RDFS.label, m.createLiteral(f.distribution().file, "nl"))
                    .addProperty(RDFS.label, m.createLiteral(f.distribution().file, "en"))
                    .addProperty(DCAT.downloadURL, m.createResource(url))
                    .addProperty(DCAT.accessURL, m.createResource(url))
                    .addProperty(DCAT.mediaType, m.createResource(
                            IANA.mediaType(f.distribution().mediaType)))
                    .addProperty(DCTerms.format, f.distribution().mediaType)
                    .addLiteral(DCAT.byteSize, m.createTypedLiteral(Long.toString(f.bytes()),
                            XSDDatatype.XSDnonNegativeInteger))
                    .addProperty(DCTerms.license, m.createResource(LICENSE))
                    .addProperty(SPDX.checksum, m.createResource(distIri + "-sha256")
                            .addProperty(RDF.type, SPDX.Checksum)
                            .addProperty(SPDX.algorithm, SPDX.checksumAlgorithm_sha256)
                            .addProperty(SPDX.checksumValue, m.createTypedLiteral(f.sha256(), XSDDatatype.XSDhexBinary)));
            if (f.distribution().file.endsWith(".gz"))
                dist.addProperty(DCAT.compressFormat, m.createResource(
                        IANA.mediaType("application/gzip")));
            ds.addProperty(DCAT.distribution, dist);
            ds.addProperty(VOID.dataDump, m.createResource(url));
        }
        return m.getGraph();
    }

    private static void subset(Model m, Resource ds, String graphIri, String name, String what, long triples) {
        Resource s = m.createResource(KG.DATASET + "/" + name)
                .addProperty(RDF.type, VOID.Dataset)
                .addProperty(RDFS.label, m.createLiteral(name + " triples", "en"))
                .addProperty(RDFS.comment, m.createLiteral("Named graph <" + graphIri + ">: " + what + ".", "en"))
                .addLiteral(VOID.triples, count(m, triples));
        ds.addProperty(VOID.subset, s);
    }

    private static Literal count(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
