package dev.printfarm.appconnection.sandbox.relay;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests reached the relay from each client port since the sandbox started. A client that keeps its
 * connections alive sends many requests from few ports; one that opens a connection per request shows a port per
 * request. Bounded by the number of ports (65,536). Thread-safe.
 */
@ApplicationScoped
public class ClientPorts {

    private final Map<Integer, LongAdder> requests = new ConcurrentHashMap<>();

    /** Counts one request from {@code port}. */
    public void record(int port) {
        requests.computeIfAbsent(port, p -> new LongAdder()).increment();
    }

    /** Requests per client port, by port. */
    public SortedMap<Integer, Long> snapshot() {
        SortedMap<Integer, Long> snapshot = new TreeMap<>();
        requests.forEach((port, count) -> snapshot.put(port, count.sum()));
        return snapshot;
    }
}
