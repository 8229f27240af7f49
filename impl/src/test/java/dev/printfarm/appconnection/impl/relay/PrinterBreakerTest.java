package dev.printfarm.appconnection.impl.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrinterBreakerTest {

    private final MutableClock clock = new MutableClock();
    private final PrinterBreaker breaker = new PrinterBreaker(3, Duration.ofSeconds(30), clock);

    @Test
    void opensAfterThresholdFailuresInARowAndRefusesUntilOpenTimePassed() {
        breaker.failed();
        breaker.failed();
        assertTrue(breaker.refusal().isEmpty());
        breaker.failed();
        assertEquals(PrinterBreaker.State.OPEN, breaker.state());
        assertEquals(clock.instant().plusSeconds(30), breaker.refusal().orElseThrow());
        clock.advance(Duration.ofSeconds(29));
        assertTrue(breaker.refusal().isPresent());
    }

    @Test
    void anAnswerInBetweenResetsTheCount() {
        breaker.failed();
        breaker.failed();
        breaker.answered();
        breaker.failed();
        breaker.failed();
        assertEquals(PrinterBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void halfOpenLetsExactlyOneProbeThroughAndItsSuccessCloses() {
        openIt();
        clock.advance(Duration.ofSeconds(30));
        assertTrue(breaker.refusal().isEmpty(), "the probe goes");
        assertTrue(breaker.refusal().isPresent(), "a second call waits for the probe");
        breaker.succeeded();
        assertEquals(PrinterBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.refusal().isEmpty());
    }

    @Test
    void failedProbeOpensAgainForTheWholeOpenTime() {
        openIt();
        clock.advance(Duration.ofSeconds(30));
        assertTrue(breaker.refusal().isEmpty());
        breaker.failed();
        assertEquals(PrinterBreaker.State.OPEN, breaker.state());
        clock.advance(Duration.ofSeconds(29));
        assertTrue(breaker.refusal().isPresent());
    }

    @Test
    void aLateSuccessOfACallSentBeforeTheBreakerOpenedDoesNotCloseIt() {
        openIt();
        clock.advance(Duration.ofSeconds(5));
        breaker.succeeded();
        breaker.answered();
        assertEquals(PrinterBreaker.State.OPEN, breaker.state(), "the open time still runs");
        assertEquals(clock.instant().plusSeconds(25), breaker.refusal().orElseThrow());
        clock.advance(Duration.ofSeconds(25));
        assertTrue(breaker.refusal().isEmpty(), "then the probe goes");
        breaker.succeeded();
        assertEquals(PrinterBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void aProbeThatWasNeverSentLetsTheNextCallProbe() {
        openIt();
        clock.advance(Duration.ofSeconds(30));
        PrinterBreaker.Admission probe = breaker.admit();
        assertTrue(probe.refusedUntil().isEmpty(), "the probe is let through");
        breaker.notSent(0);
        assertTrue(breaker.refusal().isPresent(), "a call that carried no probe cannot hand it back");
        breaker.notSent(probe.probe());
        assertEquals(PrinterBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.refusal().isEmpty(), "the next call probes instead");
        assertTrue(breaker.refusal().isPresent(), "and only that one");
    }

    @Test
    void aProbeWhoseOutcomeNeverCameIsGivenUpAfterAnotherOpenTime() {
        openIt();
        clock.advance(Duration.ofSeconds(30));
        assertTrue(breaker.refusal().isEmpty(), "the probe is let through and never reports");
        clock.advance(Duration.ofSeconds(29));
        assertEquals(clock.instant().plusSeconds(1), breaker.refusal().orElseThrow(), "waits for the probe a while");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(breaker.refusal().isEmpty(), "then a new probe goes");
        assertTrue(breaker.refusal().isPresent());
        breaker.succeeded();
        assertEquals(PrinterBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void anAnswerToACallSentPastTheOpenBreakerClosesIt() {
        openIt();
        clock.advance(Duration.ofSeconds(5));
        breaker.answeredPastTheBreaker();
        assertEquals(
                PrinterBreaker.State.CLOSED, breaker.state(), "an emergency stop was answered: the printer is there");
        assertTrue(breaker.refusal().isEmpty());
    }

    private void openIt() {
        breaker.failed();
        breaker.failed();
        breaker.failed();
    }
}
