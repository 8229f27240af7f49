package dev.printfarm.appconnection.sandbox.printer;

import java.util.Optional;

/**
 * Where the toolhead is, as moved, homed and extruded through the command API (Klipper's {@code toolhead}).
 *
 * @param e         the extruder position: filament pushed (positive) or pulled back since the last reset, in mm
 * @param homedAxes Klipper's {@code homed_axes}: {@code ""} or {@code "xyz"}
 */
public record Toolhead(double x, double y, double z, double e, String homedAxes) {

    public static final Toolhead PARKED = new Toolhead(0, 0, 0, 0, "");
    /** The emulated bed: 250 × 210 mm, 220 mm of Z. */
    public static final double MAX_X = 250;

    public static final double MAX_Y = 210;
    public static final double MAX_Z = 220;

    public Toolhead homed() {
        return new Toolhead(0, 0, 0, e, "xyz");
    }

    /** Empty when the move would leave the build volume. */
    public Optional<Toolhead> moved(char axis, double distanceMm) {
        double nx = x;
        double ny = y;
        double nz = z;
        switch (Character.toUpperCase(axis)) {
            case 'X' -> nx += distanceMm;
            case 'Y' -> ny += distanceMm;
            case 'Z' -> nz += distanceMm;
            default -> throw new IllegalArgumentException("axis must be X, Y or Z, got " + axis);
        }
        if (nx < 0 || nx > MAX_X || ny < 0 || ny > MAX_Y || nz < 0 || nz > MAX_Z) {
            return Optional.empty();
        }
        return Optional.of(new Toolhead(round(nx), round(ny), round(nz), e, homedAxes));
    }

    public Toolhead extruded(double distanceMm) {
        return new Toolhead(x, y, z, round(e + distanceMm), homedAxes);
    }

    /** Z lifted for a smart pause, as far as the build volume allows. */
    public Toolhead lifted(double mm) {
        return new Toolhead(x, y, round(Math.min(MAX_Z, z + mm)), e, homedAxes);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
