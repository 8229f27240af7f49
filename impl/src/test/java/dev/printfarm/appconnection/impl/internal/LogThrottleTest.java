package dev.printfarm.appconnection.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private final LogThrottle<String> throttle = new LogThrottle<>(clock, Duration.ofMinutes(1));

    @Test
    void aFloodOfOneReasonLogsOnceAMinute() {
        int lines = 0;
        for (int i = 0; i < 10_000; i++) {
            if (throttle.admit("invalid-answer").isPresent()) {
                lines++;
            }
        }
        assertEquals(1, lines);
        clock.now = clock.now.plusSeconds(59);
        assertTrue(throttle.admit("invalid-answer").isEmpty());
        clock.now = clock.now.plusSeconds(1);
        assertEquals(OptionalLong.of(10_000), throttle.admit("invalid-answer"), "and says how many went unlogged");
    }

    @Test
    void eachReasonHasItsOwnMinute() {
        assertTrue(throttle.admit("unknown-state").isPresent());
        assertTrue(throttle.admit("other-browser").isPresent());
        assertTrue(throttle.admit("unknown-state").isEmpty());
    }
}
