package dev.printfarm.appconnection.api.error;

/**
 * Nothing answered: the relay or the printer could not be reached at all (connection refused, DNS, TLS,
 * timeout). Temporary.
 */
public class PrinterUnreachableException extends AppConnectionException {
    public PrinterUnreachableException(String message, String connectionId, Throwable cause) {
        super(message, connectionId, null, cause);
    }

    @Override
    public boolean isTemporary() {
        return true;
    }
}
