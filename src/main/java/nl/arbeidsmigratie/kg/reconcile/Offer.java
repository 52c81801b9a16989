package nl.arbeidsmigratie.kg.reconcile;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.RDF;

import nl.arbeidsmigratie.kg.vocab.AM;
import nl.arbeidsmigratie.kg.vocab.ELI;

/** What the service offers: the types a column can be matched against and the properties it can be extended with. */
final class Offer {
    private Offer() {}

    /** A type of thing: its id (a class IRI) and the classes whose members count as one (inferred types included). */
    record Type(String id, String nl, String en, List<Node> classes) {
        String name(String lang) { return "en".equals(lang) ? en : nl; }

        boolean has(Graph g, Node thing) {
            for (Node c : classes) if (g.contains(thing, RDF.type.asNode(), c)) return true;
            return false;
        }
    }

    /** The default types first (laws, organisations, recommendations, measures, problems, groups, sources). */
    static final List<Type> TYPES = List.of(
            type(ELI.LegalResource, "Wet, wetsvoorstel of regeling", "Law, bill or regulation"),
            new Type(AM.Organisation.getURI(), "Organisatie of instantie (ook groepen als ‘gemeenten’)",
                    "Organisation or body (also groups such as ‘gemeenten’)", List.of(AM.Organisation, AM.CollectiveActor)),
            type(AM.Recommendation, "Aanbeveling", "Recommendation"),
            type(AM.PolicyMeasure, "Beleidsmaatregel", "Policy measure"),
            type(AM.Problem, "Probleem", "Problem"),
            type(AM.MigrantGroup, "Groep migranten", "Migrant group"),
            type(AM.Source, "Bron", "Source"),
            type(FOAF.Person.asNode(), "Persoon", "Person"),
            type(AM.Theme, "Thema", "Theme"));
    static final int DEFAULT_TYPES = 7;

    private static Type type(Node c, String nl, String en) { return new Type(c.getURI(), nl, en, List.of(c)); }

    static Type type(String id) {
        for (Type t : TYPES) if (t.id().equals(id)) return t;
        return null;
    }

    /** What an extension value is: a linked thing, a date, a whole number or a text. */
    enum Kind { ENTITY, DATE, INT, TEXT }

    /** A property a matched column can be extended with; {@code asOf} says whether the asOf setting applies. */
    record Property(String id, String nl, String en, Kind kind, boolean asOf) {
        String name(String lang) { return "en".equals(lang) ? en : nl; }
    }

    static final List<Property> PROPERTIES = List.of(
            new Property("status", "Laatste status (of status op datum asOf)", "Latest status (or status on date asOf)", Kind.ENTITY, true),
            new Property("statusDate", "Datum van die status", "Date of that status", Kind.DATE, true),
            new Property("responsibleBody", "Verantwoordelijke instantie (maatregel)", "Responsible body (measure)", Kind.ENTITY, false),
            new Property("enforcedBy", "Toezicht door (wet)", "Enforced by (law)", Kind.ENTITY, false),
            new Property("issuedBy", "Uitgebracht door (aanbeveling)", "Issued by (recommendation)", Kind.ENTITY, false),
            new Property("dateInForce", "In werking getreden op (wet)", "Date in force (law)", Kind.DATE, false),
            new Property("recommendationCount", "Aantal aanbevelingen", "Number of recommendations", Kind.INT, false),
            new Property("source", "Bron", "Source", Kind.ENTITY, false),
            new Property("identifier", "BWB-id (wet)", "BWB id (law)", Kind.TEXT, false),
            new Property("kamerstuk", "Kamerstuk (wet)", "Kamerstuk number (law)", Kind.TEXT, false));

    static Property property(String id) {
        for (Property p : PROPERTIES) if (p.id().equals(id)) return p;
        return null;
    }

    /** Which properties make sense for a type: what a column of that type can be extended with. */
    static List<Property> proposed(String typeId) {
        List<String> ids = switch (typeId == null ? "" : typeId) {
            case "" -> PROPERTIES.stream().map(Property::id).toList();
            default -> {
                if (typeId.equals(ELI.LegalResource.getURI()))
                    yield List.of("status", "statusDate", "dateInForce", "enforcedBy", "identifier", "kamerstuk", "recommendationCount", "source");
                if (typeId.equals(AM.Recommendation.getURI()))
                    yield List.of("status", "statusDate", "issuedBy", "source");
                if (typeId.equals(AM.PolicyMeasure.getURI()))
                    yield List.of("status", "statusDate", "responsibleBody", "recommendationCount", "source");
                if (typeId.equals(AM.Organisation.getURI()) || typeId.equals(FOAF.Person.getURI()))
                    yield List.of("recommendationCount", "source");
                if (typeId.equals(AM.Problem.getURI()) || typeId.equals(AM.Source.getURI()))
                    yield List.of("recommendationCount", "source");
                yield List.of("source");
            }
        };
        return ids.stream().map(Offer::property).toList();
    }
}
