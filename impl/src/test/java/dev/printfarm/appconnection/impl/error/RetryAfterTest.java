package dev.printfarm.appconnection.impl.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    /** A Sunday: the day names of the dates below match. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("1994-11-06T08:49:00Z"), ZoneOffset.UTC);

    private static Optional<Duration> parse(String value) {
        return RetryAfter.parse(value, CLOCK);
    }

    @Test
    void secondsAreReadAsTheyAre() {
        assertEquals(Optional.of(Duration.ZERO), parse("0"));
        assertEquals(Optional.of(Duration.ofSeconds(120)), parse("120"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), parse("  5 "));
    }

    @Test
    void allThreeHttpDateFormsAreRead() {
        assertEquals(Optional.of(Duration.ofSeconds(37)), parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Optional.of(Duration.ofSeconds(37)), parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(Optional.of(Duration.ofSeconds(37)), parse("Sun Nov  6 08:49:37 1994"));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertEquals(Optional.of(Duration.ZERO), parse("Sat, 05 Nov 1994 08:49:37 GMT"));
    }

    @Test
    void theClockDecidesTheWait() {
        Clock later = Clock.offset(CLOCK, Duration.ofSeconds(30));
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", later));
    }

    @Test
    void aHostileWaitIsCappedAtADay() {
        assertEquals(Optional.of(RetryAfter.MAX), parse("86401"));
        assertEquals(Optional.of(RetryAfter.MAX), parse("99999999999999999999999999999999"));
        assertEquals(Optional.of(RetryAfter.MAX), parse("Fri, 31 Dec 9999 23:59:59 GMT"));
    }

    @Test
    void anythingElseIsNoRetryAfter() {
        for (String bad : new String[] {
            null,
            "",
            "   ",
            "-5",
            "1.5",
            "+3",
            "soon",
            "0x10",
            "12 seconds",
            "Mon, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:49:37 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "x".repeat(10_000),
            "1".repeat(65),
            "\u0000\u0001"
        }) {
            assertEquals(Optional.empty(), parse(bad), "\"" + bad + "\"");
        }
    }
}
