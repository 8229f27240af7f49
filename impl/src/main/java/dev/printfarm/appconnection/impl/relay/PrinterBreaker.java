package dev.printfarm.appconnection.impl.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One printer's circuit breaker. Closed: calls pass; {@code threshold} unavailability failures in a row
 * open it. Open: calls are refused until {@code openFor} has passed. Then half-open: one probe passes;
 * its success closes the breaker, its failure opens it again. A probe that was never sent (the relay as a whole
 * refused it) is handed back at once; one whose outcome never comes back is given up after another {@code openFor},
 * so that no lost call can hold the breaker half-open for good. Thread-safe.
 */
public final class PrinterBreaker {

    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;

    private State state = State.CLOSED;
    private int failuresInARow;
    private Instant openUntil = Instant.MIN;
    private boolean probeOut;
    private Instant probeSentAt = Instant.MIN;
    /** How many probes were handed out: each probe's number, so that only its holder can hand it back. */
    private long probes;

    /**
     * What {@link #admit()} decided: refused until {@code refusedUntil}, or let through; {@code probe} is the number of
     * the half-open breaker's probe the call carries, 0 when it carries none.
     */
    public record Admission(Optional<Instant> refusedUntil, long probe) {
        /** Let through, carrying no probe (a call that passes the breaker unasked, such as an emergency stop). */
        public static final Admission PASS = new Admission(Optional.empty(), 0);
    }

    public PrinterBreaker(int threshold, Duration openFor, Clock clock) {
        if (threshold < 1 || openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("breaker needs threshold >= 1 and a positive open duration");
        }
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Empty when the call may go; otherwise the time from which a probe will be let through. */
    public synchronized Optional<Instant> refusal() {
        return admit().refusedUntil();
    }

    /** Whether a call may go now, and whether it goes as the half-open breaker's probe. */
    public synchronized Admission admit() {
        if (state == State.OPEN) {
            if (clock.instant().isBefore(openUntil)) {
                return new Admission(Optional.of(openUntil), 0);
            }
            state = State.HALF_OPEN;
            probeOut = false;
        }
        if (state == State.HALF_OPEN) {
            Instant now = clock.instant();
            if (probeOut && now.isBefore(probeSentAt.plus(openFor))) {
                return new Admission(Optional.of(probeSentAt.plus(openFor)), 0);
            }
            probeOut = true;
            probeSentAt = now;
            return new Admission(Optional.empty(), ++probes);
        }
        return Admission.PASS;
    }

    /**
     * A call succeeded. It closes the breaker unless the breaker is open and its open time still runs: an answer that
     * arrives then belongs to a call let through before the breaker opened, and says nothing about the printer now.
     */
    public synchronized void succeeded() {
        if (state == State.OPEN && clock.instant().isBefore(openUntil)) {
            return;
        }
        state = State.CLOSED;
        failuresInARow = 0;
        probeOut = false;
    }

    /**
     * A call sent past the open breaker (an emergency stop, which is never held back) was answered: the printer is
     * there now, whatever the open time says, so the breaker closes.
     */
    public synchronized void answeredPastTheBreaker() {
        state = State.CLOSED;
        failuresInARow = 0;
        probeOut = false;
    }

    /**
     * A call let through was refused before anything was sent (the relay's own breaker was open): it says nothing about
     * the printer. When it carried the half-open breaker's current probe ({@link Admission#probe()}), the next call may
     * probe; a call that carried none cannot hand back another's.
     */
    public synchronized void notSent(long probe) {
        if (probe != 0 && probe == probes) {
            probeOut = false;
        }
    }

    /** The printer did not answer (see {@link RetryRules#printerUnavailable}). */
    public synchronized void failed() {
        failuresInARow++;
        if (state == State.HALF_OPEN || failuresInARow >= threshold) {
            state = State.OPEN;
            openUntil = clock.instant().plus(openFor);
            probeOut = false;
        }
    }

    /** Any other answer: the printer is there, even if it said no. */
    public synchronized void answered() {
        succeeded();
    }

    public synchronized State state() {
        return state == State.OPEN && !clock.instant().isBefore(openUntil) ? State.HALF_OPEN : state;
    }
}
