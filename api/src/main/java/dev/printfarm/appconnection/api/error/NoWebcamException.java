package dev.printfarm.appconnection.api.error;

/**
 * The printer reports no enabled camera that can serve what was asked (a snapshot, an MJPEG stream). The printer's
 * settings answered; no status is involved. Permanent until someone adds a camera to the printer.
 */
public class NoWebcamException extends AppConnectionException {

    public NoWebcamException(String message, String connectionId) {
        super(message, connectionId, ErrorDetails.none(), null);
    }

    @Override
    public boolean isTemporary() {
        return false;
    }
}
