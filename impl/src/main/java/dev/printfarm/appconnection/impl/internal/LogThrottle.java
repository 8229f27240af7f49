package dev.printfarm.appconnection.impl.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one log line per key and interval, however often something happens: what an outsider can trigger must not
 * be able to flood the log. Keys must come from a small fixed set. Thread-safe.
 */
public final class LogThrottle<K> {

    private final Clock clock;
    private final Duration interval;
    private final Map<K, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        Instant loggedAt;
        long suppressed;
    }

    public LogThrottle(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Whether to log this occurrence now; if so, how many occurrences of the key went unlogged since its last line.
     */
    public OptionalLong admit(K key) {
        Instant now = clock.instant();
        Window window = windows.computeIfAbsent(key, k -> new Window());
        synchronized (window) {
            if (window.loggedAt != null && now.isBefore(window.loggedAt.plus(interval))) {
                window.suppressed++;
                return OptionalLong.empty();
            }
            long suppressed = window.suppressed;
            window.loggedAt = now;
            window.suppressed = 0;
            return OptionalLong.of(suppressed);
        }
    }
}
