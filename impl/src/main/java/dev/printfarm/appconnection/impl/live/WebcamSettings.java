package dev.printfarm.appconnection.impl.live;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import java.time.Duration;

/**
 * Webcam streams and snapshots within the account's limits.
 *
 * @param limitMargin    a stream is ended this long (at most a tenth of the limit) before the account's stream-length
 *                       limit would make the relay cut it
 * @param backoffInitial how long webcam requests are held back after a first 609; doubled for each further one
 * @param backoffMax     the longest such hold
 */
public record WebcamSettings(Duration limitMargin, Duration backoffInitial, Duration backoffMax) {

    public static final String LIMIT_MARGIN = "appconnection.webcam.limit-margin";
    public static final String BACKOFF_INITIAL = "appconnection.webcam.backoff-initial";
    public static final String BACKOFF_MAX = "appconnection.webcam.backoff-max";

    public static WebcamSettings read(ConfigReader in) {
        Duration margin = in.duration(LIMIT_MARGIN, "PT2S");
        Duration initial = in.duration(BACKOFF_INITIAL, "PT10S");
        Duration max = in.duration(BACKOFF_MAX, "PT5M");
        if (max.compareTo(initial) < 0) {
            in.refuse(BACKOFF_MAX, "it must be at least " + BACKOFF_INITIAL + " (" + initial + ")");
        }
        return new WebcamSettings(margin, initial, max);
    }
}
