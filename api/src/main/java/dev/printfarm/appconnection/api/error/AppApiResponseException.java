package dev.printfarm.appconnection.api.error;

/**
 * OctoEverywhere's App API (Info, Live Links, Gadget, webhooks) answered an HTTP error of its own that is not one of
 * its 6xx codes: 400 when the App API token is missing or wrong, 5xx when OctoEverywhere has trouble.
 * {@link #httpStatus()} is that status; it is OctoEverywhere's, not the printer's, so {@link #printerStatus()} is empty.
 * Temporary for 5xx and 429.
 */
public class AppApiResponseException extends AppConnectionException {

    private final int httpStatus;

    public AppApiResponseException(String message, String connectionId, int httpStatus, ErrorDetails details) {
        super(message, connectionId, details, null);
        if (details.octoEverywhereCode().isPresent() || details.printerStatus().isPresent()) {
            throw new IllegalArgumentException("The App API's own HTTP error has no 6xx code and no printer status");
        }
        this.httpStatus = httpStatus;
    }

    /** The App API's HTTP status. */
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public boolean isTemporary() {
        return (httpStatus >= 500 && httpStatus <= 599) || httpStatus == 429;
    }
}
