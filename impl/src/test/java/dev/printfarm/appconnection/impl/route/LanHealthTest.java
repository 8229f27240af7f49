package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LanHealthTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void movesToTheLanOnlyAfterEnoughGoodProbesInARow() {
        LanHealth health = new LanHealth(3, Duration.ofSeconds(30));
        assertTrue(health.claimProbe(T0));
        health.probeSucceeded(T0);
        assertTrue(health.claimProbe(T0.plusSeconds(30)));
        health.probeSucceeded(T0.plusSeconds(30));
        assertTrue(health.claimProbe(T0.plusSeconds(60)));
        health.probeFailed(T0.plusSeconds(60));
        for (int i = 0; i < 2; i++) {
            assertTrue(health.claimProbe(T0.plusSeconds(90 + 30L * i)));
            health.probeSucceeded(T0.plusSeconds(90 + 30L * i));
            assertFalse(health.onLan(), "a failed probe resets the count");
        }
        assertTrue(health.claimProbe(T0.plusSeconds(150)));
        health.probeSucceeded(T0.plusSeconds(150));
        assertTrue(health.onLan());
    }

    @Test
    void oneProbeAtATimeAndNoneBeforeTheInterval() {
        LanHealth health = new LanHealth(2, Duration.ofSeconds(30));
        assertTrue(health.claimProbe(T0));
        assertFalse(health.claimProbe(T0), "a probe is already running");
        health.probeSucceeded(T0);
        assertFalse(health.claimProbe(T0.plusSeconds(29)));
        assertTrue(health.claimProbe(T0.plusSeconds(30)));
    }

    @Test
    void theFirstLanFailureGoesBackToTheRelayAndStartsCountingAgain() {
        LanHealth health = new LanHealth(1, Duration.ZERO);
        assertTrue(health.claimProbe(T0));
        health.probeSucceeded(T0);
        assertTrue(health.onLan());
        assertFalse(health.claimProbe(T0), "no probes while on the LAN: calls are the probes");
        health.lanFailed(T0);
        assertFalse(health.onLan());
        assertTrue(health.claimProbe(T0));
    }

    @Test
    void failedProbesInARowBackOffUpToTheMaximumAndAGoodOneResetsTheWait() {
        LanHealth health = new LanHealth(3, Duration.ofSeconds(30), Duration.ofMinutes(2));
        Instant t = Instant.parse("2026-11-28T12:00:00Z");
        assertTrue(health.claimProbe(t));
        health.probeFailed(t);
        java.util.List<Long> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long wait = secondsUntilClaimed(health, t);
            waits.add(wait);
            t = t.plusSeconds(wait);
            health.probeFailed(t);
        }
        assertEquals(java.util.List.of(30L, 60L, 120L, 120L), waits);
        t = t.plusSeconds(secondsUntilClaimed(health, t));
        health.probeSucceeded(t);
        assertEquals(30, secondsUntilClaimed(health, t), "a good probe brings back the normal interval");
    }

    /** Seconds from {@code from} until a probe may start; the probe is then claimed. */
    private static long secondsUntilClaimed(LanHealth health, Instant from) {
        long seconds = 0;
        while (!health.claimProbe(from.plusSeconds(seconds))) {
            seconds++;
        }
        return seconds;
    }
}
