package dev.printfarm.appconnection.sandbox.relay;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Relayed requests per connection id (as the client sent it, known or not) and answered status. Thread-safe. */
@ApplicationScoped
public class RelayStats {

    private final Map<String, Map<Integer, LongAdder>> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> uploadBytes = new ConcurrentHashMap<>();

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

    public SortedMap<String, ConnectionCounts> snapshot() {
        SortedMap<String, ConnectionCounts> snapshot = new TreeMap<>();
        counts.forEach((connectionId, byStatus) -> {
            SortedMap<Integer, Long> statuses = new TreeMap<>();
            byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
            long total = statuses.values().stream().mapToLong(Long::longValue).sum();
            LongAdder uploaded = uploadBytes.get(connectionId);
            snapshot.put(connectionId, new ConnectionCounts(total, statuses, uploaded == null ? 0 : uploaded.sum()));
        });
        return snapshot;
    }

    public void clear() {
        counts.clear();
        uploadBytes.clear();
    }
}
