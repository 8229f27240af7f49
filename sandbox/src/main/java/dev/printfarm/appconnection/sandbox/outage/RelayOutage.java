package dev.printfarm.appconnection.sandbox.outage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * OctoEverywhere restarting: while an outage is on, the relay and the App APIs answer nothing at all (see
 * {@link OutageFilter}). Also counts the requests refused that way since the start or the last {@link #reset()}, and
 * keeps the last {@value #LOG_CAPACITY} of them, so that a test can see what a client sent again by itself (a second
 * request on a new connection shows as another client port). Thread-safe.
 */
@ApplicationScoped
public class RelayOutage {

    public static final long MAX_SECONDS = 300;
    public static final int LOG_CAPACITY = 1000;

    private final Clock clock;
    private final LongAdder refused = new LongAdder();
    private volatile Instant until = Instant.EPOCH;
    private final Deque<RefusedRequest> log = new ArrayDeque<>();

    protected RelayOutage() {
        this(Clock.systemUTC());
    }

    @Inject
    public RelayOutage(Clock clock) {
        this.clock = clock;
    }

    /**
     * Starts an outage lasting {@code seconds} from now, replacing any outage going on; 0 ends it at once. Answers what
     * is left of it.
     */
    public Duration start(long seconds) {
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("An outage lasts 0.." + MAX_SECONDS + " seconds, got " + seconds);
        }
        Instant now = clock.instant();
        until = now.plusSeconds(seconds);
        return remainingAt(now);
    }

    /** Zero when no outage is on. */
    public Duration remaining() {
        return remainingAt(clock.instant());
    }

    /** True, and one more request counted as refused, while an outage is on. */
    public boolean refuses() {
        if (!clock.instant().isBefore(until)) {
            return false;
        }
        refused.increment();
        return true;
    }

    /** Like {@link #refuses()}, and a request refused is kept in {@link #refusedRequests()}. */
    public boolean refuses(String method, String path, int clientPort) {
        if (!refuses()) {
            return false;
        }
        synchronized (log) {
            if (log.size() == LOG_CAPACITY) {
                log.removeFirst();
            }
            log.addLast(new RefusedRequest(clock.instant(), method, path, clientPort));
        }
        return true;
    }

    public long refused() {
        return refused.sum();
    }

    /** The last requests refused, oldest first. */
    public List<RefusedRequest> refusedRequests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Ends any outage and forgets the refusals. */
    public void reset() {
        until = Instant.EPOCH;
        refused.reset();
        synchronized (log) {
            log.clear();
        }
    }

    private Duration remainingAt(Instant now) {
        Instant end = until;
        return now.isBefore(end) ? Duration.between(now, end) : Duration.ZERO;
    }
}
