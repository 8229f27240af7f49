package dev.printfarm.appconnection.impl.route;

import java.time.Duration;
import java.time.Instant;

/**
 * One connection's LAN route with hysteresis: calls move to the LAN after {@code goodProbes} successful probes in a
 * row, and back to the relay at the first LAN failure. At most one probe runs at a time; probes start no more often
 * than the interval, and each failed probe in a row doubles the wait up to {@code maxInterval}, so a fleet whose
 * printers are not on this server's network costs a probe per printer every quarter hour, not every half minute.
 * Thread-safe.
 */
final class LanHealth {

    private final int goodProbesNeeded;
    private final Duration interval;
    private final Duration maxInterval;
    private boolean onLan;
    private int failedProbes;
    private boolean probing;
    private int goodProbes;
    private Instant nextProbe = Instant.MIN;

    LanHealth(int goodProbesNeeded, Duration interval, Duration maxInterval) {
        this.goodProbesNeeded = goodProbesNeeded;
        this.interval = interval;
        this.maxInterval = maxInterval.compareTo(interval) < 0 ? interval : maxInterval;
    }

    LanHealth(int goodProbesNeeded, Duration interval) {
        this(goodProbesNeeded, interval, interval);
    }

    synchronized boolean onLan() {
        return onLan;
    }

    /** Whether the caller should start a probe now; if so, it must report the outcome. */
    synchronized boolean claimProbe(Instant now) {
        if (onLan || probing || now.isBefore(nextProbe)) {
            return false;
        }
        probing = true;
        return true;
    }

    synchronized void probeSucceeded(Instant now) {
        probing = false;
        failedProbes = 0;
        goodProbes++;
        nextProbe = now.plus(interval);
        if (goodProbes >= goodProbesNeeded) {
            onLan = true;
        }
    }

    synchronized void probeFailed(Instant now) {
        probing = false;
        goodProbes = 0;
        Duration wait = interval;
        for (int i = 0; i < failedProbes && wait.compareTo(maxInterval) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        failedProbes++;
        nextProbe = now.plus(wait.compareTo(maxInterval) > 0 ? maxInterval : wait);
    }

    /** A call on the LAN failed: back to the relay, and start counting good probes again after an interval. */
    synchronized void lanFailed(Instant now) {
        onLan = false;
        goodProbes = 0;
        nextProbe = now.plus(interval);
    }
}
