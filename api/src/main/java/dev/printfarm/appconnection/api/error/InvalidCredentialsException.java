package dev.printfarm.appconnection.api.error;

/**
 * 606: OctoEverywhere rejected the relay credentials. Without a code when the module already knew and sent nothing.
 * Permanent.
 */
public class InvalidCredentialsException extends OctoEverywhereException {
    public InvalidCredentialsException(String message, String connectionId, ErrorDetails details) {
        super(message, connectionId, details, false, 606);
    }
}
