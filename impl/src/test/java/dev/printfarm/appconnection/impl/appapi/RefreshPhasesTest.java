package dev.printfarm.appconnection.impl.appapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefreshPhasesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void eachConnectionIsDueExactlyOncePerIntervalWhateverTheTicks() {
        RefreshPhases phases = new RefreshPhases(Duration.ofMinutes(15));
        for (int c = 0; c < 200; c++) {
            String id = "conn-" + c;
            int due = 0;
            Instant previous = T0;
            // Uneven ticks (700 ms to 1.3 s) over exactly three intervals.
            for (long t = 0; t < Duration.ofMinutes(45).toMillis(); ) {
                t += 700 + (t * 31 + c) % 600;
                Instant now = T0.plusMillis(Math.min(t, Duration.ofMinutes(45).toMillis()));
                if (phases.due(id, previous, now)) {
                    due++;
                }
                previous = now;
            }
            assertEquals(3, due, id);
        }
    }

    @Test
    void theFleetIsSpreadOverTheInterval() {
        RefreshPhases phases = new RefreshPhases(Duration.ofMinutes(10));
        int[] perMinute = new int[10];
        IntStream.range(0, 1000).forEach(i -> perMinute[(int) (phases.phaseMillis("printer-" + i) / 60_000)]++);
        for (int count : perMinute) {
            assertTrue(count > 60 && count < 140, "1,000 connections over 10 minutes, one minute got " + count);
        }
    }

    @Test
    void thePhaseIsTheSameOnEveryServer() {
        assertEquals(
                new RefreshPhases(Duration.ofMinutes(15)).phaseMillis("abc"),
                new RefreshPhases(Duration.ofMinutes(15)).phaseMillis("abc"));
    }

    @Test
    void anEmptyOrBackwardWindowIsNeverDue() {
        RefreshPhases phases = new RefreshPhases(Duration.ofSeconds(2));
        assertFalse(phases.due("x", T0, T0));
        assertFalse(phases.due("x", T0.plusSeconds(5), T0));
        assertThrows(IllegalArgumentException.class, () -> new RefreshPhases(Duration.ZERO));
    }
}
