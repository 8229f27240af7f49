package dev.printfarm.appconnection.impl.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.InvalidCredentialsException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OctoEverywhereStatusTest {

    private static final URI SERVICE = URI.create("https://octoeverywhere.com");

    private static Object map(int status) {
        return OctoEverywhereStatus.exceptionFor(status, "c1", SERVICE, "my app");
    }

    @Test
    void everyDocumentedCodeHasItsType() {
        assertInstanceOf(PrinterOfflineException.class, map(601));
        assertInstanceOf(RelayTimeoutException.class, map(602));
        assertInstanceOf(ConnectionGoneException.class, map(603));
        assertInstanceOf(ConnectionGoneException.class, map(604));
        assertInstanceOf(ConnectionSuspendedException.class, map(605));
        assertInstanceOf(InvalidCredentialsException.class, map(606));
        assertInstanceOf(TransferLimitException.class, map(607));
        assertInstanceOf(TransferLimitException.class, map(608));
        assertInstanceOf(WebcamLimitException.class, map(609));
        assertInstanceOf(dev.printfarm.appconnection.api.error.NoActivePrintException.class, map(613));
        for (int code : new int[] {600, 610, 611, 612}) {
            assertEquals(OctoEverywhereException.class, map(code).getClass(), "code " + code);
        }
    }

    @Test
    void unknownSixHundredCodeIsGenericAndTemporary() {
        var e = assertInstanceOf(OctoEverywhereException.class, map(650));
        assertEquals(OctoEverywhereException.class, e.getClass());
        assertEquals(650, e.code());
        assertTrue(e.isTemporary());
    }

    @Test
    void printerErrorsAreNotOctoEverywhereErrors() {
        var e = assertInstanceOf(PrinterResponseException.class, map(409));
        assertEquals(409, e.status().getAsInt());
    }

    @Test
    void suspensionCarriesTheSupporterLinkForTheAppId() {
        var e = (ConnectionSuspendedException) map(605);
        assertEquals(URI.create("https://octoeverywhere.com/appportal/v1/nosupporterperks?appid=my+app"), e.supporterUrl());
    }

    @Test
    void failuresMoveTheConnectionToTheDocumentedState() {
        assertEquals(ConnectionState.PRINTER_OFFLINE, OctoEverywhereStatus.stateAfter((PrinterOfflineException) map(601)).orElseThrow());
        assertEquals(ConnectionState.REVOKED, OctoEverywhereStatus.stateAfter((ConnectionGoneException) map(604)).orElseThrow());
        assertEquals(ConnectionState.SUSPENDED, OctoEverywhereStatus.stateAfter((ConnectionSuspendedException) map(605)).orElseThrow());
        assertEquals(ConnectionState.INVALID_CREDENTIALS,
                OctoEverywhereStatus.stateAfter((InvalidCredentialsException) map(606)).orElseThrow());
        assertTrue(OctoEverywhereStatus.stateAfter((WebcamLimitException) map(609)).isEmpty());
    }
}
