package dev.printfarm.appconnection.bench.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuccessTallyTest {

    /** Counted from 0 to 100 s; the outage 40..50 s and a 15 s recovery are left out. */
    private final SuccessTally tally =
            new SuccessTally(new Window(0, 100_000), List.of(new Window(40_000, 50_000).extendedBy(15_000)));

    @Test
    void attemptsOutsideTheOutageCount() {
        tally.add(1_000, 1_050, true);
        tally.add(2_000, 2_050, false);
        tally.add(70_000, 70_050, true);
        tally.add(99_999, 120_000, true);
        assertEquals(4, tally.attempts());
        assertEquals(3, tally.succeeded());
        assertEquals(75.0, tally.percent(), 1e-9);
    }

    @Test
    void anAttemptTouchingTheOutageOrItsRecoveryIsTalliedApart() {
        tally.add(39_000, 40_000, false);
        tally.add(64_999, 66_000, true);
        tally.add(39_000, 39_999, true);
        tally.add(65_000, 65_100, true);
        assertEquals(2, tally.attempts());
        assertEquals(2, tally.excludedAttempts());
        assertEquals(1, tally.excludedSucceeded());
    }

    @Test
    void attemptsStartedOutsideTheCountedSpanAreIgnored() {
        tally.add(-5_000, 1_000, false);
        tally.add(100_000, 100_100, false);
        assertEquals(0, tally.attempts());
        assertTrue(Double.isNaN(tally.percent()));
    }

    @Test
    void oneRefreshCountsEveryPrinterItCovered() {
        tally.add(10_000, 13_000, 648, 650);
        tally.add(44_000, 47_000, 0, 650);
        assertEquals(650, tally.attempts());
        assertEquals(648, tally.succeeded());
        assertEquals(650, tally.excludedAttempts());
        assertThrows(IllegalArgumentException.class, () -> tally.add(0, 1, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> tally.add(5, 1, true));
    }
}
