package dev.printfarm.appconnection.api.event;

import dev.printfarm.appconnection.api.fleet.PrinterView;
import java.util.Objects;
import java.util.Optional;

/**
 * CDI event: the fleet monitor's snapshot of a printer changed (state, route, job, progress, temperatures or error),
 * e.g. to push it to a live console. Not fired when a refresh learns nothing new.
 */
public record PrinterViewChanged(Optional<PrinterView> previous, PrinterView current) {
    public PrinterViewChanged {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }
}
