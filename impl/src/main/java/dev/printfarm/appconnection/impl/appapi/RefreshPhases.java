package dev.printfarm.appconnection.impl.appapi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * Spreads a periodic refresh over the fleet: each connection has a fixed phase within the interval, derived from its
 * id, so a thousand connections are refreshed a few at a time instead of all at once, and each once per interval.
 */
public final class RefreshPhases {

    private final long intervalMillis;

    public RefreshPhases(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, was " + interval);
        }
        this.intervalMillis = interval.toMillis();
    }

    /** The connection's offset within each interval, in milliseconds: the same on every server. */
    public long phaseMillis(String connectionId) {
        CRC32 crc = new CRC32();
        crc.update(connectionId.getBytes(StandardCharsets.UTF_8));
        return Math.floorMod(crc.getValue(), intervalMillis);
    }

    /** Whether one of the connection's refresh moments falls in {@code (after, upTo]}. */
    public boolean due(String connectionId, Instant after, Instant upTo) {
        if (!upTo.isAfter(after)) {
            return false;
        }
        long phase = phaseMillis(connectionId);
        long from = after.toEpochMilli() - phase;
        long to = upTo.toEpochMilli() - phase;
        return Math.floorDiv(to, intervalMillis) > Math.floorDiv(from, intervalMillis);
    }
}
