package dev.printfarm.appconnection.api.error;

/**
 * 603 (not found) or 604 (revoked or expired): the App Connection is gone for good; the user must create
 * a new one.
 */
public class ConnectionGoneException extends OctoEverywhereException {
    public ConnectionGoneException(String message, String connectionId, int status) {
        super(message, connectionId, status, false);
        if (status != 603 && status != 604) {
            throw new IllegalArgumentException("ConnectionGoneException is for 603 and 604, not " + status);
        }
    }
}
