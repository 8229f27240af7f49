package dev.printfarm.appconnection.bench.storm;

import java.util.EnumMap;
import java.util.Map;

/**
 * When each group's fault is on, as a function of the time since the storm started: repeating on/off patterns that
 * differ per group (so the groups' windows do not line up), the slow printers slow throughout, and one relay outage in
 * the middle. After {@code stormMillis} every fault is off. Immutable.
 */
public final class FaultSchedule {

    /** On for {@code onMillis} at the start of every {@code periodMillis}, the whole pattern shifted by {@code offsetMillis}. */
    public record Pattern(long periodMillis, long onMillis, long offsetMillis) {

        public Pattern {
            if (periodMillis <= 0 || onMillis < 0 || onMillis > periodMillis) {
                throw new IllegalArgumentException("0 <= on <= period, period > 0: " + onMillis + "/" + periodMillis);
            }
        }

        boolean on(long at) {
            return at >= offsetMillis && Math.floorMod(at - offsetMillis, periodMillis) < onMillis;
        }

        /** Which repetition {@code at} falls in, 0 for the first. */
        long cycle(long at) {
            return Math.floorDiv(at - offsetMillis, periodMillis);
        }
    }

    /** The patterns of the bench; docs/benchmarks.md, fault-storm, lists them. */
    public static Map<FaultGroup, Pattern> standardPatterns() {
        Map<FaultGroup, Pattern> patterns = new EnumMap<>(FaultGroup.class);
        patterns.put(FaultGroup.OFFLINE_601, new Pattern(60_000, 40_000, 0));
        patterns.put(FaultGroup.TIMEOUT_602, new Pattern(60_000, 30_000, 15_000));
        patterns.put(FaultGroup.BURST_600, new Pattern(8_000, 4_000, 2_000));
        patterns.put(FaultGroup.GARBAGE, new Pattern(40_000, 20_000, 5_000));
        patterns.put(FaultGroup.CUT_BODY, new Pattern(40_000, 20_000, 25_000));
        patterns.put(FaultGroup.PUSH_6XX, new Pattern(10_000, 5_000, 0));
        return patterns;
    }

    private final long stormMillis;
    private final Window outage;
    private final Map<FaultGroup, Pattern> patterns;

    /**
     * @param stormMillis   how long faults are dealt
     * @param outageMillis  how long the relay outage lasts; it is centred on the middle of the storm
     */
    public FaultSchedule(long stormMillis, long outageMillis, Map<FaultGroup, Pattern> patterns) {
        if (stormMillis <= 0 || outageMillis < 0 || outageMillis > stormMillis) {
            throw new IllegalArgumentException(
                    "the outage must fit into the storm: " + outageMillis + " of " + stormMillis);
        }
        this.stormMillis = stormMillis;
        long outageStart = (stormMillis - outageMillis) / 2;
        this.outage = new Window(outageStart, outageStart + outageMillis);
        this.patterns = Map.copyOf(patterns);
    }

    public long stormMillis() {
        return stormMillis;
    }

    /** The planned outage, in milliseconds since the storm started. */
    public Window outage() {
        return outage;
    }

    /** Whether the group's own fault is on {@code at} milliseconds after the storm started (the outage aside). */
    public boolean on(FaultGroup group, long at) {
        if (at < 0 || at >= stormMillis || group == FaultGroup.HEALTHY) {
            return false;
        }
        if (group == FaultGroup.SLOW) {
            return true;
        }
        Pattern pattern = patterns.get(group);
        return pattern != null && pattern.on(at);
    }

    /** The status a push printer's window answers: 601 and 600 by turns, 601 first. */
    public int pushStatus(long at) {
        Pattern pattern = patterns.get(FaultGroup.PUSH_6XX);
        return pattern == null || Math.floorMod(pattern.cycle(at), 2) == 0 ? 601 : 600;
    }

    /**
     * Whether the push group's sockets are to be dropped in {@code (after, upTo]}: {@code leadMillis} before each push
     * window opens, so that the reconnect's login (answered late) starts before the window and its handshake falls
     * into it. Only for windows that open within the storm, and never before it started.
     */
    public boolean pushDropDue(long after, long upTo, long leadMillis) {
        Pattern pattern = patterns.get(FaultGroup.PUSH_6XX);
        if (pattern == null || upTo <= after) {
            return false;
        }
        long first = pattern.offsetMillis() - leadMillis;
        long k = Math.floorDiv(after - first, pattern.periodMillis()) + 1;
        long drop = first + k * pattern.periodMillis();
        return drop <= upTo && drop >= 0 && drop + leadMillis < stormMillis;
    }

    /** Whether the relay outage is on {@code at} milliseconds after the storm started. */
    public boolean outageOn(long at) {
        return outage.millis() > 0 && outage.contains(at);
    }
}
