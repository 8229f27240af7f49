package dev.printfarm.appconnection.impl.gadget;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import java.time.Duration;

/**
 * How often Gadget is asked about a watched connection, within OctoEverywhere's rule of at most one request per
 * {@link #MIN_POLL_INTERVAL}.
 *
 * @param pollInterval         between two Gadget polls of a watched, printing connection
 * @param disabledPollInterval between two Gadget polls while Gadget reports itself disabled
 * @param printCheckInterval   how often a watched connection's job is checked to learn whether a print runs
 */
public record GadgetSettings(Duration pollInterval, Duration disabledPollInterval, Duration printCheckInterval) {

    public static final String POLL_INTERVAL = "appconnection.gadget.poll-interval";
    public static final String DISABLED_POLL_INTERVAL = "appconnection.gadget.disabled-poll-interval";
    public static final String PRINT_CHECK_INTERVAL = "appconnection.gadget.print-check-interval";

    /** OctoEverywhere's own floor between two Gadget polls of one connection. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(10);

    public static GadgetSettings read(ConfigReader in) {
        return new GadgetSettings(
                in.duration(POLL_INTERVAL, "PT10S", MIN_POLL_INTERVAL, null),
                in.duration(DISABLED_POLL_INTERVAL, "PT10M", MIN_POLL_INTERVAL, null),
                in.duration(PRINT_CHECK_INTERVAL, "PT10S"));
    }
}
