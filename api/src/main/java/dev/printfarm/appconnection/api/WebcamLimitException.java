package dev.printfarm.appconnection.api;

/** 609: the webcam was viewed too often back to back. Temporary. */
public class WebcamLimitException extends OctoEverywhereException {
    public WebcamLimitException(String message, String connectionId) {
        super(message, connectionId, 609, true);
    }
}
