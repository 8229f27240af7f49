package dev.printfarm.appconnection.bench.connect;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The connections this server's bench created, in the order of their printers in the sandbox. Thread-safe. */
@ApplicationScoped
public class Fleet {

    private final List<Completion> connections = new ArrayList<>();

    private int idleThreads = -1;

    /** Notes the JVM's live threads before this server's first connection, when the module has nothing to do. */
    synchronized void beforeFirstConnection(int liveThreads) {
        if (connections.isEmpty() && idleThreads < 0) {
            idleThreads = liveThreads;
        }
    }

    /** The JVM's live threads before the first connection was made; -1 when no connect step ran. */
    public synchronized int idleThreads() {
        return idleThreads;
    }

    synchronized void addAll(List<Completion> created) {
        connections.addAll(created);
    }

    public synchronized List<Completion> all() {
        return List.copyOf(connections);
    }

    /** The first {@code n}; fails when fewer were created (run the connect step first). */
    public synchronized List<Completion> first(int n) {
        if (connections.size() < n) {
            throw new IllegalStateException("the bench has " + connections.size() + " connections on this server, " + n
                    + " are needed: run the connect step first");
        }
        return List.copyOf(connections.subList(0, n));
    }

    public synchronized List<String> ids() {
        return connections.stream().map(Completion::connectionId).toList();
    }
}
