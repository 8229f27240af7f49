package dev.printfarm.appconnection.impl.relay;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.error.AnswerTooLargeException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.impl.error.ErrorAnswer;
import dev.printfarm.appconnection.impl.error.ErrorMapper;
import dev.printfarm.appconnection.impl.error.Side;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class RetryRulesTest {

    private static final ErrorMapper ERRORS =
            new ErrorMapper(Clock.systemUTC(), URI.create("https://octoeverywhere.com"), "app");

    private static AppConnectionException code(int status) {
        return ERRORS.map(ErrorAnswer.statusOnly("c", Side.RELAY, status));
    }

    private static PrinterResponseException printer(int status) {
        return new PrinterResponseException("m", "c", ErrorDetails.printer(status));
    }

    @Test
    void readsRetryTransientUnavailabilityOnly() {
        for (int transientCode : new int[] {600, 601, 602}) {
            assertTrue(RetryRules.shouldRetry(code(transientCode), CallKind.READ), "code " + transientCode);
        }
        for (int other : new int[] {603, 604, 605, 606, 607, 608, 609, 610, 611, 612, 613, 650}) {
            assertFalse(RetryRules.shouldRetry(code(other), CallKind.READ), "code " + other);
        }
        assertTrue(RetryRules.shouldRetry(printer(503), CallKind.READ));
        assertFalse(RetryRules.shouldRetry(printer(409), CallKind.READ));
        assertTrue(RetryRules.shouldRetry(
                new PrinterUnreachableException("m", "c", new SocketTimeoutException()), CallKind.READ));
        assertTrue(RetryRules.shouldRetry(
                new UnreadableAnswerException("garbled", "c", ErrorDetails.printer(200)), CallKind.READ));
        assertFalse(
                RetryRules.shouldRetry(
                        new AnswerTooLargeException("huge", "c", 10, ErrorDetails.printer(200)), CallKind.READ),
                "over the cap again next time");
        assertFalse(
                RetryRules.shouldRetry(
                        new UnreadableAnswerException("garbled", "c", ErrorDetails.printer(200)), CallKind.COMMAND),
                "the printer may have acted on it");
    }

    @Test
    void anEmergencyStopIsRetriedLikeARead() {
        for (int transientCode : new int[] {600, 601, 602}) {
            assertTrue(RetryRules.shouldRetry(code(transientCode), CallKind.EMERGENCY), "code " + transientCode);
        }
        assertTrue(
                RetryRules.shouldRetry(
                        new PrinterUnreachableException("m", "c", new SocketTimeoutException()), CallKind.EMERGENCY),
                "sent again although the first may have arrived: twice is harmless");
        assertFalse(RetryRules.shouldRetry(code(604), CallKind.EMERGENCY));
    }

    @Test
    void commandsRetryOnlyWhenTheRequestNeverReachedThePrinter() {
        assertTrue(RetryRules.shouldRetry(code(601), CallKind.COMMAND));
        assertTrue(RetryRules.shouldRetry(
                new PrinterUnreachableException("m", "c", new ConnectException()), CallKind.COMMAND));
        assertFalse(RetryRules.shouldRetry(code(602), CallKind.COMMAND));
        assertFalse(RetryRules.shouldRetry(code(600), CallKind.COMMAND));
        assertFalse(RetryRules.shouldRetry(
                new PrinterUnreachableException("m", "c", new SocketTimeoutException()), CallKind.COMMAND));
    }

    @Test
    void relayTimeoutOrLostAnswerLeavesACommandsOutcomeUnknown() {
        assertTrue(RetryRules.outcomeUnknown(code(602)));
        assertTrue(RetryRules.outcomeUnknown(new PrinterUnreachableException("m", "c", new SocketTimeoutException())));
        assertFalse(RetryRules.outcomeUnknown(new PrinterUnreachableException("m", "c", new ConnectException())));
        assertFalse(RetryRules.outcomeUnknown(code(601)));
    }

    @Test
    void onlyUnavailabilityCountsAgainstTheBreaker() {
        assertTrue(RetryRules.printerUnavailable(code(601)));
        assertTrue(RetryRules.printerUnavailable(code(600)));
        assertFalse(RetryRules.printerUnavailable(code(612)));
        assertFalse(RetryRules.printerUnavailable(printer(500)));
    }
}
