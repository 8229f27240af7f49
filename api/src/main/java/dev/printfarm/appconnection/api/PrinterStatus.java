package dev.printfarm.appconnection.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * OctoPrint's {@code /api/printer}: the state text, the flags a farm acts on, and every heater.
 */
public record PrinterStatus(Optional<String> stateText, boolean operational, boolean printing, boolean paused,
                            boolean error, List<Temperature> temperatures) {
    public PrinterStatus {
        Objects.requireNonNull(stateText, "stateText");
        temperatures = List.copyOf(temperatures);
    }
}
