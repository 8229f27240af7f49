package dev.printfarm.appconnection.api.octoprint;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A printhead move ({@code POST /api/printer/printhead}, command {@code jog}) in millimetres, relative unless
 * {@code absolute}. At least one axis is given; all are finite.
 *
 * @param speed feed rate in mm/min; empty for OctoPrint's default
 */
public record OctoPrintJog(OptionalDouble x, OptionalDouble y, OptionalDouble z, boolean absolute, OptionalInt speed) {

    public OctoPrintJog {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(speed, "speed");
        if (x.isEmpty() && y.isEmpty() && z.isEmpty()) {
            throw new IllegalArgumentException("a jog needs at least one axis");
        }
        for (OptionalDouble axis : new OptionalDouble[] {x, y, z}) {
            if (axis.isPresent() && !Double.isFinite(axis.getAsDouble())) {
                throw new IllegalArgumentException("jog distances must be finite numbers");
            }
        }
        if (speed.isPresent() && speed.getAsInt() <= 0) {
            throw new IllegalArgumentException("speed must be positive, got " + speed.getAsInt());
        }
    }

    public static OctoPrintJog by(double x, double y, double z) {
        return new OctoPrintJog(
                OptionalDouble.of(x), OptionalDouble.of(y), OptionalDouble.of(z), false, OptionalInt.empty());
    }

    public static OctoPrintJog to(double x, double y, double z) {
        return new OctoPrintJog(
                OptionalDouble.of(x), OptionalDouble.of(y), OptionalDouble.of(z), true, OptionalInt.empty());
    }

    public static OctoPrintJog zBy(double z) {
        return new OctoPrintJog(
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(z), false, OptionalInt.empty());
    }

    public OctoPrintJog atSpeed(int mmPerMinute) {
        return new OctoPrintJog(x, y, z, absolute, OptionalInt.of(mmPerMinute));
    }
}
