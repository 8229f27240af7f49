package dev.printfarm.appconnection.sandbox.webhook;

import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import java.util.Optional;

/**
 * Something to notify about.
 *
 * @param eventType OctoEverywhere's event type, any number (unknown ones included)
 * @param run       the print it is about, as it stood then; empty when there is none
 * @param error     the payload's {@code Error}, e.g. why a print failed
 */
public record PrintEvent(int eventType, Optional<PrintRun> run, Optional<String> error) {

    public static final int PRINT_STARTED = 1;
    public static final int PRINT_COMPLETE = 2;
    public static final int PRINT_FAILED = 3;
    public static final int PRINT_PAUSED = 4;
    public static final int PRINT_RESUMED = 5;
    public static final int PRINT_PROGRESS = 6;
    public static final int TEST_NOTIFICATION = 16;

    public static PrintEvent of(int eventType, Optional<PrintRun> run) {
        return new PrintEvent(eventType, run, Optional.empty());
    }
}
