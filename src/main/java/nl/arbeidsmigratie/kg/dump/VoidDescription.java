package nl.arbeidsmigratie.kg.dump;

import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VCARD4;
import org.apache.jena.vocabulary.VOID;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.DCATAP;
import nl.arbeidsmigratie.kg.vocab.IANA;
import nl.arbeidsmigratie.kg.vocab.KG;
import nl.arbeidsmigratie.kg.vocab.PROV;
import nl.arbeidsmigratie.kg.vocab.SPDX;

/**
 * The VoID + DCAT description of the dataset, its distributions and its SPARQL service, computed from the graph
 * and the files. It follows DCAT-AP, with the Dutch DCAT-AP-DONL choices where they apply: publisher, contact
 * point, themes (EU data themes and the Dutch government's taxonomy), languages, access rights, the standard the
 * data conforms to (its ontology), EU file types, issue and modification dates. Every node is an IRI under the
 * dataset's own, so each dereferences and the file has no blank nodes.
 *
 * <p>Every date is the release date ({@code project.build.outputTimestamp}), never the clock: the same commit gives
 * the same bytes.
 */
public final class VoidDescription {
    public record FileInfo(Dumps.Distribution distribution, long bytes, String sha256) {}

    public static final String LICENSE = KG.LICENSE;
    private static final String NAME = "Arbeidsmigratie KG";

    private VoidDescription() {}

    public static Graph describe(KnowledgeGraph kg, List<FileInfo> files) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("void", VOID.NS).setNsPrefix("dcat", DCAT.NS).setNsPrefix("dct", DCTerms.NS)
         .setNsPrefix("spdx", SPDX.NS).setNsPrefix("owl", OWL.NS).setNsPrefix("xsd", XSDDatatype.XSD + "#")
         .setNsPrefix("rdfs", RDFS.uri).setNsPrefix("foaf", FOAF.NS).setNsPrefix("vcard", VCARD4.NS)
         .setNsPrefix("prov", PROV.NS);
        String released = kg.buildInfo().releaseDate();
        Literal date = "unknown".equals(released) ? null : m.createTypedLiteral(released, XSDDatatype.XSDdate);

