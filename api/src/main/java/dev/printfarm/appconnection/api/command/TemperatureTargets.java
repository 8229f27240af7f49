package dev.printfarm.appconnection.api.command;

import java.util.Objects;
import java.util.OptionalDouble;

/** Heater targets in °C for the command API's {@code set-temp}: at least one; {@code toolNumber} picks the hotend. */
public record TemperatureTargets(OptionalDouble bed, OptionalDouble chamber, OptionalDouble tool, int toolNumber) {

    public TemperatureTargets {
        Objects.requireNonNull(bed, "bed");
        Objects.requireNonNull(chamber, "chamber");
        Objects.requireNonNull(tool, "tool");
        if (bed.isEmpty() && chamber.isEmpty() && tool.isEmpty()) {
            throw new IllegalArgumentException("Name at least one heater target");
        }
        if (toolNumber < 0 || toolNumber > 10) {
            throw new IllegalArgumentException("toolNumber must be 0-10, was " + toolNumber);
        }
        check("bed", bed);
        check("chamber", chamber);
        check("tool", tool);
    }

    private static void check(String heater, OptionalDouble target) {
        if (target.isPresent() && !(target.getAsDouble() >= 0 && target.getAsDouble() <= 500)) {
            throw new IllegalArgumentException(heater + " target must be 0-500 °C, was " + target.getAsDouble());
        }
    }

    public static TemperatureTargets tool(double celsius) {
        return new TemperatureTargets(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(celsius), 0);
    }

    public static TemperatureTargets bed(double celsius) {
        return new TemperatureTargets(OptionalDouble.of(celsius), OptionalDouble.empty(), OptionalDouble.empty(), 0);
    }
}
