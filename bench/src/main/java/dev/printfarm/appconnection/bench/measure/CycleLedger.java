package dev.printfarm.appconnection.bench.measure;

import java.util.Arrays;

/**
 * What fleet-10k records about {@code cycles} consecutive cycles, starting with {@code firstCycle}:
 * <ul>
 * <li>each cycle's <em>work</em>: the sum of the fleet refreshes' durations that completed in it (the module's
 * {@code appconnection.fleet.refresh} timer, read at every cycle boundary) divided by the concurrency bound, i.e.
 * the wall time the drain needs for that cycle when it runs full. It cannot exceed the time the drain had requests in
 * flight, so it is a lower bound of that time;</li>
 * <li>whether the cycle <em>overran</em>: some connection's refresh due in it had not completed when the connection
 * was due again (seen by polling the snapshots, see {@link CycleClock#overrunCycle});</li>
 * <li>the <em>lag</em> of every completion observed in the measured cycles: from the due moment to the snapshot's
 * update.</li>
 * </ul>
 * The boundary after the last cycle must be recorded too. Not thread-safe: one measuring thread feeds it.
 */
public final class CycleLedger {

    private static final long UNSEEN = Long.MIN_VALUE;

    private final CycleClock clock;
    private final long firstCycle;
    private final int cycles;
    private final int concurrency;
    private final long[] boundaryNanos;
    private final long[] boundaryCount;
    private final boolean[] overran;
    private final long[] lastSeen;
    private String firstLate;
    private long lagSum;
    private long lagCount;
    private long lagMax;

    public CycleLedger(CycleClock clock, long firstCycle, int cycles, int concurrency, int connections) {
        if (cycles < 1 || concurrency < 1 || connections < 0) {
            throw new IllegalArgumentException("cycles >= 1, concurrency >= 1, connections >= 0");
        }
        this.clock = clock;
        this.firstCycle = firstCycle;
        this.cycles = cycles;
        this.concurrency = concurrency;
        this.boundaryNanos = new long[cycles + 1];
        this.boundaryCount = new long[cycles + 1];
        Arrays.fill(boundaryNanos, -1);
        this.overran = new boolean[cycles];
        this.lastSeen = new long[connections];
        Arrays.fill(lastSeen, UNSEEN);
    }

    /** The timer's running totals at the start of {@code cycle} (the end of the one before). */
    public void boundary(long cycle, long refreshNanosTotal, long refreshCountTotal) {
        int i = Math.toIntExact(cycle - firstCycle);
        if (i < 0 || i > cycles) {
            throw new IllegalArgumentException("cycle " + cycle + " is not a boundary of the measured cycles");
        }
        boundaryNanos[i] = refreshNanosTotal;
        boundaryCount[i] = refreshCountTotal;
    }

    /** One connection's snapshot as polled at {@code now}; {@code updatedAt} is when its last refresh completed. */
    public void observe(long now, int connection, long phaseMillis, long updatedAt) {
        long previous = lastSeen[connection];
        lastSeen[connection] = updatedAt;
        if (previous != UNSEEN && updatedAt != previous && measured(clock.cycleOf(updatedAt))) {
            long lag = clock.lagMillis(phaseMillis, updatedAt);
            lagSum += lag;
            lagCount++;
            lagMax = Math.max(lagMax, lag);
        }
        long late = clock.overrunCycle(phaseMillis, updatedAt, now);
        if (late >= 0 && measured(late)) {
            overran[(int) (late - firstCycle)] = true;
            if (firstLate == null) {
                firstLate = "connection #" + connection + " (phase " + phaseMillis + " ms) seen at " + now
                        + " with its snapshot of " + updatedAt + ": cycle " + late + "'s refresh missing";
            }
        }
    }

    private boolean measured(long cycle) {
        return cycle >= firstCycle && cycle < firstCycle + cycles;
    }

    /** The first observation that made a cycle overrun, in words; empty when none did. */
    public java.util.Optional<String> firstLate() {
        return java.util.Optional.ofNullable(firstLate);
    }

    public int cycles() {
        return cycles;
    }

    public int overran() {
        int n = 0;
        for (boolean b : overran) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** Each cycle's work in milliseconds, in order. */
    public double[] workMillis() {
        double[] work = new double[cycles];
        for (int i = 0; i < cycles; i++) {
            if (boundaryNanos[i] < 0 || boundaryNanos[i + 1] < 0) {
                throw new IllegalStateException("boundary of cycle " + (firstCycle + i) + " not recorded");
            }
            work[i] = (boundaryNanos[i + 1] - boundaryNanos[i]) / 1e6 / concurrency;
        }
        return work;
    }

    /** Refreshes completed in each cycle, in order. */
    public long[] refreshes() {
        long[] counts = new long[cycles];
        for (int i = 0; i < cycles; i++) {
            counts[i] = boundaryCount[i + 1] - boundaryCount[i];
        }
        return counts;
    }

    /** Mean work over the cycle length: 1.0 means the drain was full all the time. */
    public double ratio() {
        return Arrays.stream(workMillis()).average().orElseThrow() / clock.cycleMillis();
    }

    public double meanLagMillis() {
        return lagCount == 0 ? Double.NaN : (double) lagSum / lagCount;
    }

    public long maxLagMillis() {
        return lagMax;
    }

    public long lagSamples() {
        return lagCount;
    }
}
