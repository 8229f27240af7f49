package dev.printfarm.appconnection.api.error;

/**
 * 602: OctoEverywhere's connection to the printer timed out. Temporary; a command may or may not have
 * reached the printer.
 */
public class RelayTimeoutException extends OctoEverywhereException {
    public RelayTimeoutException(String message, String connectionId, ErrorDetails details) {
        super(message, connectionId, details, true, 602);
    }
}
