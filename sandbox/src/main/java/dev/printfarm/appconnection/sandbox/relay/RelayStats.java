package dev.printfarm.appconnection.sandbox.relay;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Relayed requests per connection id (as the client sent it, known or not) and answered status, and request body
 * bytes, counted as they arrive. Thread-safe.
 */
@ApplicationScoped
public class RelayStats {

    private final Map<String, Map<Integer, LongAdder>> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> uploadBytes = new ConcurrentHashMap<>();

    /** Adds bytes of a request body, possibly one chunk of a body still arriving. */
    public void recordUpload(String connectionId, long bytes) {
        if (bytes > 0) {
            uploadBytes.computeIfAbsent(connectionId, id -> new LongAdder()).add(bytes);
        }
    }

    public void record(String connectionId, int status) {
        counts.computeIfAbsent(connectionId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, code -> new LongAdder())
                .increment();
    }

    /** Also lists a connection whose first request is still being received: no answers yet, some bytes. */
    public SortedMap<String, ConnectionCounts> snapshot() {
        SortedSet<String> connectionIds = new TreeSet<>(counts.keySet());
        connectionIds.addAll(uploadBytes.keySet());
        SortedMap<String, ConnectionCounts> snapshot = new TreeMap<>();
        for (String connectionId : connectionIds) {
            SortedMap<Integer, Long> statuses = new TreeMap<>();
            counts.getOrDefault(connectionId, Map.of()).forEach((status, count) -> statuses.put(status, count.sum()));
            long total = statuses.values().stream().mapToLong(Long::longValue).sum();
            LongAdder uploaded = uploadBytes.get(connectionId);
            snapshot.put(connectionId, new ConnectionCounts(total, statuses, uploaded == null ? 0 : uploaded.sum()));
        }
        return snapshot;
    }

    public void clear() {
        counts.clear();
        uploadBytes.clear();
    }
}
