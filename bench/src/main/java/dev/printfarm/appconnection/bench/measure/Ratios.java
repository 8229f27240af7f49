package dev.printfarm.appconnection.bench.measure;

import java.time.Duration;

/** The arithmetic behind the RESULT ratios, kept apart so it can be checked without a server. */
public final class Ratios {

    private Ratios() {}

    /** Calls per second. */
    public static double throughput(long calls, Duration elapsed) {
        if (calls < 0 || elapsed.isNegative() || elapsed.isZero()) {
            throw new IllegalArgumentException("calls >= 0 over a positive time: " + calls + " in " + elapsed);
        }
        return calls / (elapsed.toNanos() / 1e9);
    }

    /** Ours over the baseline's, for figures where more is better (throughput): 1.0 is parity, less is slower. */
    public static double ofThroughputs(double ours, double baseline) {
        if (!(baseline > 0) || ours < 0) {
            throw new IllegalArgumentException("throughputs must be positive: " + ours + " / " + baseline);
        }
        return ours / baseline;
    }

    /** A measured time over a reference time, for figures where less is better: 1.0 is as good as the reference. */
    public static double ofTimes(double measuredMillis, double referenceMillis) {
        if (!(referenceMillis > 0) || measuredMillis < 0) {
            throw new IllegalArgumentException("times must be positive: " + measuredMillis + " / " + referenceMillis);
        }
        return measuredMillis / referenceMillis;
    }

    /**
     * The least time {@code items} can take when at most {@code concurrency} run at once and each takes
     * {@code eachMillis}: whole waves, since an item cannot be split across slots.
     */
    public static long idealMillis(long items, int concurrency, long eachMillis) {
        if (items < 0 || concurrency < 1 || eachMillis < 0) {
            throw new IllegalArgumentException("items >= 0, concurrency >= 1, eachMillis >= 0");
        }
        long waves = (items + concurrency - 1) / concurrency;
        return waves * eachMillis;
    }
}
