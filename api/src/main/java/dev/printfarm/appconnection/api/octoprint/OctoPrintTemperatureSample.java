package dev.printfarm.appconnection.api.octoprint;

import dev.printfarm.appconnection.api.fleet.Temperature;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One point of OctoPrint's temperature history: when, and every heater's values then. */
public record OctoPrintTemperatureSample(Instant time, List<Temperature> temperatures) {

    public OctoPrintTemperatureSample {
        Objects.requireNonNull(time, "time");
        temperatures = List.copyOf(temperatures);
    }
}
