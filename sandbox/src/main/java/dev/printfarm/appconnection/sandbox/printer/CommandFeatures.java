package dev.printfarm.appconnection.sandbox.printer;

/** The bits of the command API's {@code Features}: which optional controls a printer supports. */
public final class CommandFeatures {

    public static final int LIGHT = 1;
    public static final int AXIS = 2;
    public static final int HOMING = 4;
    public static final int EXTRUSION = 8;
    public static final int TEMPERATURE = 16;
    public static final int PRINT_START = 32;
    /** Every bit the command API knows. */
    public static final int ALL = 63;

    private CommandFeatures() {}

    public static boolean has(int features, int feature) {
        return (features & feature) == feature;
    }
}
