package dev.printfarm.appconnection.bench.storm;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Judges a breaker's episodes against what the printer was doing and when the bench called it.
 *
 * <p>An opening is <em>explained</em> when it began while the printer's fault (or the relay outage) was on, or
 * within {@code graceMillis} after it ended: a call that started during the fault may retry, and fail, a while longer.
 *
 * <p>A breaker <em>may close</em> from the moment its last opening ended (open-duration over, half-open) and the fault
 * was off; the first call that starts then is its probe, and succeeds unless the fault comes back meanwhile. So the
 * episode is closed <em>in time</em> when a sample saw it closed no later than one sampling interval plus
 * {@code slackMillis} after that probe call ended; <em>late</em> when it was not; <em>closed by another</em> caller
 * (the module's own push reconnects, say) when it closed without a probe call of the bench; <em>unjudged</em> when
 * nothing closed it, no probe call came before the end, or the fault came back before the probe ended.
 *
 * <p>A half-open breaker lets one probe through at a time, whoever sends it. A bench call that the printer's breaker
 * refused once the breaker could close found another caller's probe under way (a push reconnect's login): it is no
 * probe, and the next bench call is. That other probe must end within {@code holdMillis} of the first such refusal
 * (the longest another caller's probe takes in the scenario), closing the breaker: one still half-open after that was
 * held too long, and the episode is late. Immutable.
 */
public final class BreakerJudge {

    public enum Kind {
        IN_TIME,
        LATE,
        CLOSED_BY_ANOTHER,
        UNJUDGED
    }

    /**
     * @param mayCloseAt when the breaker could have closed (see the class comment)
     * @param lagMillis  from then until the sample that saw it closed, when a probe call of the bench was expected to
     *                   close it and a sample saw it closed: mostly the wait for that call
     * @param afterProbeMillis from the end of that probe call until the sample that saw the breaker closed (0 when it
     *                   closed while the call was under way): the module's part of the lag
     */
    public record Verdict(Kind kind, OptionalLong mayCloseAt, OptionalLong lagMillis, OptionalLong afterProbeMillis) {}

    private final long openForMillis;
    private final long tickMillis;
    private final long slackMillis;
    private final long graceMillis;
    private final long holdMillis;

    public BreakerJudge(long openForMillis, long tickMillis, long slackMillis, long graceMillis) {
        this(openForMillis, tickMillis, slackMillis, graceMillis, 0);
    }

    public BreakerJudge(long openForMillis, long tickMillis, long slackMillis, long graceMillis, long holdMillis) {
        if (openForMillis <= 0 || tickMillis <= 0 || slackMillis < 0 || graceMillis < 0 || holdMillis < 0) {
            throw new IllegalArgumentException(
                    "open-duration and tick must be positive, slack, grace and hold not negative");
        }
        this.openForMillis = openForMillis;
        this.tickMillis = tickMillis;
        this.slackMillis = slackMillis;
        this.graceMillis = graceMillis;
        this.holdMillis = holdMillis;
    }

    /** Whether a sampled opening is at least as long as the configured open-duration allows for (less one interval). */
    public boolean longEnough(BreakerTrack.Opening opening) {
        return opening.millis().isEmpty() || opening.millis().getAsLong() >= openForMillis - tickMillis;
    }

    public boolean explained(BreakerTrack.Opening opening, List<Window> faults) {
        return faults.stream().anyMatch(f -> opening.from() >= f.from() && opening.from() <= f.to() + graceMillis);
    }

    /**
     * @param faults when the printer's fault or the outage was on, in any order
     * @param calls  the bench's calls on the printer, start to end
     * @param end    when sampling stopped
     */
    public Verdict close(BreakerTrack.Episode episode, List<Window> faults, List<Window> calls, long end) {
        return close(episode, faults, calls, List.of(), end);
    }

    /**
     * @param refused the bench's calls on the printer that its breaker refused (a subset of {@code calls})
     * @see #close(BreakerTrack.Episode, List, List, long)
     */
    public Verdict close(
            BreakerTrack.Episode episode, List<Window> faults, List<Window> calls, List<Window> refused, long end) {
        BreakerTrack.Opening last = episode.last();
        OptionalLong closedAt = episode.closedAt();
        if (last.to().isEmpty()) {
            // Still open when sampling stopped: late only if it stayed open longer than an opening can last.
            boolean stuck = end - last.from() > openForMillis + 2 * tickMillis;
            return new Verdict(
                    stuck ? Kind.LATE : Kind.UNJUDGED,
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty());
        }
        long mayClose = clearOf(faults, last.to().getAsLong());
        Set<Window> refusedCalls = new HashSet<>(refused);
        Optional<Window> probe = calls.stream()
                .filter(c -> c.from() >= mayClose && !refusedCalls.contains(c))
                .min(Comparator.comparingLong(Window::from));
        OptionalLong firstRefused = refusedCalls.stream()
                .filter(c -> c.from() >= mayClose
                        && (probe.isEmpty() || c.from() < probe.get().from()))
                .mapToLong(Window::from)
                .min();
        if (firstRefused.isPresent()) {
            // Another caller's probe was under way then: it must have ended (and closed the breaker) within the hold.
            long heldUntil = firstRefused.getAsLong() + holdMillis;
            boolean closedInTime = closedAt.isPresent() && closedAt.getAsLong() <= heldUntil;
            if (!closedInTime
                    && !faultBetween(faults, mayClose, heldUntil)
                    && (closedAt.isPresent() || heldUntil < end)) {
                OptionalLong lag = closedAt.isPresent()
                        ? OptionalLong.of(Math.max(0, closedAt.getAsLong() - mayClose))
                        : OptionalLong.empty();
                return new Verdict(Kind.LATE, OptionalLong.of(mayClose), lag, OptionalLong.empty());
            }
        }
        if (probe.isEmpty()
                || (closedAt.isPresent() && closedAt.getAsLong() < probe.get().from())) {
            return new Verdict(
                    closedAt.isPresent() ? Kind.CLOSED_BY_ANOTHER : Kind.UNJUDGED,
                    OptionalLong.of(mayClose),
                    OptionalLong.empty(),
                    OptionalLong.empty());
        }
        OptionalLong lag = closedAt.isPresent()
                ? OptionalLong.of(Math.max(0, closedAt.getAsLong() - mayClose))
                : OptionalLong.empty();
        OptionalLong afterProbe = closedAt.isPresent()
                ? OptionalLong.of(Math.max(0, closedAt.getAsLong() - probe.get().to()))
                : OptionalLong.empty();
        long deadline = probe.get().to() + tickMillis + slackMillis;
        if (closedAt.isPresent() && closedAt.getAsLong() <= deadline) {
            return new Verdict(Kind.IN_TIME, OptionalLong.of(mayClose), lag, afterProbe);
        }
        boolean faultCameBack = faultBetween(faults, mayClose, probe.get().to());
        if (faultCameBack || (closedAt.isEmpty() && deadline >= end)) {
            return new Verdict(Kind.UNJUDGED, OptionalLong.of(mayClose), lag, afterProbe);
        }
        return new Verdict(Kind.LATE, OptionalLong.of(mayClose), lag, afterProbe);
    }

    /** Whether a fault window began between {@code from} and {@code to}, both included. */
    private static boolean faultBetween(List<Window> faults, long from, long to) {
        return faults.stream().anyMatch(f -> f.from() >= from && f.from() <= to);
    }

    /** The first moment at or after {@code at} when no fault window is on (windows may follow one another). */
    static long clearOf(List<Window> faults, long at) {
        long t = at;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Window f : faults) {
                if (f.contains(t)) {
                    t = f.to();
                    moved = true;
                }
            }
        }
        return t;
    }
}
