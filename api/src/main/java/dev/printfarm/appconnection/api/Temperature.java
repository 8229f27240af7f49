package dev.printfarm.appconnection.api;

import java.util.Objects;
import java.util.OptionalDouble;

/** One heater's temperatures in °C, as OctoPrint reports them ({@code tool0}, {@code bed}, {@code chamber}). */
public record Temperature(String heater, OptionalDouble actual, OptionalDouble target) {
    public Temperature {
        Objects.requireNonNull(heater, "heater");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(target, "target");
    }
}
