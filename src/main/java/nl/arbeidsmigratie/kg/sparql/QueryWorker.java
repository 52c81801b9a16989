package nl.arbeidsmigratie.kg.sparql;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Reply;
import nl.arbeidsmigratie.kg.sparql.WorkerProtocol.Request;

/**
 * The worker process's side: reads request frames from standard input, answers each with {@link AdHocExecution} on
 * its own thread, and writes the reply frames to standard output. It ends when its input ends (the server went away)
 * or when the server ends it. A query that runs past its deadline is the server's business: it ends this process.
 */
public final class QueryWorker {
    /** Deep but legal queries recurse deeply in Jena's parser and algebra: the threads get a large stack. */
    private static final long STACK_BYTES = 64L << 20;

    private QueryWorker() {}

    /**
     * Serves requests until {@code in} ends. Logging must already go elsewhere: {@code out} carries frames only.
     *
     * @param transactional true for a store (TDB2) whose reads need a transaction
     */
    public static void serve(DatasetGraph dataset, boolean transactional, InputStream in, OutputStream out) throws IOException {
        // Never reach out to other hosts, even if a check were missed.
        ARQ.globalServiceAllowed = false;
        ARQ.getContext().set(ARQ.httpServiceAllowed, false);
        DatasetGraph frozen = new FrozenDataset(dataset);
        warmUp(dataset, transactional, frozen);
        DataOutputStream replies = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        replies.writeInt(WorkerProtocol.READY);
        replies.flush();
        DataInputStream requests = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        while (true) {
            Request r;
            try {
                r = Request.read(requests);
            } catch (EOFException e) {
                return;
            }
            Thread t = new Thread(null, () -> {
                Reply reply = transactional ? Txn.calculateRead(dataset, () -> AdHocExecution.answer(r, frozen))
                        : AdHocExecution.answer(r, frozen);
                synchronized (replies) {
                    try {
                        reply.write(replies);
                    } catch (IOException e) {
                        System.exit(0);
                    }
                }
            }, "query-" + r.id(), STACK_BYTES);
            t.start();
        }
    }

    /** Queries of each kind and format, run once before the worker says it is ready: the first reader waits less. */
    private static final List<String> WARM_UP = List.of(
            "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o OPTIONAL { ?o ?q ?r } FILTER(REGEX(STR(?o), \"a\", \"i\")) } GROUP BY ?s ORDER BY DESC(?n) LIMIT 5",
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 20");

    private static void warmUp(DatasetGraph dataset, boolean transactional, DatasetGraph frozen) {
        long id = 0;
        for (String q : WARM_UP) {
            for (String accept : List.of("application/sparql-results+json", "text/turtle")) {
                Request r = new Request(--id, q, List.of(), List.of(), "", accept, -1, 10_000, 10_000, 100);
                if (transactional) Txn.executeRead(dataset, () -> AdHocExecution.answer(r, frozen));
                else AdHocExecution.answer(r, frozen);
            }
        }
    }
}
