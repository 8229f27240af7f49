package dev.printfarm.appconnection.impl.appapi;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import java.time.Duration;

/**
 * The Info App API's answers: how long the account limits it reports are trusted, and how the background refresh of
 * every connection's Info runs.
 *
 * @param cacheTtl           how long an Info answer's limits are trusted before an upload or download asks again
 * @param refreshInterval    how often each connection's Info is refreshed in the background; zero turns it off
 * @param refreshConcurrency Info refresh calls in flight on this server at most
 */
public record InfoSettings(Duration cacheTtl, Duration refreshInterval, int refreshConcurrency) {

    public static final String CACHE_TTL = "appconnection.info.cache-ttl";
    public static final String REFRESH_INTERVAL = "appconnection.info.refresh-interval";
    public static final String REFRESH_CONCURRENCY = "appconnection.info.refresh-concurrency";

    public static InfoSettings read(ConfigReader in) {
        return new InfoSettings(
                in.duration(CACHE_TTL, "PT10M"),
                in.durationOrZero(REFRESH_INTERVAL, "PT15M", "no background refresh"),
                in.integer(REFRESH_CONCURRENCY, 4, 1, 1_000));
    }

    public boolean refreshOn() {
        return !refreshInterval.isZero();
    }
}
