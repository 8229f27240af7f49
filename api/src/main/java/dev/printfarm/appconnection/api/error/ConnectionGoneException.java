package dev.printfarm.appconnection.api.error;

/**
 * 603 (not found) or 604 (revoked or expired): the App Connection is gone for good; the user must create a new one.
 * Without a code when the module already knew and sent nothing. Permanent.
 */
public class ConnectionGoneException extends OctoEverywhereException {
    public ConnectionGoneException(String message, String connectionId, ErrorDetails details) {
        super(message, connectionId, details, false, 603, 604);
    }
}
