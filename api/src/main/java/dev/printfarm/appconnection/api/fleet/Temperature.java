package dev.printfarm.appconnection.api.fleet;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One heater's temperatures in °C, as OctoPrint reports them ({@code tool0}, {@code bed}, {@code chamber}).
 *
 * @param offset the temperature offset OctoPrint applies to the target; empty when not reported
 */
public record Temperature(String heater, OptionalDouble actual, OptionalDouble target, OptionalDouble offset) {

    public Temperature {
        Objects.requireNonNull(heater, "heater");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(offset, "offset");
    }

    public Temperature(String heater, OptionalDouble actual, OptionalDouble target) {
        this(heater, actual, target, OptionalDouble.empty());
    }
}
