package dev.printfarm.appconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.error.AppApiResponseException;
import dev.printfarm.appconnection.api.error.CommandOutcomeUnknownException;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.InvalidCredentialsException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterCircuitOpenException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ExceptionFamilyTest {

    private static ErrorDetails code(int code) {
        return ErrorDetails.octoEverywhere(code);
    }

    @Test
    void temporaryAndPermanentFollowOctoEverywhereDocumentation() {
        assertTrue(new PrinterOfflineException("m", "c", code(601)).isTemporary());
        assertTrue(new RelayTimeoutException("m", "c", code(602)).isTemporary());
        assertFalse(new ConnectionGoneException("m", "c", code(603)).isTemporary());
        assertFalse(new ConnectionGoneException("m", "c", code(604)).isTemporary());
        assertTrue(new ConnectionSuspendedException("m", "c", URI.create("https://x"), code(605)).isTemporary());
        assertFalse(new InvalidCredentialsException("m", "c", code(606)).isTemporary());
        assertFalse(new TransferLimitException(
                        "m", "c", TransferLimitException.Direction.UPLOAD, OptionalLong.of(10), code(608))
                .isTemporary());
        assertTrue(new WebcamLimitException("m", "c", code(609)).isTemporary());
        assertTrue(new PrinterUnreachableException("m", "c", null).isTemporary());
    }

    @Test
    void aTypeRefusesAnotherMeaningsCode() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectionGoneException("m", "c", code(601)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TransferLimitException(
                        "m", "c", TransferLimitException.Direction.DOWNLOAD, OptionalLong.empty(), code(608)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new OctoEverywhereException("m", "c", ErrorDetails.none(), true),
                "the generic type always says its code");
    }

    @Test
    void aLocalRefusalHasTheMeaningButNoCode() {
        var gone = new ConnectionGoneException("known revoked", "c", ErrorDetails.none());
        assertTrue(gone.octoEverywhereCode().isEmpty());
        assertFalse(gone.isTemporary());
    }

    @Test
    void printerConflictIsTemporaryButNotFoundIsNot() {
        assertTrue(new PrinterResponseException("m", "c", ErrorDetails.printer(409)).isTemporary());
        assertTrue(new PrinterResponseException("m", "c", ErrorDetails.printer(503)).isTemporary());
        assertFalse(new PrinterResponseException("m", "c", ErrorDetails.printer(404)).isTemporary());
        assertThrows(IllegalArgumentException.class, () -> new PrinterResponseException("m", "c", ErrorDetails.none()));
    }

    @Test
    void eachFactHasItsOwnField() {
        var e = new PrinterResponseException(
                "m", "c", ErrorDetails.printer(429, Optional.of("slow down")).withRetryAfter(Duration.ofSeconds(7)));
        assertEquals(OptionalInt.of(429), e.printerStatus());
        assertEquals(OptionalInt.empty(), e.octoEverywhereCode());
        assertEquals(Optional.of("slow down"), e.printerBody());
        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
        var relay = new RelayTimeoutException("m", "c", code(602));
        assertEquals(OptionalInt.of(602), relay.octoEverywhereCode());
        assertEquals(OptionalInt.empty(), relay.printerStatus());
    }

    @Test
    void theAppApisOwnStatusIsNeitherACodeNorThePrinters() {
        var e = new AppApiResponseException("m", "c", 500, ErrorDetails.none());
        assertEquals(500, e.httpStatus());
        assertTrue(e.octoEverywhereCode().isEmpty());
        assertTrue(e.printerStatus().isEmpty());
        assertTrue(e.isTemporary());
        assertFalse(new AppApiResponseException("m", "c", 400, ErrorDetails.none()).isTemporary());
    }

    @Test
    void anOutcomeUnknownKeepsTheFactsOfWhatItWraps() {
        var unknown = new CommandOutcomeUnknownException("c", new RelayTimeoutException("m", "c", code(602)));
        assertEquals(OptionalInt.of(602), unknown.octoEverywhereCode());
    }

    @Test
    void anOpenBreakerSaysHowLongToWait() {
        var open = new PrinterCircuitOpenException("c", Instant.EPOCH.plusSeconds(30), Duration.ofSeconds(30));
        assertEquals(Optional.of(Duration.ofSeconds(30)), open.retryAfter());
        assertEquals(Instant.EPOCH.plusSeconds(30), open.openUntil());
    }

    @Test
    void anUnreadableAnswerKeepsNoBody() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new UnreadableAnswerException("m", "c", ErrorDetails.printer(200, Optional.of("{"))));
    }

    @Test
    void detailsRefuseWhatTheyCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> ErrorDetails.octoEverywhere(599));
        assertThrows(IllegalArgumentException.class, () -> ErrorDetails.printer(42));
        assertThrows(IllegalArgumentException.class, () -> ErrorDetails.printer(500, Optional.of("x".repeat(4097))));
        assertThrows(IllegalArgumentException.class, () -> ErrorDetails.printer(500, Optional.of("bell\u0007")));
        assertThrows(IllegalArgumentException.class, () -> ErrorDetails.none().withRetryAfter(Duration.ofSeconds(-1)));
        assertEquals(
                Optional.of("line\n\ttab"),
                ErrorDetails.printer(500, Optional.of("line\n\ttab")).printerBody());
    }

    @Test
    void detailsNeverPrintTheBody() {
        String text = ErrorDetails.printer(500, Optional.of("the body")).toString();
        assertFalse(text.contains("the body"), text);
    }
}
