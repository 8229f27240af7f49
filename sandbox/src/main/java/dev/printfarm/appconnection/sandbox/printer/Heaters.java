package dev.printfarm.appconnection.sandbox.printer;

/** Targets and offsets of the heaters, as set through the API (0 = off). */
public record Heaters(Heater tool0, Heater bed, Heater chamber) {

    public static final Heaters OFF = new Heaters(Heater.OFF, Heater.OFF, Heater.OFF);
    static final Heaters PRINTING = new Heaters(new Heater(215.0, 0), new Heater(60.0, 0), Heater.OFF);

    public record Heater(double target, double offset) {
        public static final Heater OFF = new Heater(0, 0);

        public Heater withTarget(double target) {
            return new Heater(target, offset);
        }

        public Heater withOffset(double offset) {
            return new Heater(target, offset);
        }
    }

    public Heaters withTool0(Heater heater) {
        return new Heaters(heater, bed, chamber);
    }

    public Heaters withBed(Heater heater) {
        return new Heaters(tool0, heater, chamber);
    }

    public Heaters withChamber(Heater heater) {
        return new Heaters(tool0, bed, heater);
    }
}
