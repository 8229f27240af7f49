package dev.printfarm.appconnection.sandbox.webcam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.printer.WebcamBackToBack;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackToBackWindowTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final WebcamBackToBack TWO_IN_TEN_SECONDS = new WebcamBackToBack(2, Duration.ofSeconds(10));

    private final BackToBackWindow window = new BackToBackWindow();

    @Test
    void theRequestAfterMaxWithinTheWindowIsRefused() {
        assertTrue(window.tryAcquire(TWO_IN_TEN_SECONDS, T0));
        assertTrue(window.tryAcquire(TWO_IN_TEN_SECONDS, T0.plusSeconds(1)));
        assertFalse(window.tryAcquire(TWO_IN_TEN_SECONDS, T0.plusSeconds(2)));
    }

    @Test
    void theWindowSlidesAcceptedRequestsOutAfterTheirWindow() {
        window.tryAcquire(TWO_IN_TEN_SECONDS, T0);
        window.tryAcquire(TWO_IN_TEN_SECONDS, T0.plusSeconds(5));

        assertFalse(window.tryAcquire(TWO_IN_TEN_SECONDS, T0.plusMillis(9_999)));
        assertTrue(window.tryAcquire(TWO_IN_TEN_SECONDS, T0.plusSeconds(10)));
        assertFalse(window.tryAcquire(TWO_IN_TEN_SECONDS, T0.plusSeconds(11)));
        assertTrue(window.tryAcquire(TWO_IN_TEN_SECONDS, T0.plusSeconds(15)));
    }

    @Test
    void refusedRequestsTakeNoPlaceInTheWindow() {
        window.tryAcquire(TWO_IN_TEN_SECONDS, T0);
        window.tryAcquire(TWO_IN_TEN_SECONDS, T0.plusSeconds(1));
        for (int second = 2; second < 10; second++) {
            assertFalse(window.tryAcquire(TWO_IN_TEN_SECONDS, T0.plusSeconds(second)));
        }

        assertEquals(2, window.accepted());
        assertTrue(window.tryAcquire(TWO_IN_TEN_SECONDS, T0.plusSeconds(10)));
    }

    @Test
    void maxZeroRefusesEverything() {
        assertFalse(window.tryAcquire(new WebcamBackToBack(0, Duration.ofSeconds(1)), T0));
    }

    @Test
    void clearStartsAnEmptyWindow() {
        window.tryAcquire(TWO_IN_TEN_SECONDS, T0);
        window.tryAcquire(TWO_IN_TEN_SECONDS, T0);

        window.clear();

        assertTrue(window.tryAcquire(TWO_IN_TEN_SECONDS, T0));
    }

    @Test
    void aRuleNeedsANonNegativeMaxAndAWholeSecondWindow() {
        assertThrows(IllegalArgumentException.class, () -> new WebcamBackToBack(-1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new WebcamBackToBack(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new WebcamBackToBack(1, Duration.ofMillis(1500)));
    }
}
