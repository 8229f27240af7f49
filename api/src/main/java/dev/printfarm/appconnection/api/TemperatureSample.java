package dev.printfarm.appconnection.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One point of OctoPrint's temperature history: when, and every heater's values then. */
public record TemperatureSample(Instant time, List<Temperature> temperatures) {

    public TemperatureSample {
        Objects.requireNonNull(time, "time");
        temperatures = List.copyOf(temperatures);
    }
}
