package dev.printfarm.appconnection.impl.relay;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: the n-th retry waits a random time between 0 and
 * {@code min(max, initial * 2^(n-1))}, so a fleet of clients retrying the same outage spreads out.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + " / " + max);
        }
    }

    /** @param random given a bound n, a random number in [0, n] */
    public Duration delay(int retry, LongUnaryOperator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1, was " + retry);
        }
        long ceiling = initial.toMillis();
        for (int i = 1; i < retry && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        return Duration.ofMillis(random.applyAsLong(Math.min(ceiling, max.toMillis())));
    }
}
