package dev.printfarm.appconnection.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CycleClockTest {

    private final CycleClock clock = new CycleClock(10_000);

    @Test
    void aDueMomentGivesThePhaseWhoseLastDueIsThatMoment() {
        long due = 1_700_000_003_250L;
        long phase = clock.phaseOf(due);
        assertEquals(3_250, phase);
        assertEquals(due, clock.lastDue(phase, due));
        assertEquals(due, clock.lastDue(phase, due + 9_999));
        assertEquals(due + 10_000, clock.lastDue(phase, due + 10_000));
        assertEquals(0, clock.phaseOf(-20_000), "moments before the epoch stay within the cycle");
    }

    @Test
    void lastDueIsTheLatestDueMomentNotAfterNow() {
        assertEquals(1_000_003_000L, clock.lastDue(3_000, 1_000_003_000L));
        assertEquals(1_000_003_000L, clock.lastDue(3_000, 1_000_012_999L));
        assertEquals(1_000_013_000L, clock.lastDue(3_000, 1_000_013_000L));
        assertThrows(IllegalArgumentException.class, () -> clock.lastDue(10_000, 0));
    }

    @Test
    void aPrinterIsOverrunWhenItsPreviousRefreshHadNotCompletedWhenItWasDueAgain() {
        long phase = 3_000;
        // Due at 1_000_003_000 (cycle 100_000) and again at 1_000_013_000.
        assertEquals(-1, clock.overrunCycle(phase, 1_000_003_400L, 1_000_013_500L), "refreshed 0.4 s after it was due");
        assertEquals(
                100_000,
                clock.overrunCycle(phase, 1_000_002_000L, 1_000_013_500L),
                "still the refresh of the cycle before");
        assertEquals(-1, clock.overrunCycle(phase, 1_000_002_000L, 1_000_012_900L), "not due again yet");
    }

    @Test
    void lagCountsFromTheDueMoment() {
        assertEquals(400, clock.lagMillis(3_000, 1_000_003_400L));
        assertEquals(9_999, clock.lagMillis(3_000, 1_000_012_999L));
    }
}
