package dev.printfarm.appconnection.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.printfarm.appconnection.impl.appapi.RefreshPhases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CycleClockTest {

    private final CycleClock clock = new CycleClock(10_000);

    @Test
    void dueMomentsAreTheModulesPhasesOnEpochAlignedCycles() {
        RefreshPhases phases = new RefreshPhases(Duration.ofSeconds(10));
        String id = "c-42";
        long phase = phases.phaseMillis(id);
        long due = clock.lastDue(phase, 1_700_000_009_999L);
        // The module's own test of "due": a refresh moment lies in (due - 1 ms, due].
        org.junit.jupiter.api.Assertions.assertTrue(phases.due(id, Instant.ofEpochMilli(due - 1), Instant.ofEpochMilli(due)));
        assertEquals(phase, Math.floorMod(due, 10_000));
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
        assertEquals(100_000, clock.overrunCycle(phase, 1_000_002_000L, 1_000_013_500L), "still the refresh of the cycle before");
        assertEquals(-1, clock.overrunCycle(phase, 1_000_002_000L, 1_000_012_900L), "not due again yet");
    }

    @Test
    void lagCountsFromTheDueMoment() {
        assertEquals(400, clock.lagMillis(3_000, 1_000_003_400L));
        assertEquals(9_999, clock.lagMillis(3_000, 1_000_012_999L));
    }
}
