package dev.printfarm.appconnection.api.error;

/** 606: OctoEverywhere rejected the relay credentials. Permanent. */
public class InvalidCredentialsException extends OctoEverywhereException {
    public InvalidCredentialsException(String message, String connectionId) {
        super(message, connectionId, 606, false);
    }
}
