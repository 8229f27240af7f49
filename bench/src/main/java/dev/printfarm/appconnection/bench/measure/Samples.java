package dev.printfarm.appconnection.bench.measure;

import java.util.Arrays;
import java.util.Collection;

/** Summaries of a few repeated measurements. Every method needs at least one sample. */
public final class Samples {

    private Samples() {}

    /** The middle value; for an even count, the mean of the two middle ones. */
    public static double median(Collection<? extends Number> samples) {
        double[] sorted = sorted(samples);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The smallest value: the best run when smaller is better (a wall time). */
    public static double min(Collection<? extends Number> samples) {
        return sorted(samples)[0];
    }

    public static double max(Collection<? extends Number> samples) {
        double[] sorted = sorted(samples);
        return sorted[sorted.length - 1];
    }

    public static double mean(Collection<? extends Number> samples) {
        return Arrays.stream(sorted(samples)).average().orElseThrow();
    }

    private static double[] sorted(Collection<? extends Number> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        return samples.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    }
}