        Resource publisher = m.createResource(KG.PUBLISHER)
                .addProperty(RDF.type, FOAF.Organization)
                .addProperty(RDF.type, FOAF.Agent)
                .addProperty(FOAF.name, NAME)
                .addProperty(RDFS.label, m.createLiteral("Uitgever: " + NAME, "nl"))
                .addProperty(RDFS.label, m.createLiteral("Publisher: " + NAME, "en"))
                .addProperty(FOAF.homepage, m.createResource(KG.BASE));
        // No e-mail address is published; the contact point is the site, which links to everything else.
        Resource contact = m.createResource(KG.CONTACT)
                .addProperty(RDF.type, VCARD4.Organization)
                .addProperty(VCARD4.fn, NAME)
                .addProperty(RDFS.label, m.createLiteral("Contact: " + NAME, "nl"))
                .addProperty(RDFS.label, m.createLiteral("Contact: " + NAME, "en"))
                .addProperty(VCARD4.hasURL, m.createResource(KG.BASE));

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
                .addProperty(DCTerms.identifier, KG.DATASET)
                .addProperty(DCTerms.license, m.createResource(LICENSE))
                .addProperty(DCTerms.accessRights, m.createResource(DCATAP.accessRight("PUBLIC")))
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(DCAT.contactPoint, contact)
                .addProperty(DCAT.landingPage, m.createResource(KG.BASE))
                .addProperty(DCTerms.language, m.createResource(DCATAP.language("NLD")))
                .addProperty(DCTerms.language, m.createResource(DCATAP.language("ENG")))
                .addProperty(DCTerms.spatial, m.createResource(DCATAP.country("NLD")))
                .addProperty(DCAT.theme, m.createResource(DCATAP.theme("SOCI")))
                .addProperty(DCAT.theme, m.createResource(DCATAP.theme("GOVE")))
                .addProperty(DCAT.theme, m.createResource(DCATAP.owmsTheme("Migratie_en_integratie")))
                .addProperty(DCAT.theme, m.createResource(DCATAP.owmsTheme("Werk_(thema)")))
                .addProperty(DCAT.theme, m.createResource(DCATAP.owmsTheme("Huisvesting_(thema)")))
                .addProperty(DCAT.keyword, m.createLiteral("arbeidsmigratie", "nl"))
                .addProperty(DCAT.keyword, m.createLiteral("arbeidsmigranten", "nl"))
                .addProperty(DCAT.keyword, m.createLiteral("huisvesting", "nl"))
                .addProperty(DCAT.keyword, m.createLiteral("labour migration", "en"))
                .addProperty(DCAT.keyword, m.createLiteral("migrant workers", "en"))
                .addProperty(DCAT.keyword, m.createLiteral("housing", "en"))
                .addProperty(DCTerms.conformsTo, m.createResource(AM.ONTOLOGY).addProperty(RDF.type, DCTerms.Standard))
                .addProperty(OWL.versionInfo, kg.buildInfo().version())
                .addProperty(m.createProperty(DCAT.NS, "version"), kg.dataVersion())
                .addProperty(DCTerms.source, m.createResource(KG.REPORT))
                .addProperty(m.createProperty(PROV.wasDerivedFrom.getURI()), m.createResource(KG.REPORT))
                .addProperty(VOID.sparqlEndpoint, m.createResource(KG.SPARQL))
                .addProperty(VOID.uriSpace, KG.ID)
                .addProperty(VOID.vocabulary, m.createResource(AM.NS))
                .addProperty(VOID.rootResource, m.createResource(KG.REPORT))
                .addLiteral(VOID.triples, count(m, kg.all().size()));
        dated(ds, date);
        subset(m, ds, KG.GRAPH_ASSERTED, "asserted", "vastgelegde triples", "asserted triples",
                "what the ontology and data files say", kg.asserted().size());
        subset(m, ds, KG.GRAPH_INFERRED, "inferred", "afgeleide triples", "inferred triples",
                "what the OWL RL rules add", kg.inferred().size());

