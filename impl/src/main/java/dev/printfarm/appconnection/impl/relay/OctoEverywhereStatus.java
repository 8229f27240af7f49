package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.InvalidCredentialsException;
import dev.printfarm.appconnection.api.error.NoActivePrintException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** OctoEverywhere's own status codes (600–699): what each one means for the caller and for the connection. */
public final class OctoEverywhereStatus {

    private OctoEverywhereStatus() {
    }

    public static boolean isOctoEverywhereCode(int status) {
        return status >= 600 && status <= 699;
    }

    /** The exception for an error answer: 6xx from OctoEverywhere, anything else from the printer. */
    public static AppConnectionException exceptionFor(int status, String connectionId, URI serviceUrl, String appId) {
        if (!isOctoEverywhereCode(status)) {
            return new PrinterResponseException("The printer answered HTTP " + status, connectionId, status);
        }
        return switch (status) {
            case 601 -> new PrinterOfflineException("601: the printer is not connected to OctoEverywhere", connectionId);
            case 602 -> new RelayTimeoutException("602: OctoEverywhere's connection to the printer timed out", connectionId);
            case 603 -> new ConnectionGoneException("603: OctoEverywhere does not know this App Connection", connectionId, 603);
            case 604 -> new ConnectionGoneException("604: the App Connection was revoked or has expired", connectionId, 604);
            case 605 -> new ConnectionSuspendedException(
                    "605: the printer's owner no longer has OctoEverywhere supporter perks", connectionId,
                    supporterUrl(serviceUrl, appId));
            case 606 -> new InvalidCredentialsException("606: OctoEverywhere rejected the relay credentials", connectionId);
            case 607 -> new TransferLimitException("607: the response is over the account's download limit", connectionId,
                    TransferLimitException.Direction.DOWNLOAD, null);
            case 608 -> new TransferLimitException("608: the request is over the account's upload limit", connectionId,
                    TransferLimitException.Direction.UPLOAD, null);
            case 609 -> new WebcamLimitException("609: the webcam was viewed too often back to back", connectionId);
            case 610 -> new OctoEverywhereException("610: the printer's OctoEverywhere plugin must be updated", connectionId, 610, true);
            case 611 -> new OctoEverywhereException("611: no OctoEverywhere beta access", connectionId, 611, true);
            case 612 -> new OctoEverywhereException("612: the OctoEverywhere plugin reported an error", connectionId, 612, true);
            case 613 -> new NoActivePrintException("613: no print is active", connectionId);
            default -> new OctoEverywhereException(status + ": OctoEverywhere could not relay the request", connectionId,
                    status, true);
        };
    }

    /** What a failure teaches about the connection itself, if anything. */
    public static Optional<ConnectionState> stateAfter(AppConnectionException failure) {
        if (failure instanceof PrinterOfflineException || failure instanceof RelayTimeoutException) {
            return Optional.of(ConnectionState.PRINTER_OFFLINE);
        }
        if (failure instanceof ConnectionGoneException) {
            return Optional.of(ConnectionState.REVOKED);
        }
        if (failure instanceof ConnectionSuspendedException) {
            return Optional.of(ConnectionState.SUSPENDED);
        }
        if (failure instanceof InvalidCredentialsException) {
            return Optional.of(ConnectionState.INVALID_CREDENTIALS);
        }
        if (failure instanceof PrinterResponseException) {
            // OctoEverywhere relayed the printer's answer, so the connection itself works.
            return Optional.of(ConnectionState.ONLINE);
        }
        return Optional.empty();
    }

    public static PrinterUnreachableException unreachable(String connectionId, Throwable cause) {
        return new PrinterUnreachableException("Could not reach the relay: " + cause.getClass().getSimpleName(),
                connectionId, cause);
    }

    static URI supporterUrl(URI serviceUrl, String appId) {
        return URI.create(serviceUrl + "/appportal/v1/nosupporterperks?appid="
                + URLEncoder.encode(appId, StandardCharsets.UTF_8));
    }
}
