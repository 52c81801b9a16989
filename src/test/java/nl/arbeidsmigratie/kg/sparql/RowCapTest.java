package nl.arbeidsmigratie.kg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.junit.jupiter.api.Test;

import nl.arbeidsmigratie.kg.testsupport.Graphs;

/** The row cap on the real graph: it says when it cut, and only then. */
class RowCapTest {
    private static final long CAP = 5;

    private static Query q(String text) { return QueryFactory.create(Graphs.PREFIXES + text); }

    private static RowSetRewindable select(Query q) {
        try (QueryExec e = QueryExec.dataset(Graphs.real().dataset()).query(q).build()) {
            return e.select().rewindable();
        }
    }

    /** True when the probe of a capped CONSTRUCT or DESCRIBE finds solutions past the cap. */
    private static boolean probeFindsMore(String text) {
        Query capped = RowCap.capped(q(text), CAP);
        assertEquals(CAP, capped.getLimit());
        try (QueryExec e = QueryExec.dataset(Graphs.real().dataset()).query(RowCap.probe(capped, CAP)).build()) {
            return e.select().hasNext();
        }
    }

    @Test
    void aSelectAsksForOneRowMoreAndIsCutToTheCap() {
        Query capped = RowCap.capped(q("SELECT * { ?s ?p ?o }"), CAP);
        assertEquals(CAP + 1, capped.getLimit());
        RowSetRewindable cut = RowCap.cut(select(capped), CAP);
        assertEquals(CAP, cut.size());
    }

    @Test
    void aSelectWithinTheCapIsNotCut() {
        assertNull(RowCap.cut(select(RowCap.capped(q("SELECT * { ?s ?p ?o } LIMIT 3"), CAP)), CAP));
        // Its own LIMIT equal to the cap: the client asked for exactly that many, nothing was cut.
        Query own = q("SELECT * { ?s ?p ?o } LIMIT 5");
        assertFalse(RowCap.applies(own, CAP));
        assertNull(RowCap.cut(select(RowCap.capped(own, CAP)), CAP));
        // Fewer solutions than the cap, no LIMIT: asked for cap + 1, got fewer.
        assertNull(RowCap.cut(select(RowCap.capped(q("SELECT ?t { bron:rapport a ?t } LIMIT 2"), CAP)), CAP));
    }

    @Test
    void constructAndDescribeProbePastTheCap() {
        assertTrue(probeFindsMore("CONSTRUCT WHERE { ?s ?p ?o }"));
        assertTrue(probeFindsMore("CONSTRUCT { ?p a am:Problem } WHERE { ?p a am:Problem } ORDER BY DESC(?p)"));
        assertTrue(probeFindsMore("DESCRIBE ?p WHERE { ?p a am:Problem }"));
        assertTrue(probeFindsMore("CONSTRUCT { ?s <urn:seen> true } WHERE { ?s ?p ?o } GROUP BY ?s"));
        assertFalse(probeFindsMore("CONSTRUCT WHERE { bron:rapport a ?t }"));
        assertFalse(probeFindsMore("DESCRIBE bron:rapport"));
        // One solution left after the offset: under the cap, nothing cut.
        long last = Graphs.real().dataset().getDefaultGraph().size() - 1;
        assertFalse(probeFindsMore("CONSTRUCT WHERE { ?s ?p ?o } OFFSET " + last));
    }

    @Test
    void askIsNeverCapped() {
        assertFalse(RowCap.applies(q("ASK { ?s ?p ?o }"), CAP));
    }
}
