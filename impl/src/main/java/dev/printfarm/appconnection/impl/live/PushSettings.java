package dev.printfarm.appconnection.impl.live;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import java.time.Duration;

/**
 * The printer sockets the module keeps open (OctoPrint's push, Moonraker's): reconnecting, keeping alive, and
 * OctoPrint's throttle.
 *
 * @param reconnectInitial the first reconnect of a dropped socket waits a random time up to this; the ceiling doubles
 * @param reconnectMax     the ceiling's ceiling
 * @param keepAlive        how often an open socket is pinged; one silent for 2.5 times this is dropped and reconnected
 * @param throttle         OctoPrint's push throttle factor: 1 sends {@code current} every 500 ms, 2 every second, ...
 */
public record PushSettings(Duration reconnectInitial, Duration reconnectMax, Duration keepAlive, int throttle) {

    public static final String RECONNECT_INITIAL = "appconnection.push.reconnect-initial";
    public static final String RECONNECT_MAX = "appconnection.push.reconnect-max";
    public static final String KEEPALIVE = "appconnection.push.keepalive";
    public static final String THROTTLE = "appconnection.push.throttle";

    public static PushSettings read(ConfigReader in) {
        Duration initial = in.duration(RECONNECT_INITIAL, "PT0.5S");
        Duration max = in.duration(RECONNECT_MAX, "PT30S");
        if (max.compareTo(initial) < 0) {
            in.refuse(RECONNECT_MAX, "it must be at least " + RECONNECT_INITIAL + " (" + initial + ")");
            max = initial;
        }
        return new PushSettings(initial, max, in.duration(KEEPALIVE, "PT30S"), in.integer(THROTTLE, 1, 1, 100));
    }
}
