package dev.printfarm.appconnection.bench.measure;

/**
 * The fleet monitor's timetable as seen from outside: cycles are aligned on multiples of the cycle length since the
 * epoch, and a connection with phase {@code p} is due at {@code k * cycle + p} in cycle {@code k}; its phase is read
 * off any of its due moments ({@code AppConnectionService.nextFleetRefresh}). All times in epoch milliseconds.
 */
public record CycleClock(long cycleMillis) {

    public CycleClock {
        if (cycleMillis < 1) {
            throw new IllegalArgumentException("the cycle must be positive, was " + cycleMillis + " ms");
        }
    }

    /** The cycle a moment falls in. */
    public long cycleOf(long epochMillis) {
        return Math.floorDiv(epochMillis, cycleMillis);
    }

    public long startOf(long cycle) {
        return cycle * cycleMillis;
    }

    /** The phase of a connection due at {@code dueEpochMillis}: where that moment lies in its cycle. */
    public long phaseOf(long dueEpochMillis) {
        return Math.floorMod(dueEpochMillis, cycleMillis);
    }

    /** The connection's latest due moment not after {@code epochMillis}. */
    public long lastDue(long phaseMillis, long epochMillis) {
        checkPhase(phaseMillis);
        return epochMillis - Math.floorMod(epochMillis - phaseMillis, cycleMillis);
    }

    /**
     * The cycle whose refresh of this connection was still missing at {@code now}: the refresh due one cycle before
     * its latest due moment had not completed (its snapshot is older than that due moment), so that cycle's work did
     * not fit into the cycle. {@code -1} when the connection is on time.
     */
    public long overrunCycle(long phaseMillis, long updatedAt, long now) {
        long dueBefore = lastDue(phaseMillis, now) - cycleMillis;
        return updatedAt < dueBefore ? cycleOf(dueBefore) : -1;
    }

    /** How long after its due moment a refresh completed, assuming it served the latest due moment before it. */
    public long lagMillis(long phaseMillis, long completedAt) {
        return completedAt - lastDue(phaseMillis, completedAt);
    }

    private void checkPhase(long phaseMillis) {
        if (phaseMillis < 0 || phaseMillis >= cycleMillis) {
            throw new IllegalArgumentException("a phase lies within the cycle: " + phaseMillis);
        }
    }
}
