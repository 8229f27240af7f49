package dev.printfarm.appconnection.impl.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The back-off after OctoEverywhere's 609 (webcam viewed too often back to back) for one connection: webcam requests
 * are refused locally until the hold ends; each 609 in a row doubles it, a successful request clears it. Synchronized.
 */
final class WebcamHold {

    private final Duration initial;
    private final Duration max;
    private int strikes;
    private Instant until = Instant.EPOCH;

    WebcamHold(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** How long requests are still held back at {@code now}; empty when they may go. */
    synchronized Optional<Duration> remaining(Instant now) {
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** A 609 arrived at {@code now}: returns how long requests are held back. */
    synchronized Duration refused(Instant now) {
        Duration hold = initial;
        for (int i = 0; i < strikes && hold.compareTo(max) < 0; i++) {
            hold = hold.multipliedBy(2);
        }
        hold = hold.compareTo(max) > 0 ? max : hold;
        strikes++;
        until = now.plus(hold);
        return hold;
    }

    synchronized void succeeded() {
        strikes = 0;
        until = Instant.EPOCH;
    }
}
