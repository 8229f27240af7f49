package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.JobEnding;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrintHistory;
import dev.printfarm.appconnection.sandbox.printer.Toolhead;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One printer as Klipper sees it at one instant, read from the shared printer state.
 *
 * @param lastJob   while idle after a print, that print as the history has it (Klipper keeps showing it)
 * @param eventtime Klipper's monotonic clock: seconds since the printer "booted"
 */
record Machine(
        String printerId,
        OctoPrintState state,
        Toolhead toolhead,
        boolean lightOn,
        int features,
        Optional<PrintHistory.Job> lastJob,
        Duration jobLength,
        Instant now,
        double eventtime) {

    /** Klipper's state message after an emergency stop, which it also answers every G-code with. */
    static final String SHUTDOWN_MESSAGE = "Shutdown due to webhooks request\nOnce the underlying issue is corrected, "
            + "use the\n\"FIRMWARE_RESTART\" command to reset the firmware, reload the\nconfig, and restart the host "
            + "software.\nPrinter is shutdown\n";

    static final String READY_MESSAGE = "Printer is ready";
    /** Seconds added to the time since start, so that {@code eventtime} looks like an uptime. */
    private static final double BOOT_SECONDS = 100.0;

    static Machine of(EmulatedPrinter printer, Instant now) {
        OctoPrintState state = printer.octoPrintAt(now);
        Optional<PrintHistory.Job> last = state.job().isEmpty() && state.ending() != JobEnding.NONE
                ? printer.lastEndedPrint(now)
                : Optional.empty();
        double eventtime =
                Math.round((Duration.between(printer.bootedAt(), now).toMillis() / 1000.0 + BOOT_SECONDS) * 1000)
                        / 1000.0;
        return new Machine(
                printer.id(),
                state,
                printer.toolhead(),
                printer.lightOn(),
                printer.controls().effectiveFeatures(),
                last,
                printer.jobDuration(),
                now,
                eventtime);
    }

    /** Klippy is "ready", or "shutdown" after an emergency stop until a restart. */
    boolean ready() {
        return state.connected();
    }

    String klippyState() {
        return ready() ? "ready" : "shutdown";
    }

    String stateMessage() {
        return ready() ? READY_MESSAGE : SHUTDOWN_MESSAGE;
    }
}
