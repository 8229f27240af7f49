package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import java.time.Duration;

/**
 * The portal flow: where its callback is mounted, where the browser goes afterwards, how long a started flow may
 * take, and how often expired flows are deleted.
 */
public record PortalSettings(String callbackPath, String landingPath, Duration stateTtl, Duration purgeInterval) {

    public static final String CALLBACK_PATH = "appconnection.portal.callback-path";
    public static final String LANDING_PATH = "appconnection.portal.landing-path";
    public static final String STATE_TTL = "appconnection.portal.state-ttl";
    public static final String PURGE_INTERVAL = "appconnection.portal.purge-interval";

    public static final String DEFAULT_CALLBACK_PATH = "/appconnection/callback";

    public static PortalSettings read(ConfigReader in) {
        return new PortalSettings(
                in.path(CALLBACK_PATH, DEFAULT_CALLBACK_PATH),
                in.path(LANDING_PATH, "/"),
                in.duration(STATE_TTL, "PT10M"),
                in.duration(PURGE_INTERVAL, "PT5M"));
    }
}
