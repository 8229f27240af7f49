package dev.printfarm.appconnection.api.appapi;

/**
 * How long a Live Link lives: a number of hours (1–17,520, i.e. up to two years), or until the current print
 * ends. Checked here, before anything is sent.
 */
public record LiveLinkOptions(int expirationHours, boolean endWhenCurrentPrintIsComplete) {

    public static final int MAX_HOURS = 17_520;

    public LiveLinkOptions {
        if (expirationHours < 1 || expirationHours > MAX_HOURS) {
            throw new IllegalArgumentException(
                    "a Live Link expires after 1 to " + MAX_HOURS + " hours, got " + expirationHours);
        }
    }

    public static LiveLinkOptions expiringAfterHours(int hours) {
        return new LiveLinkOptions(hours, false);
    }

    /** Ends when the print now running completes (OctoEverywhere answers 613 when none runs). */
    public static LiveLinkOptions untilCurrentPrintEnds() {
        return new LiveLinkOptions(24, true);
    }
}
