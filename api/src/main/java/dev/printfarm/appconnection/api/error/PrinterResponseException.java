package dev.printfarm.appconnection.api.error;

/**
 * The printer itself (OctoPrint, Moonraker, ...) answered with an HTTP error, e.g. 409 when it is not
 * operational. OctoEverywhere relayed the answer faithfully.
 */
public class PrinterResponseException extends AppConnectionException {

    public PrinterResponseException(String message, String connectionId, int status) {
        super(message, connectionId, status, null);
    }

    /** Server-side errors and 409 (busy, not operational) may go away; other client errors will not. */
    @Override
    public boolean isTemporary() {
        int s = status().orElseThrow();
        return s >= 500 || s == 409 || s == 429;
    }
}
