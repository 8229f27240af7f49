package dev.printfarm.appconnection.sandbox.appapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per connection: when the Info App API was called with its {@code AppToken}, whatever it answered (the last
 * {@link #CALLS_KEPT}). Thread-safe.
 */
@ApplicationScoped
public class InfoCalls {

    public static final int CALLS_KEPT = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> calls = new ConcurrentHashMap<>();

    protected InfoCalls() {
        this.clock = null;
    }

    @Inject
    public InfoCalls(Clock clock) {
        this.clock = clock;
    }

    /** The time is read under the connection's lock, so concurrent calls are kept oldest first. */
    public void record(String connectionId) {
        Deque<Instant> connectionCalls = calls.computeIfAbsent(connectionId, id -> new ArrayDeque<>());
        synchronized (connectionCalls) {
            if (connectionCalls.size() == CALLS_KEPT) {
                connectionCalls.removeFirst();
            }
            connectionCalls.addLast(clock.instant());
        }
    }

    /** Oldest first. */
    public List<Instant> of(String connectionId) {
        Deque<Instant> connectionCalls = calls.get(connectionId);
        if (connectionCalls == null) {
            return List.of();
        }
        synchronized (connectionCalls) {
            return List.copyOf(connectionCalls);
        }
    }

    public void clear() {
        calls.clear();
    }
}
