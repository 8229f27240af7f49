package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import java.time.Duration;

/**
 * The fleet monitor: how often every connection is refreshed (zero: the monitor is off), how many refreshes are in
 * flight at most, and how long a printer that does not answer is left alone.
 *
 * @param slowRefreshes     how many refreshes slower than three times the typical one may go on outside the concurrency
 *                          bound, so that printers which hang until a timeout do not hold back the others
 * @param offlineBackoffMax the longest a printer that does not answer is left alone (each miss doubles the wait)
 * @param answerBytes       the largest answer one refresh reads: up to concurrency + slow refreshes answers are read at
 *                          once, so this, not the general JSON cap, bounds the memory a fleet of hostile printers takes
 */
public record FleetSettings(
        Duration cycle, int concurrency, int slowRefreshes, Duration offlineBackoffMax, long answerBytes) {

    public static final String CYCLE = "appconnection.fleet.cycle";
    public static final String CONCURRENCY = "appconnection.fleet.concurrency";
    public static final String SLOW_REFRESHES = "appconnection.fleet.slow-refreshes";
    public static final String OFFLINE_BACKOFF_MAX = "appconnection.fleet.offline-backoff-max";
    public static final String ANSWER_BYTES = "appconnection.fleet.answer-bytes";

    public static FleetSettings read(ConfigReader in) {
        return new FleetSettings(
                in.durationOrZero(CYCLE, "PT0S", "the monitor is off"),
                in.integer(CONCURRENCY, 200, 1, 100_000),
                in.integer(SLOW_REFRESHES, 100, 0, 100_000),
                in.duration(OFFLINE_BACKOFF_MAX, "PT5M"),
                // Status answers are a few KiB; the cap leaves room for printers with many tools or materials.
                in.bytes(ANSWER_BYTES, 256L * 1024, 1024, Long.MAX_VALUE));
    }

    /** Whether the monitor runs. */
    public boolean on() {
        return !cycle.isZero();
    }
}
