package nl.arbeidsmigratie.kg.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.arbeidsmigratie.kg.graph.KnowledgeGraph;
import nl.arbeidsmigratie.kg.query.BoundQuery;
import nl.arbeidsmigratie.kg.query.PreparedQuery;
import nl.arbeidsmigratie.kg.query.QueryCatalog;
import nl.arbeidsmigratie.kg.testsupport.Graphs;
import nl.arbeidsmigratie.kg.vocab.KG;

class Tdb2StoreTest {
    @TempDir static Path dir;
    static KnowledgeGraph memory;
    static QueryCatalog catalog;

    @BeforeAll
    static void build() {
        memory = Graphs.real();
        catalog = QueryCatalog.build(memory);
        Tdb2Store.build(memory, dir.resolve("plain"), List.of());
    }

    @Test
    void theStoreOnDiskAnswersEveryPreparedQuestionAsMemoryDoes() {
        Tdb2Store.Opened store = Tdb2Store.open(memory, dir.resolve("plain"));
        assertTrue(store.sameAsRelease());
        assertEquals(memory.dataVersion(), store.kg().dataVersion());
        assertEquals(memory.all().size(), store.triples());
        QueryCatalog onDisk = catalog.on(store.kg());
        for (PreparedQuery q : catalog.all()) {
            BoundQuery b = catalog.bind(q, q.example(), "en", List.of());
            RowSetRewindable a = catalog.run(b, 0), c = onDisk.run(onDisk.bind(q, q.example(), "en", List.of()), 0);
            assertEquals(a.size(), c.size(), q.id());
        }
    }

    @Test
    void pagesReadTheStoreWithoutATransactionOfTheirOwn() {
        KnowledgeGraph kg = Tdb2Store.open(memory, dir.resolve("plain")).kg();
        Node wtta = NodeFactory.createURI(KG.ID + "wet/wtta");
        assertTrue(kg.onDisk());
        assertEquals(memory.all().find(wtta, Node.ANY, Node.ANY).toList().size(),
                kg.all().find(wtta, Node.ANY, Node.ANY).toList().size());
        assertEquals(memory.asserted().size(), kg.asserted().size());
        assertTrue(kg.inferred().contains(Node.ANY, Node.ANY, Node.ANY));
    }

    @Test
    void addedFilesGoIntoTheStoreOnlyAndGiveItAVersionOfItsOwn() throws Exception {
        Path extra = dir.resolve("extra.nt");
        Files.writeString(extra, "<" + KG.SYNTHETIC + "1/id/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\"@en .\n");
        long n = Tdb2Store.build(memory, dir.resolve("grown"), List.of(extra));
        Tdb2Store.Opened store = Tdb2Store.open(memory, dir.resolve("grown"));
        assertEquals(memory.all().size() + 1, n);
        assertFalse(store.sameAsRelease());
        assertNotEquals(memory.dataVersion(), store.kg().dataVersion());
        assertTrue(store.kg().all().contains(NodeFactory.createURI(KG.SYNTHETIC + "1/id/x"), Node.ANY, Node.ANY));
    }

    @Test
    void refusesAFolderThatIsNotEmptyOrNotAStore() throws Exception {
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("file"), "x");
        assertThrows(IllegalArgumentException.class, () -> Tdb2Store.build(memory, used, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Tdb2Store.open(memory, used));
    }
}
