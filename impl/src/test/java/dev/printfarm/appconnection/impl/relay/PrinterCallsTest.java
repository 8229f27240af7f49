package dev.printfarm.appconnection.impl.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.CommandOutcomeUnknownException;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.InvalidCredentialsException;
import dev.printfarm.appconnection.api.error.PrinterCircuitOpenException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.RelayBusyException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

/** The per-printer rules of a call, with a hand-moved clock, a chosen jitter and no real sleep. */
class PrinterCallsTest {

    private static final String ID = "c1";
    private static final RelayPolicy POLICY = new RelayPolicy(
            3,
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)),
            Duration.ofSeconds(10),
            5,
            Duration.ofSeconds(30),
            200);

    private final MutableClock clock = new MutableClock();
    private final List<Duration> slept = new ArrayList<>();
    private final List<Long> jitterBounds = new ArrayList<>();
    private final Map<String, ConnectionState> states = new HashMap<>();
    private boolean gateFull;
    private int throughGate;

    /** Full jitter as the policy's worst case: always the ceiling, so waits are predictable. */
    private final PrinterCalls calls = calls(POLICY);

    private PrinterCalls calls(RelayPolicy policy) {
        return new PrinterCalls(
                policy,
                new Breakers(clock),
                clock,
                bound -> {
                    jitterBounds.add(bound);
                    return bound;
                },
                duration -> {
                    slept.add(duration);
                    clock.advance(duration);
                },
                new PrinterCalls.Outcomes() {
                    @Override
                    public Optional<ConnectionState> known(String connectionId) {
                        return Optional.ofNullable(states.get(connectionId));
                    }

                    @Override
                    public Optional<Integer> permanentCode(String connectionId) {
                        return Optional.empty();
                    }

                    @Override
                    public void answered(String connectionId, ConnectionState state) {
                        states.put(connectionId, state);
                    }

                    @Override
                    public void failed(String connectionId, AppConnectionException failure) {
                        if (failure instanceof ConnectionGoneException) {
                            states.put(connectionId, ConnectionState.REVOKED);
                        }
                    }
                },
                new PrinterCalls.Gate() {
                    @Override
                    public <R> R inFlight(String connectionId, Supplier<R> attempt) {
                        if (gateFull) {
                            throw new RelayBusyException(connectionId, 200);
                        }
                        throughGate++;
                        return attempt.get();
                    }
                });
    }

    private static AppConnection connection() {
        return connection(ConnectionState.ONLINE);
    }

    /** The connection as its row says, e.g. after another server sharing the store learned something. */
    private static AppConnection connection(ConnectionState stored) {
        return new AppConnection(
                ID,
                "farm",
                "MK4",
                URI.create("https://app-1.octoeverywhere.com"),
                Optional.empty(),
                Optional.empty(),
                stored,
                Instant.parse("2026-11-01T00:00:00Z"),
                true,
                Optional.empty());
    }

    /** An attempt that fails with each of {@code failures} in turn, then answers "ok". */
    private static final class Script implements Supplier<String> {
        private final List<RuntimeException> failures;
        int sent;

        Script(RuntimeException... failures) {
            this.failures = List.of(failures);
        }

        @Override
        public String get() {
            sent++;
            if (sent <= failures.size()) {
                throw failures.get(sent - 1);
            }
            return "ok";
        }
    }

    private String read(Script script) {
        return calls.call(connection(), CallKind.READ, () -> true, script, answer -> ConnectionState.ONLINE);
    }

    private static PrinterOfflineException offline() {
        return new PrinterOfflineException("601", ID, ErrorDetails.octoEverywhere(601));
    }

    @Test
    void aReadIsRetriedAfterTemporaryUnavailabilityWithGrowingBackoff() {
        Script script = new Script(offline(), new RelayTimeoutException("602", ID, ErrorDetails.octoEverywhere(602)));
        assertEquals("ok", read(script));
        assertEquals(3, script.sent);
        assertEquals(
                List.of(Duration.ofMillis(200), Duration.ofMillis(400)), slept, "full jitter up to 200, then 400 ms");
    }

    @Test
    void jitterIsDrawnBelowACeilingThatDoublesUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2));
        List<Long> bounds = new ArrayList<>();
        for (int retry = 1; retry <= 6; retry++) {
            backoff.delay(retry, bound -> {
                bounds.add(bound);
                return 0;
            });
        }
        assertEquals(List.of(200L, 400L, 800L, 1600L, 2000L, 2000L), bounds);
    }

    @Test
    void attemptsStopAtTheMaximumAndTheLastFailureIsThrown() {
        Script script = new Script(offline(), offline(), offline(), offline());
        assertInstanceOf(PrinterOfflineException.class, assertThrows(AppConnectionException.class, () -> read(script)));
        assertEquals(3, script.sent, "max-attempts 3, the first included");
    }

    @Test
    void noRetryStartsPastTheMaximumDuration() {
        PrinterCalls shortLived = calls(new RelayPolicy(
                10,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)),
                Duration.ofSeconds(5),
                50,
                Duration.ofSeconds(30),
                200));
        Script script = new Script(offline(), offline(), offline(), offline(), offline(), offline());
        assertThrows(
                PrinterOfflineException.class,
                () -> shortLived.call(
                        connection(), CallKind.READ, () -> true, script, answer -> ConnectionState.ONLINE));
        // Waits of 1 and 2 s fit into 5 s; the next (4 s) would end after it.
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), slept);
        assertEquals(3, script.sent);
    }

    @Test
    void aPermanentAnswerIsNotRetried() {
        Script script = new Script(new PrinterResponseException("404", ID, ErrorDetails.printer(404)));
        assertThrows(PrinterResponseException.class, () -> read(script));
        assertEquals(1, script.sent);
    }

    @Test
    void aCommandIsRetriedOnlyWhenItProvablyNeverReachedThePrinter() {
        Script refused = new Script(new PrinterUnreachableException("no route", ID, new ConnectException("refused")));
        assertEquals(
                "ok", calls.call(connection(), CallKind.COMMAND, () -> true, refused, a -> ConnectionState.ONLINE));
        assertEquals(2, refused.sent);

        Script timedOut = new Script(new RelayTimeoutException("602", ID, ErrorDetails.octoEverywhere(602)));
        CommandOutcomeUnknownException unknown = assertThrows(
                CommandOutcomeUnknownException.class,
                () -> calls.call(connection(), CallKind.COMMAND, () -> true, timedOut, a -> ConnectionState.ONLINE));
        assertInstanceOf(RelayTimeoutException.class, unknown.getCause());
        assertEquals(1, timedOut.sent, "a 602 may have reached the printer: never sent twice");
    }

    @Test
    void anUploadWhoseStreamWasReadIsNotSentAgain() {
        Script script = new Script(offline());
        assertThrows(
                PrinterOfflineException.class,
                () -> calls.call(connection(), CallKind.READ, () -> false, script, a -> ConnectionState.ONLINE));
        assertEquals(1, script.sent);
    }

    /** Two reads of three unavailable attempts: the fifth failure opens the breaker, the sixth attempt is refused. */
    private void openTheBreaker() {
        assertThrows(PrinterOfflineException.class, () -> read(new Script(offline(), offline(), offline())));
        Script second = new Script(offline(), offline(), offline());
        assertThrows(PrinterCircuitOpenException.class, () -> read(second), "its retry after the fifth failure");
        assertEquals(2, second.sent);
    }

    /** The probe was sent once, and its success closed the breaker: the next call goes through. */
    private void assertClosedAfter(Script probe) {
        assertEquals(1, probe.sent);
        assertEquals("ok", read(new Script()), "the probe's success closed the breaker");
    }

    /** The breaker opened, and its open time is over: the next call is its probe. */
    private void halfOpen() {
        openTheBreaker();
        clock.advance(Duration.ofSeconds(31));
    }

    @Test
    void fiveUnavailableAttemptsInARowOpenThePrintersBreakerAndNothingIsSentWhileOpen() {
        openTheBreaker();
        // Open since the fifth failed attempt: the next call sends nothing.
        Script script = new Script();
        PrinterCircuitOpenException open = assertThrows(PrinterCircuitOpenException.class, () -> read(script));
        assertEquals(0, script.sent);
        assertTrue(open.getMessage().contains(ID), open.getMessage());
    }

    @Test
    void afterTheOpenTimeOneProbeGoesAndItsSuccessClosesTheBreaker() {
        halfOpen();
        Script probe = new Script();
        assertEquals("ok", read(probe));
        assertClosedAfter(probe);
    }

    @Test
    void aFailedProbeOpensTheBreakerForAnotherOpenTime() {
        halfOpen();
        Script probe = new Script(offline());
        assertThrows(AppConnectionException.class, () -> read(probe));
        assertEquals(1, probe.sent, "the probe failed and opened the breaker: its retry was refused, not sent");
        Script next = new Script();
        assertThrows(PrinterCircuitOpenException.class, () -> read(next));
        assertEquals(0, next.sent);
    }

    @Test
    void anAnswerThatIsAnErrorStillShowsThePrinterIsThere() {
        assertThrows(PrinterOfflineException.class, () -> read(new Script(offline(), offline(), offline())));
        assertThrows(
                PrinterResponseException.class,
                () -> read(new Script(new PrinterResponseException("409", ID, ErrorDetails.printer(409)))));
        assertThrows(
                PrinterOfflineException.class,
                () -> read(new Script(offline(), offline(), offline())),
                "the 409 was an answer: the count started again, so three more failures leave the breaker closed");
    }

    @Test
    void aFullGateRefusesAtOnceAndTeachesTheBreakerNothing() {
        gateFull = true;
        Script script = new Script();
        assertThrows(RelayBusyException.class, () -> read(script));
        assertEquals(0, script.sent);
        assertEquals(List.of(), slept, "no retry of a refusal");
    }

    @Test
    void aPausedRelayIsNeitherRetriedNorCountedAgainstThePrinter() {
        RuntimeException paused =
                new PrinterUnreachableException("relay paused", ID, new CircuitBreakerOpenException());
        for (int i = 0; i < 6; i++) {
            Script script = new Script(paused);
            assertThrows(PrinterUnreachableException.class, () -> read(script));
            assertEquals(1, script.sent);
        }
        assertEquals(List.of(), slept);
        assertEquals("ok", read(new Script()), "six paused attempts did not open the printer's breaker");
    }

    @Test
    void aProbeThatThePausedRelayRefusedIsHandedBackToTheNextCall() {
        halfOpen();
        Script paused =
                new Script(new PrinterUnreachableException("relay paused", ID, new CircuitBreakerOpenException()));
        assertThrows(PrinterUnreachableException.class, () -> read(paused));
        Script probe = new Script();
        assertEquals("ok", read(probe), "the refused probe was never sent: the next call probes");
        assertClosedAfter(probe);
    }

    @Test
    void aProbeWhoseAttemptWasRefusedByAFullGateWithinIsHandedBack() {
        halfOpen();
        Script busy = new Script(new RelayBusyException(ID, 200));
        assertThrows(RelayBusyException.class, () -> read(busy));
        assertEquals("ok", read(new Script()), "the next call probes and closes the breaker");
    }

    @Test
    void anEmergencyStopPassesAnOpenBreakerAndAFullGate() {
        openTheBreaker();
        gateFull = true;
        int gated = throughGate;
        Script stop = new Script();
        assertEquals("ok", calls.call(connection(), CallKind.EMERGENCY, () -> true, stop, a -> ConnectionState.ONLINE));
        assertEquals(1, stop.sent);
        assertEquals(gated, throughGate, "not through the gate");
        gateFull = false;
        assertEquals("ok", read(new Script()), "the answered stop closed the breaker");
    }

    @Test
    void aConnectionKnownToBeGoneCostsNoTraffic() {
        states.put(ID, ConnectionState.REVOKED);
        Script script = new Script();
        assertThrows(ConnectionGoneException.class, () -> read(script));
        assertEquals(0, script.sent);
    }

    @Test
    void aConnectionTheStoreShowsRevokedCostsNoTrafficThoughThisServerLastSawItOnline() {
        states.put(ID, ConnectionState.ONLINE);
        Script script = new Script();

        ConnectionGoneException gone = assertThrows(
                ConnectionGoneException.class,
                () -> calls.call(
                        connection(ConnectionState.REVOKED),
                        CallKind.READ,
                        () -> true,
                        script,
                        a -> ConnectionState.ONLINE));

        assertEquals(0, script.sent);
        assertTrue(gone.octoEverywhereCode().isEmpty(), "nothing was sent, so nothing answered with a code");
    }

    @Test
    void aConnectionTheStoreShowsWithBadCredentialsCostsNoTrafficThoughThisServerLastSawItOnline() {
        states.put(ID, ConnectionState.ONLINE);
        Script script = new Script();

        assertThrows(
                InvalidCredentialsException.class,
                () -> calls.call(
                        connection(ConnectionState.INVALID_CREDENTIALS),
                        CallKind.READ,
                        () -> true,
                        script,
                        a -> ConnectionState.ONLINE));

        assertEquals(0, script.sent);
    }

    @Test
    void aLiveStateInTheStoreDoesNotHideWhatThisServerLearnedAboutAGoneConnection() {
        states.put(ID, ConnectionState.REVOKED);
        Script script = new Script();

        assertThrows(
                ConnectionGoneException.class,
                () -> calls.call(
                        connection(ConnectionState.ONLINE),
                        CallKind.READ,
                        () -> true,
                        script,
                        a -> ConnectionState.ONLINE));

        assertEquals(0, script.sent);
    }

    @Test
    void aStoredStateThatIsNotDeadLeavesTheCallToWhatThisServerLearned() {
        states.put(ID, ConnectionState.ONLINE);
        Script script = new Script();

        assertEquals(
                "ok",
                calls.call(
                        connection(ConnectionState.PRINTER_OFFLINE),
                        CallKind.READ,
                        () -> true,
                        script,
                        a -> ConnectionState.ONLINE));
        assertEquals(1, script.sent);
    }
}