        for (FileInfo f : files) {
            String url = KG.BASE + "dumps/" + f.distribution().file;
            String distIri = KG.ID + "dataset/distributie/" + f.distribution().file.replace('.', '-');
            Resource dist = m.createResource(distIri)
                    .addProperty(RDF.type, DCAT.Distribution)
                    .addProperty(DCTerms.title, f.distribution().file)
                    .addProperty(RDFS.label, m.createLiteral(f.distribution().file, "nl"))
                    .addProperty(RDFS.label, m.createLiteral(f.distribution().file, "en"))
                    .addProperty(DCAT.downloadURL, m.createResource(url))
                    .addProperty(DCAT.accessURL, m.createResource(url))
                    .addProperty(DCAT.mediaType, m.createResource(IANA.mediaType(f.distribution().mediaType)))
                    .addProperty(DCTerms.format, m.createResource(DCATAP.fileType(fileType(f.distribution()))))
                    .addLiteral(DCAT.byteSize, m.createTypedLiteral(Long.toString(f.bytes()),
                            XSDDatatype.XSDnonNegativeInteger))
                    .addProperty(DCTerms.license, m.createResource(LICENSE))
                    .addProperty(DCTerms.accessRights, m.createResource(DCATAP.accessRight("PUBLIC")))
                    .addProperty(DCTerms.language, m.createResource(DCATAP.language("NLD")))
                    .addProperty(DCTerms.language, m.createResource(DCATAP.language("ENG")))
                    .addProperty(SPDX.checksum, m.createResource(distIri + "-sha256")
                            .addProperty(RDF.type, SPDX.Checksum)
                            .addProperty(RDFS.label, m.createLiteral("SHA-256 van " + f.distribution().file, "nl"))
                            .addProperty(RDFS.label, m.createLiteral("SHA-256 of " + f.distribution().file, "en"))
                            .addProperty(SPDX.algorithm, SPDX.checksumAlgorithm_sha256)
                            .addProperty(SPDX.checksumValue, m.createTypedLiteral(f.sha256(), XSDDatatype.XSDhexBinary)));
            if (f.distribution().gzipped())
                dist.addProperty(DCAT.compressFormat, m.createResource(IANA.mediaType("application/gzip")));
            dated(dist, date);
            ds.addProperty(DCAT.distribution, dist);
            ds.addProperty(VOID.dataDump, m.createResource(url));
        }
        service(m, ds, date);
        return m.getGraph();
    }

    /** The SPARQL endpoint as a DCAT data service, and a distribution that reaches the dataset through it. */
    private static void service(Model m, Resource ds, Literal date) {
        Resource service = m.createResource(KG.SPARQL)
                .addProperty(RDF.type, DCAT.DataService)
                .addProperty(DCTerms.title, m.createLiteral("SPARQL-eindpunt van de Arbeidsmigratie KG", "nl"))
                .addProperty(DCTerms.title, m.createLiteral("SPARQL endpoint of the Arbeidsmigratie KG", "en"))
                .addProperty(RDFS.label, m.createLiteral("SPARQL-eindpunt", "nl"))
                .addProperty(RDFS.label, m.createLiteral("SPARQL endpoint", "en"))
                .addProperty(DCAT.endpointURL, m.createResource(KG.SPARQL))
                // GET on the endpoint without a query answers its SPARQL 1.1 Service Description.
                .addProperty(DCAT.endpointDescription, m.createResource(KG.SPARQL))
                .addProperty(DCAT.servesDataset, ds)
                .addProperty(DCTerms.conformsTo, m.createResource(DCATAP.SPARQL_PROTOCOL))
                .addProperty(DCTerms.license, m.createResource(LICENSE))
                .addProperty(DCTerms.accessRights, m.createResource(DCATAP.accessRight("PUBLIC")));
        Resource dist = m.createResource(KG.ID + "dataset/distributie/sparql")
                .addProperty(RDF.type, DCAT.Distribution)
                .addProperty(DCTerms.title, "SPARQL")
                .addProperty(RDFS.label, m.createLiteral("SPARQL-eindpunt", "nl"))
                .addProperty(RDFS.label, m.createLiteral("SPARQL endpoint", "en"))
                .addProperty(DCAT.accessURL, m.createResource(KG.SPARQL))
                .addProperty(DCAT.accessService, service)
                .addProperty(DCTerms.license, m.createResource(LICENSE))
                .addProperty(DCTerms.accessRights, m.createResource(DCATAP.accessRight("PUBLIC")));
        dated(dist, date);
        ds.addProperty(DCAT.distribution, dist);
    }

    private static void dated(Resource r, Literal date) {
        if (date == null) return;
        r.addProperty(DCTerms.issued, date).addProperty(DCTerms.modified, date);
    }

    /** The EU file type of a dump (the compressed N-Triples is N-Triples, compressed as dcat:compressFormat says). */
    private static String fileType(Dumps.Distribution d) {
        return switch (d) {
            case TURTLE -> "RDF_TURTLE";
            case NTRIPLES_GZ -> "RDF_N_TRIPLES";
            case JSONLD -> "JSON_LD";
            case RDFXML -> "RDF_XML";
            case TRIG -> "RDF_TRIG";
        };
    }

    private static void subset(Model m, Resource ds, String graphIri, String name, String nl, String en, String what,
                               long triples) {
        Resource s = m.createResource(KG.DATASET + "/" + name)
                .addProperty(RDF.type, VOID.Dataset)
                .addProperty(RDFS.label, m.createLiteral(nl, "nl"))
                .addProperty(RDFS.label, m.createLiteral(en, "en"))
                .addProperty(RDFS.comment, m.createLiteral("Named graph <" + graphIri + ">: " + what + ".", "en"))
                .addProperty(RDFS.seeAlso, m.createResource(graphIri))
                .addLiteral(VOID.triples, count(m, triples));
        ds.addProperty(VOID.subset, s);
    }

    private static Literal count(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
