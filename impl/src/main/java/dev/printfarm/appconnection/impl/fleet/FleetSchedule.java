package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.impl.appapi.RefreshPhases;
import java.time.Duration;
import java.time.Instant;

/**
 * When the fleet monitor refreshes each connection. Every connection has a fixed phase within each cycle, derived from
 * its id and the same on every server, so the fleet is refreshed a few printers at a time and each once per cycle;
 * cycles are aligned on the epoch. A printer that did not answer rests for one cycle, then two, four, ... up to the
 * backoff maximum (which may be shorter than a cycle), so an unplugged printer costs few requests.
 */
final class FleetSchedule {

    private final Duration cycle;
    private final Duration backoffMax;
    private final Duration tick;
    private final RefreshPhases phases;

    /**
     * @param tick how often the monitor looks for due connections; a rest ends one tick early so that the refresh
     *             due at its end is not missed by a tick
     */
    FleetSchedule(Duration cycle, Duration backoffMax, Duration tick) {
        if (!positive(cycle) || !positive(tick) || !positive(backoffMax)) {
            throw new IllegalArgumentException(
                    "cycle " + cycle + ", tick " + tick + " and backoff max " + backoffMax + ": all must be positive");
        }
        this.cycle = cycle;
        this.backoffMax = backoffMax;
        this.tick = tick;
        this.phases = new RefreshPhases(cycle);
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    Duration cycle() {
        return cycle;
    }

    /** Whether the connection is due for its refresh within {@code (after, upTo]}. */
    boolean due(String connectionId, Instant after, Instant upTo) {
        return phases.due(connectionId, after, upTo);
    }

    /** The connection's next refresh moment after {@code now} (ignoring any rest after misses). */
    Instant nextRefresh(String connectionId, Instant now) {
        long cycleMillis = cycle.toMillis();
        long phase = phases.phaseMillis(connectionId);
        long at = Math.floorDiv(now.toEpochMilli() - phase, cycleMillis) * cycleMillis + phase;
        return Instant.ofEpochMilli(at + cycleMillis);
    }

    /** How long a printer rests after {@code misses} unanswered refreshes in a row (at least one). */
    Duration rest(int misses) {
        if (misses < 1) {
            throw new IllegalArgumentException("misses must be at least 1, was " + misses);
        }
        Duration rest = cycle;
        for (int i = 1; i < misses && rest.compareTo(backoffMax) < 0; i++) {
            rest = rest.multipliedBy(2);
        }
        return rest.compareTo(backoffMax) > 0 ? backoffMax : rest;
    }

    /** The moment before which a printer that just missed for the {@code misses}th time is not asked again. */
    Instant restUntil(int misses, Instant now) {
        return now.plus(rest(misses)).minus(tick);
    }
}
