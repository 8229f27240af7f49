package dev.printfarm.appconnection.api.octoprint;

import dev.printfarm.appconnection.api.fleet.Temperature;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * OctoPrint's {@code /api/printer}: the state text, the flags a farm acts on, and every heater.
 *
 * @param storageReady whether the printer's own storage (SD card) is ready; empty when not reported or excluded
 * @param history      temperature history, oldest first; empty unless asked for with {@link OctoPrintPrinterQuery#withHistory}
 */
public record OctoPrintPrinterState(
        Optional<String> stateText,
        boolean operational,
        boolean printing,
        boolean paused,
        boolean error,
        List<Temperature> temperatures,
        Optional<Boolean> storageReady,
        List<OctoPrintTemperatureSample> history) {

    public OctoPrintPrinterState {
        Objects.requireNonNull(stateText, "stateText");
        Objects.requireNonNull(storageReady, "storageReady");
        temperatures = List.copyOf(temperatures);
        history = List.copyOf(history);
    }

    /** The heater with this name ({@code tool0}, {@code bed}, ...), if reported. */
    public Optional<Temperature> temperature(String heater) {
        return temperatures.stream().filter(t -> t.heater().equals(heater)).findFirst();
    }
}
