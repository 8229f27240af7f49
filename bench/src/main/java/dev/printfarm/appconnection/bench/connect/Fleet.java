package dev.printfarm.appconnection.bench.connect;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The connections this server's bench created, in the order of their printers in the sandbox. Thread-safe. */
@ApplicationScoped
public class Fleet {

    private final List<Completion> connections = new ArrayList<>();

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
