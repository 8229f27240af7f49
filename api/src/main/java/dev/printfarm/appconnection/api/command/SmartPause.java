package dev.printfarm.appconnection.api.command;

import java.util.OptionalDouble;

/**
 * How a command-API pause leaves the printer: a plain pause, or a "smart" one that also cools the hotend (and the bed
 * when asked), lifts Z and retracts filament, so the print can be looked at and resumed.
 */
public record SmartPause(
        boolean smart,
        boolean disableHotend,
        boolean disableBed,
        OptionalDouble zLiftMm,
        OptionalDouble retractFilamentMm,
        boolean suppressNotification) {

    public SmartPause {
        java.util.Objects.requireNonNull(zLiftMm, "zLiftMm");
        java.util.Objects.requireNonNull(retractFilamentMm, "retractFilamentMm");
        if (zLiftMm.isPresent() && !(zLiftMm.getAsDouble() >= 0 && zLiftMm.getAsDouble() <= 50)) {
            throw new IllegalArgumentException("zLiftMm must be 0-50 mm, was " + zLiftMm.getAsDouble());
        }
        if (retractFilamentMm.isPresent()
                && !(retractFilamentMm.getAsDouble() >= 0 && retractFilamentMm.getAsDouble() <= 50)) {
            throw new IllegalArgumentException(
                    "retractFilamentMm must be 0-50 mm, was " + retractFilamentMm.getAsDouble());
        }
    }

    /** A plain pause. */
    public static SmartPause plain() {
        return new SmartPause(false, false, false, OptionalDouble.empty(), OptionalDouble.empty(), false);
    }

    /** A smart pause that cools the hotend, lifts Z by {@code zLiftMm} and retracts {@code retractFilamentMm}. */
    public static SmartPause smart(double zLiftMm, double retractFilamentMm) {
        return new SmartPause(
                true, true, false, OptionalDouble.of(zLiftMm), OptionalDouble.of(retractFilamentMm), false);
    }
}
