package dev.printfarm.appconnection.api.error;

/**
 * Nothing answered: the relay, OctoEverywhere's App API or the printer on the LAN could not be reached at all
 * (connection refused, DNS, TLS, timeout, or a breaker that stops sends while the service is down). Every
 * field but the connection is empty. Temporary.
 */
public class PrinterUnreachableException extends AppConnectionException {
    public PrinterUnreachableException(String message, String connectionId, Throwable cause) {
        super(message, connectionId, ErrorDetails.none(), cause);
    }

    @Override
    public boolean isTemporary() {
        return true;
    }
}
