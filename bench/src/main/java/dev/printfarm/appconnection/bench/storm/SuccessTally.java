package dev.printfarm.appconnection.bench.storm;

import java.util.List;

/**
 * Successes among attempts that count: those that started within {@code counted} and touch none of the
 * {@code excluded} windows (the outage and its recovery). Attempts outside the counted span are ignored; excluded ones
 * are tallied apart. Not thread-safe.
 */
public final class SuccessTally {

    private final Window counted;
    private final List<Window> excluded;
    private long attempts;
    private long succeeded;
    private long excludedAttempts;
    private long excludedSucceeded;

    public SuccessTally(Window counted, List<Window> excluded) {
        this.counted = counted;
        this.excluded = List.copyOf(excluded);
    }

    /** One attempt from {@code start} to {@code end} (milliseconds, both on the windows' clock). */
    public void add(long start, long end, boolean ok) {
        add(start, end, ok ? 1 : 0, 1);
    }

    /** {@code attempted} attempts over the same span, such as one refresh of many printers, {@code ok} of them good. */
    public void add(long start, long end, long ok, long attempted) {
        if (end < start) {
            throw new IllegalArgumentException("an attempt cannot end before it starts: " + start + ".." + end);
        }
        if (ok < 0 || ok > attempted) {
            throw new IllegalArgumentException("0 <= ok <= attempted: " + ok + " of " + attempted);
        }
        if (!counted.contains(start)) {
            return;
        }
        if (Window.anyOverlaps(excluded, start, end)) {
            excludedAttempts += attempted;
            excludedSucceeded += ok;
            return;
        }
        attempts += attempted;
        succeeded += ok;
    }

    public long attempts() {
        return attempts;
    }

    public long succeeded() {
        return succeeded;
    }

    public long excludedAttempts() {
        return excludedAttempts;
    }

    public long excludedSucceeded() {
        return excludedSucceeded;
    }

    /** Succeeded over counted attempts, in percent; NaN when none counted. */
    public double percent() {
        return attempts == 0 ? Double.NaN : 100.0 * succeeded / attempts;
    }
}
