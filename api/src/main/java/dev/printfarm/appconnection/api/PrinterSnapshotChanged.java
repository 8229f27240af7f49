package dev.printfarm.appconnection.api;

import java.util.Objects;
import java.util.Optional;

/**
 * CDI event: the fleet monitor's snapshot of a printer changed (state, route, job, progress, temperatures or error),
 * e.g. to push it to a live console. Not fired when a refresh learns nothing new.
 */
public record PrinterSnapshotChanged(Optional<PrinterSnapshot> previous, PrinterSnapshot current) {
    public PrinterSnapshotChanged {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }
}
