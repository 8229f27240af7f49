package dev.printfarm.appconnection.impl.octoprint;

import java.util.List;
import java.util.Map;

/** The bodies this module sends OctoPrint; an absent ({@code null}) field is left out. */
public final class OctoPrintCommands {

    private OctoPrintCommands() {}

    /** {@code POST /api/login}. */
    public record Login(boolean passive) {}

    /** {@code POST /api/connection}: {@code connect} with its choices, or {@code disconnect}. */
    public record Connection(
            String command, String port, Integer baudrate, String printerProfile, Boolean save, Boolean autoconnect) {}

    /** {@code POST /api/printer/tool}: {@code target} with targets or {@code offset} with offsets, by tool. */
    public record Tools(String command, Map<String, Double> targets, Map<String, Double> offsets) {}

    /** {@code POST /api/printer/bed} or {@code chamber}: {@code target} or {@code offset}. */
    public record Heater(String command, Double target, Double offset) {}

    /** {@code POST /api/printer/printhead}: {@code jog}; {@code absolute} only when it is. */
    public record Jog(String command, Double x, Double y, Double z, Boolean absolute, Integer speed) {}

    /** {@code POST /api/printer/printhead}: {@code home}. */
    public record Home(String command, List<String> axes) {}

    /** {@code POST /api/printer/command}. */
    public record Gcode(List<String> commands) {}

    /** {@code POST /api/job}: start, cancel, restart, or pause with its action. */
    public record Job(String command, String action) {}

    /** {@code POST /api/files/{location}/{path}}: select, and print it or not. */
    public record Select(String command, boolean print) {}
}
