package dev.printfarm.appconnection.api.error;

/**
 * The printer itself (OctoPrint, Moonraker, ...) answered with an HTTP error, e.g. 409 when it is not operational;
 * OctoEverywhere relayed the answer faithfully, or the printer answered on the LAN. {@link #printerStatus()} is always
 * present, {@link #printerBody()} when the answer had a text body.
 */
public class PrinterResponseException extends AppConnectionException {

    public PrinterResponseException(String message, String connectionId, ErrorDetails details) {
        super(message, connectionId, details, null);
        if (details.printerStatus().isEmpty() || details.octoEverywhereCode().isPresent()) {
            throw new IllegalArgumentException(
                    "A PrinterResponseException carries the printer's status and no 6xx code");
        }
    }

    /** Server-side errors, 409 (busy, not operational) and 429 may go away; other client errors will not. */
    @Override
    public boolean isTemporary() {
        int s = printerStatus().getAsInt();
        return (s >= 500 && s <= 599) || s == 409 || s == 429;
    }
}
