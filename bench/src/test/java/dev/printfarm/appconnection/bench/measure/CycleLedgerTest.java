package dev.printfarm.appconnection.bench.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CycleLedgerTest {

    private static final long C = 10_000;
    private final CycleClock clock = new CycleClock(C);

    @Test
    void workIsTheRefreshTimeOfACycleSpreadOverTheConcurrencyBound() {
        CycleLedger ledger = new CycleLedger(clock, 5, 2, 100, 0);
        ledger.boundary(5, 1_000_000_000_000L, 40_000);
        // 10,000 refreshes of 100 ms each = 1,000 s of refresh time; over 100 slots, 10 s: the drain was full.
        ledger.boundary(6, 1_000_000_000_000L + 1_000_000_000_000L, 50_000);
        ledger.boundary(7, 2_000_000_000_000L + 500_000_000_000L, 60_000);
        assertArrayEquals(new double[] {10_000, 5_000}, ledger.workMillis(), 1e-6);
        assertArrayEquals(new long[] {10_000, 10_000}, ledger.refreshes());
        assertEquals(0.75, ledger.ratio(), 1e-9);
    }

    @Test
    void aMissingBoundaryIsAnErrorNotAZero() {
        CycleLedger ledger = new CycleLedger(clock, 5, 1, 100, 0);
        ledger.boundary(5, 0, 0);
        assertThrows(IllegalStateException.class, ledger::workMillis);
        assertThrows(IllegalArgumentException.class, () -> ledger.boundary(7, 0, 0));
    }

    @Test
    void onlyMeasuredCyclesCountAsOverrun() {
        CycleLedger ledger = new CycleLedger(clock, 5, 2, 100, 2);
        long phase = 2_000;
        // Printer 0: its cycle-5 refresh (due 52_000) is still missing when it is due again at 62_000.
        ledger.observe(62_500, 0, phase, 43_000);
        // Printer 1: on time in cycle 5, late in cycle 4 (not measured).
        ledger.observe(52_500, 1, phase, 33_000);
        ledger.observe(62_500, 1, phase, 52_300);
        assertEquals(1, ledger.overran());
        assertEquals(
                "connection #0 (phase 2000 ms) seen at 62500 with its snapshot of 43000: cycle 5's refresh missing",
                ledger.firstLate().orElseThrow());
    }

    @Test
    void lagIsTakenFromCompletionsSeenInTheMeasuredCycles() {
        CycleLedger ledger = new CycleLedger(clock, 5, 2, 100, 1);
        long phase = 2_000;
        ledger.observe(50_100, 0, phase, 42_200);
        ledger.observe(52_600, 0, phase, 52_250);
        ledger.observe(53_100, 0, phase, 52_250);
        ledger.observe(62_900, 0, phase, 62_750);
        assertEquals(2, ledger.lagSamples(), "the first sighting is no completion, an unchanged snapshot neither");
        assertEquals(750, ledger.maxLagMillis());
        assertEquals((250.0 + 750.0) / 2, ledger.meanLagMillis(), 1e-9);
        assertEquals(0, ledger.overran());
        assertEquals(java.util.Optional.empty(), ledger.firstLate());
    }
}
