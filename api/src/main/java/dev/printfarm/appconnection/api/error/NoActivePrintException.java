package dev.printfarm.appconnection.api.error;

/**
 * 613: a Live Link that should end with the current print was asked for while nothing prints. Temporary: it
 * works once a print runs.
 */
public class NoActivePrintException extends OctoEverywhereException {

    public NoActivePrintException(String message, String connectionId, ErrorDetails details) {
        super(message, connectionId, details, true, 613);
    }
}
