package dev.printfarm.appconnection.sandbox.webcam;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When the frames of one stream are due and when the stream is cut.
 *
 * @param start    when the first frame is due
 * @param interval time between frames
 * @param limit    how long the stream may run from {@code start}; empty: until the client leaves
 */
public record StreamPlan(Instant start, Duration interval, Optional<Duration> limit) {

    public StreamPlan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(limit, "limit");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        limit.filter(Duration::isNegative).ifPresent(negative -> {
            throw new IllegalArgumentException("limit cannot be negative, got " + negative);
        });
    }

    public static StreamPlan atFps(Instant start, int fps, Optional<Duration> limit) {
        return new StreamPlan(start, Duration.ofNanos(1_000_000_000L / fps), limit);
    }

    /** The time slot {@code index} (0 for the first frame) is due. */
    public Instant due(long index) {
        return start.plus(interval.multipliedBy(index));
    }

    /** The slot due at {@code now}: where a stream that fell behind picks up again instead of sending a burst. */
    public long slotAt(Instant now) {
        Duration since = Duration.between(start, now);
        return since.isNegative() ? 0 : since.toNanos() / interval.toNanos();
    }

    public Optional<Instant> cutAt() {
        return limit.map(start::plus);
    }

    /** A frame due at or after the cut is never sent: a 2 s limit at 5 fps sends frames due at 0.0 s … 1.8 s. */
    public boolean beyondLimit(Instant due) {
        return cutAt().map(cut -> !due.isBefore(cut)).orElse(false);
    }
}
