package dev.printfarm.appconnection.api.error;

/**
 * The printer or OctoEverywhere's App API answered, but not with anything the module can use: a body that is not the
 * JSON expected, one over the module's size cap, or an image that is none. Not silence, so never a
 * {@link PrinterUnreachableException}. {@link #printerStatus()} is the printer's status when the printer sent it; the
 * body is not kept (a success body may hold what is not the caller's to see). Temporary: a restarting printer or a
 * proxy in the way may answer properly next time.
 */
public class UnreadableAnswerException extends AppConnectionException {

    public UnreadableAnswerException(String message, String connectionId, ErrorDetails details) {
        super(message, connectionId, details, null);
        if (details.octoEverywhereCode().isPresent() || details.printerBody().isPresent()) {
            throw new IllegalArgumentException("An unreadable answer keeps no 6xx code and no body");
        }
    }

    @Override
    public boolean isTemporary() {
        return true;
    }
}
