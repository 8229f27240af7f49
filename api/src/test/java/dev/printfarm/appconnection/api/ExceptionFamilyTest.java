package dev.printfarm.appconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.InvalidCredentialsException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ExceptionFamilyTest {

    @Test
    void temporaryAndPermanentFollowOctoEverywhereDocumentation() {
        assertTrue(new PrinterOfflineException("m", "c").isTemporary());
        assertTrue(new RelayTimeoutException("m", "c").isTemporary());
        assertFalse(new ConnectionGoneException("m", "c", 603).isTemporary());
        assertFalse(new ConnectionGoneException("m", "c", 604).isTemporary());
        assertTrue(new ConnectionSuspendedException("m", "c", URI.create("https://x")).isTemporary());
        assertFalse(new InvalidCredentialsException("m", "c").isTemporary());
        assertFalse(new TransferLimitException("m", "c", TransferLimitException.Direction.UPLOAD, 10L).isTemporary());
        assertTrue(new WebcamLimitException("m", "c").isTemporary());
        assertTrue(new PrinterUnreachableException("m", "c", null).isTemporary());
    }

    @Test
    void transferDirectionPicksTheCode() {
        assertEquals(607, new TransferLimitException("m", "c", TransferLimitException.Direction.DOWNLOAD, null).code());
        assertEquals(608, new TransferLimitException("m", "c", TransferLimitException.Direction.UPLOAD, null).code());
    }

    @Test
    void connectionGoneRefusesOtherCodes() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectionGoneException("m", "c", 601));
    }

    @Test
    void printerConflictIsTemporaryButNotFoundIsNot() {
        assertTrue(new PrinterResponseException("m", "c", 409).isTemporary());
        assertTrue(new PrinterResponseException("m", "c", 503).isTemporary());
        assertFalse(new PrinterResponseException("m", "c", 404).isTemporary());
    }
}
