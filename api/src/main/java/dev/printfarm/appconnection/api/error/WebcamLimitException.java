package dev.printfarm.appconnection.api.error;

import java.time.Duration;
import java.util.Optional;

/**
 * 609: the webcam was viewed too often back to back. Temporary: {@link #retryAfter()} tells how long the module holds
 * back further webcam requests for the connection (it refuses them locally meanwhile, without traffic).
 */
public class WebcamLimitException extends OctoEverywhereException {

    private final Duration retryAfter;

    public WebcamLimitException(String message, String connectionId) {
        this(message, connectionId, null);
    }

    public WebcamLimitException(String message, String connectionId, Duration retryAfter) {
        super(message, connectionId, 609, true);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
