package dev.printfarm.appconnection.sandbox.printer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What runs on an emulated printer, and so which faces it shows behind the relay: OctoPrint's REST API and push
 * socket, Moonraker's REST API and JSON-RPC socket, or no web API at all (a Bambu Lab, say), reachable only through
 * OctoEverywhere's command API, which every kind answers.
 */
public enum PrinterKind {
    OCTOPRINT("octoprint", CommandFeatures.PRINT_START),
    MOONRAKER(
            "moonraker",
            CommandFeatures.LIGHT
                    | CommandFeatures.AXIS
                    | CommandFeatures.HOMING
                    | CommandFeatures.EXTRUSION
                    | CommandFeatures.TEMPERATURE
                    | CommandFeatures.PRINT_START),
    OTHER("other", CommandFeatures.LIGHT | CommandFeatures.PRINT_START);

    private final String code;
    private final int defaultFeatures;

    PrinterKind(String code, int defaultFeatures) {
        this.code = code;
        this.defaultFeatures = defaultFeatures;
    }

    public String code() {
        return code;
    }

    /** The command API features the OctoEverywhere plugin reports for such a host: 32, 63 and 33. */
    public int defaultFeatures() {
        return defaultFeatures;
    }

    public static Optional<PrinterKind> of(String code) {
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.code.equals(wanted)).findFirst();
    }
}
