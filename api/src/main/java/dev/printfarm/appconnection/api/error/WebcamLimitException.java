package dev.printfarm.appconnection.api.error;

/**
 * 609: the webcam was viewed too often back to back. Temporary: {@link #retryAfter()} tells how long the module holds
 * back further webcam requests for the connection (it refuses them locally meanwhile, without traffic and without a
 * code).
 */
public class WebcamLimitException extends OctoEverywhereException {

    public WebcamLimitException(String message, String connectionId, ErrorDetails details) {
        super(message, connectionId, details, true, 609);
    }
}
