package dev.printfarm.appconnection.impl.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void ceilingDoublesPerRetryUpToTheMaximum() {
        assertEquals(100, backoff.delay(1, bound -> bound).toMillis());
        assertEquals(200, backoff.delay(2, bound -> bound).toMillis());
        assertEquals(400, backoff.delay(3, bound -> bound).toMillis());
        assertEquals(1000, backoff.delay(5, bound -> bound).toMillis());
        assertEquals(1000, backoff.delay(60, bound -> bound).toMillis());
    }

    @Test
    void jitterPicksWithinZeroAndTheCeiling() {
        assertEquals(0, backoff.delay(3, bound -> 0).toMillis());
        assertEquals(200, backoff.delay(3, bound -> bound / 2).toMillis());
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(0, b -> b));
    }
}
