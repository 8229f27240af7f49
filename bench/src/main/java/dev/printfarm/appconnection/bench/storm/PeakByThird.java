package dev.printfarm.appconnection.bench.storm;

import java.util.Arrays;

/**
 * The highest value seen in each third of a span, and over all of it; values outside the span are ignored. A third
 * with no value reports -1. Thread-safe.
 */
public final class PeakByThird {

    private final Window span;
    private final long[] peaks = {-1, -1, -1};

    public PeakByThird(Window span) {
        if (span.millis() < 3) {
            throw new IllegalArgumentException("a span of at least 3 ms is needed to make thirds: " + span);
        }
        this.span = span;
    }

    public synchronized void record(long at, long value) {
        if (!span.contains(at)) {
            return;
        }
        int third = (int) Math.min(2, (at - span.from()) * 3 / span.millis());
        peaks[third] = Math.max(peaks[third], value);
    }

    /** {@code third} is 0, 1 or 2. */
    public synchronized long peak(int third) {
        return peaks[third];
    }

    public synchronized long peak() {
        return Arrays.stream(peaks).max().orElse(-1);
    }
}
