package dev.printfarm.appconnection.sandbox.printer;

import java.time.Instant;

public record Temperature(double actual, double target, double offset) {

    private static final double ROOM = 22.5;

    public Temperature(double actual, double target) {
        this(actual, target, 0);
    }

    /** Wobbles around the target (or room temperature when off) the way a PID-controlled heater does. */
    static Temperature around(double target, Instant now, double phase) {
        double seconds = now.toEpochMilli() / 1000.0;
        double base = target > 0 ? target : ROOM;
        double amplitude = target > 0 ? 0.8 : 0.3;
        double wobble =
                amplitude * Math.sin(seconds / 7.0 + phase) + 0.25 * amplitude * Math.sin(seconds / 2.3 + phase);
        return new Temperature(Math.round((base + wobble) * 100) / 100.0, target);
    }

    static Temperature of(Heaters.Heater heater, Instant now, double phase) {
        Temperature around = around(heater.target(), now, phase);
        return new Temperature(around.actual(), heater.target(), heater.offset());
    }
}
