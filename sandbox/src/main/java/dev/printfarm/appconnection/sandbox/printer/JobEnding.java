package dev.printfarm.appconnection.sandbox.printer;

/**
 * How the last print of an idle printer ended, as far as the faces that keep showing it care (Moonraker's
 * {@code print_stats.state}, the command API's {@code State}): nothing to show, or complete, cancelled, failed.
 */
public enum JobEnding {
    NONE,
    COMPLETE,
    CANCELLED,
    ERROR
}
