package dev.printfarm.appconnection.sandbox.outage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * OctoEverywhere restarting: while an outage is on, the relay and the App APIs answer nothing at all (see
 * {@link OutageFilter}). Also counts the requests refused that way since the start or the last {@link #reset()}.
 * Thread-safe.
 */
@ApplicationScoped
public class RelayOutage {

    public static final long MAX_SECONDS = 300;

    private final Clock clock;
    private final LongAdder refused = new LongAdder();
    private volatile Instant until = Instant.EPOCH;

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

    public long refused() {
        return refused.sum();
    }

    /** Ends any outage and forgets the refusals. */
    public void reset() {
        until = Instant.EPOCH;
        refused.reset();
    }

    private Duration remainingAt(Instant now) {
        Instant end = until;
        return now.isBefore(end) ? Duration.between(now, end) : Duration.ZERO;
    }
}
