package dev.printfarm.appconnection.sandbox.commandapi;

import dev.printfarm.appconnection.sandbox.printer.CommandFeatures;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.Heaters;
import dev.printfarm.appconnection.sandbox.printer.JobFile;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrintJobs;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.printer.StoredFile;
import dev.printfarm.appconnection.sandbox.printer.Toolhead;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The control commands: pause (with the smart pause options), resume, cancel, start, set-light, move-axis, home,
 * extrude, set-temp. Each checks, in this order: its arguments (400), the printer's {@code Features} (788), the host
 * connection (785; 752 or 786 on a Klipper after an emergency stop), the printer's state (786), then does it.
 */
final class PrinterControl {

    static final String LIGHT_NAME = "chamber";
    static final double MAX_BED_C = 75;
    static final double MAX_CHAMBER_C = 75;
    static final double MAX_TOOL_C = 260;
    static final double MIN_EXTRUDE_C = 170;

    private PrinterControl() {}

    /** Smart pause: heaters off as asked ({@code DisableHotend} by default), Z lifted, filament retracted. */
    static JsonObject pause(CommandArgs args, EmulatedPrinter printer, Instant now) {
        String problem = "Failed to parse args";
        boolean smart = args.bool("SmartPause", false, problem);
        boolean hotendOff = args.bool("DisableHotend", true, problem);
        boolean bedOff = args.bool("DisableBed", false, problem);
        double lift = args.number("ZLiftMm", problem).orElse(0.0);
        double retract = args.number("RetractFilamentMm", problem).orElse(0.0);
        args.bool("SuppressNotification", smart, problem);
        args.bool("ShowSmartPausePopup", true, problem);
        if (lift < 0 || retract < 0) {
            throw CommandError.badArgument("ZLiftMm and RetractFilamentMm must not be negative");
        }
        OctoPrintState state = connected(printer, now, "pause", CommandCodes.INVALID_PRINTER_STATE);
        if (!state.printing()) {
            throw new CommandError(CommandCodes.INVALID_PRINTER_STATE, "Printer state is not printing.");
        }
        printer.changeJob(job -> PrintJobs.pause(job, PrintJobs.PauseAction.PAUSE, now));
        if (smart) {
            printer.changeHeaters(heaters -> new Heaters(
                    hotendOff ? heaters.tool0().withTarget(0) : heaters.tool0(),
                    bedOff ? heaters.bed().withTarget(0) : heaters.bed(),
                    heaters.chamber()));
            printer.changeToolhead(head -> head.lifted(lift).extruded(-retract));
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    static JsonObject resume(EmulatedPrinter printer, Instant now) {
        OctoPrintState state = connected(printer, now, "resume", CommandCodes.INVALID_PRINTER_STATE);
        if (!state.paused()) {
            throw new CommandError(CommandCodes.INVALID_PRINTER_STATE, "Printer state is not paused.");
        }
        printer.changeJob(job -> PrintJobs.pause(job, PrintJobs.PauseAction.RESUME, now));
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    static JsonObject cancel(EmulatedPrinter printer, Instant now) {
        OctoPrintState state = connected(printer, now, "cancel", CommandCodes.INVALID_PRINTER_STATE);
        if (state.job().isEmpty()) {
            throw new CommandError(CommandCodes.INVALID_PRINTER_STATE, "Printer state is not printing or paused.");
        }
        printer.changeJob(job -> PrintJobs.cancel(job, now));
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** {@code Path}: a file of the {@code gcode} root, e.g. the {@code VirtualPath} of {@code files/list}. */
    static JsonObject start(CommandArgs args, EmulatedPrinter printer, Instant now) {
        VirtualPath path = VirtualPath.of(args, List.of(VirtualPath.GCODE));
        feature(printer, CommandFeatures.PRINT_START, "Starting a print");
        StoredFile file = printer.files()
                .find(CommandFiles.LOCATION, path.relative())
                .orElseThrow(() -> new CommandError(CommandCodes.NOT_FOUND, "File not found: " + path.full()));
        connected(printer, now, "start", CommandCodes.BAD_ARGUMENT);
        PrintJobs.Outcome outcome =
                printer.changeJob(job -> PrintJobs.select(job, JobFile.of(file), true, now, printer.jobDuration()));
        if (outcome.conflict().isPresent()) {
            throw new CommandError(CommandCodes.INVALID_PRINTER_STATE, "Printer is busy printing.");
        }
        JsonObjectBuilder result =
                Json.createObjectBuilder().add("VirtualPath", path.full()).add("PlatformPath", path.relative());
        if (printer.controls().kind() == PrinterKind.MOONRAKER) {
            result.add("PrinterResponse", Json.createObjectBuilder().add("result", "ok"));
        }
        return result.build();
    }

    /** {@code Name} (the one light is {@code chamber}) and {@code On}. */
    static JsonObject setLight(CommandArgs args, EmulatedPrinter printer, Instant now) {
        String name = args.string("Name").orElseThrow(() -> CommandError.badArgument("No light name passed"));
        if (args.get("On").isEmpty()) {
            throw CommandError.badArgument("No light on/off state passed");
        }
        boolean on = args.bool("On", false, "No light on/off state passed");
        if (!CommandFeatures.has(printer.controls().effectiveFeatures(), CommandFeatures.LIGHT)) {
            throw new CommandError(CommandCodes.FEATURE_NOT_SUPPORTED, "No lights detected in printer configuration");
        }
        if (!LIGHT_NAME.equals(name)) {
            throw CommandError.badArgument("Unknown light name: " + name);
        }
        connected(printer, now, "set-light", CommandCodes.EXECUTION_FAILURE);
        printer.setLight(on);
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** {@code Axis} X, Y or Z and a relative {@code DistanceMm}; the axes must be homed and the move stay inside. */
    static JsonObject moveAxis(CommandArgs args, EmulatedPrinter printer, Instant now) {
        String axis =
                args.string("Axis").orElseThrow(() -> CommandError.badArgument("No axis specified or invalid type"));
        double distance = args.number("DistanceMm", "No distance specified or invalid type")
                .orElseThrow(() -> CommandError.badArgument("No distance specified or invalid type"));
        String upper = axis.toUpperCase(Locale.ROOT);
        if (!List.of("X", "Y", "Z").contains(upper)) {
            throw CommandError.badArgument("Invalid axis. Must be X, Y, or Z");
        }
        feature(printer, CommandFeatures.AXIS, "Moving an axis");
        idle(connected(printer, now, "move-axis", CommandCodes.EXECUTION_FAILURE));
        Toolhead head = printer.toolhead();
        if (!head.homedAxes().contains(upper.toLowerCase(Locale.ROOT))) {
            throw failed(printer, "move-axis", "Must home axis first");
        }
        Toolhead moved = head.moved(upper.charAt(0), distance)
                .orElseThrow(() -> failed(printer, "move-axis", "Move out of range"));
        printer.changeToolhead(current -> moved);
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    static JsonObject home(EmulatedPrinter printer, Instant now) {
        feature(printer, CommandFeatures.HOMING, "Homing");
        idle(connected(printer, now, "home", CommandCodes.EXECUTION_FAILURE));
        printer.changeToolhead(Toolhead::homed);
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** {@code Extruder} (0: the printers have one) and {@code DistanceMm}, negative to retract; not cold. */
    static JsonObject extrude(CommandArgs args, EmulatedPrinter printer, Instant now) {
        int extruder = args.integer("Extruder", "No extruder specified or invalid type")
                .orElseThrow(() -> CommandError.badArgument("No extruder specified or invalid type"));
        double distance = args.number("DistanceMm", "No distanceMm specified or invalid type")
                .orElseThrow(() -> CommandError.badArgument("No distanceMm specified or invalid type"));
        if (extruder < 0 || extruder > 10) {
            throw CommandError.badArgument("Invalid extruder index");
        }
        feature(printer, CommandFeatures.EXTRUSION, "Extrusion");
        OctoPrintState state = idle(connected(printer, now, "extrude", CommandCodes.EXECUTION_FAILURE));
        if (extruder > 0) {
            throw failed(printer, "extrude", "The printer has no extruder " + extruder);
        }
        if (state.tool0().actual() < MIN_EXTRUDE_C) {
            throw failed(printer, "extrude", "Extrude below minimum temp");
        }
        printer.changeToolhead(head -> head.extruded(distance));
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** {@code BedC} 0..75, {@code ChamberC} 0..75, {@code ToolC} 0..260 (at least one), {@code ToolNumber} ≥ 0. */
    static JsonObject setTemp(CommandArgs args, EmulatedPrinter printer, Instant now) {
        Optional<Double> bed = temperature(args, "BedC", "bedC");
        Optional<Double> chamber = temperature(args, "ChamberC", "chamberC");
        Optional<Double> tool = temperature(args, "ToolC", "toolC");
        Optional<Integer> toolNumber = args.integer("ToolNumber", "Invalid toolNumber type");
        if (bed.isEmpty() && chamber.isEmpty() && tool.isEmpty()) {
            throw CommandError.badArgument("At least one heater must be specified");
        }
        range(bed, MAX_BED_C, "Bed");
        range(chamber, MAX_CHAMBER_C, "Chamber");
        range(tool, MAX_TOOL_C, "Tool");
        if (toolNumber.isPresent() && toolNumber.get() < 0) {
            throw CommandError.badArgument("Tool number must be zero or greater");
        }
        feature(printer, CommandFeatures.TEMPERATURE, "Temperature control");
        connected(printer, now, "set-temp", CommandCodes.EXECUTION_FAILURE);
        if (toolNumber.isPresent() && toolNumber.get() > 0) {
            throw failed(printer, "set-temp", "The printer has no tool " + toolNumber.get());
        }
        printer.changeHeaters(heaters -> new Heaters(
                tool.map(heaters.tool0()::withTarget).orElse(heaters.tool0()),
                bed.map(heaters.bed()::withTarget).orElse(heaters.bed()),
                chamber.map(heaters.chamber()::withTarget).orElse(heaters.chamber())));
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /**
     * The state, when the plugin can reach the host. OctoPrint without its printer is 785; a Klipper after an
     * emergency stop answers, but refuses: {@code moonrakerStatus}.
     */
    static OctoPrintState connected(EmulatedPrinter printer, Instant now, String command, int moonrakerStatus) {
        OctoPrintState state = printer.octoPrintAt(now);
        if (state.connected()) {
            return state;
        }
        if (printer.controls().kind() != PrinterKind.MOONRAKER) {
            throw new CommandError(CommandCodes.HOST_NOT_CONNECTED, "Host not connected");
        }
        if (moonrakerStatus == CommandCodes.INVALID_PRINTER_STATE) {
            throw new CommandError(moonrakerStatus, "Wrong State");
        }
        throw new CommandError(moonrakerStatus, command + " failed on Moonraker: Printer is shutdown");
    }

    static String platform(EmulatedPrinter printer) {
        return switch (printer.controls().kind()) {
            case OCTOPRINT -> "OctoPrint";
            case MOONRAKER -> "Moonraker";
            case OTHER -> "the printer";
        };
    }

    private static OctoPrintState idle(OctoPrintState state) {
        if (state.job().isPresent()) {
            throw new CommandError(CommandCodes.INVALID_PRINTER_STATE, "Printer is busy printing.");
        }
        return state;
    }

    private static void feature(EmulatedPrinter printer, int feature, String what) {
        if (!CommandFeatures.has(printer.controls().effectiveFeatures(), feature)) {
            throw new CommandError(CommandCodes.FEATURE_NOT_SUPPORTED, what + " is not supported on this printer.");
        }
    }

    private static CommandError failed(EmulatedPrinter printer, String command, String why) {
        return new CommandError(
                CommandCodes.EXECUTION_FAILURE, command + " failed on " + platform(printer) + ": " + why);
    }

    private static Optional<Double> temperature(CommandArgs args, String name, String label) {
        return args.number(name, "Invalid " + label + " type");
    }

    private static void range(Optional<Double> celsius, double max, String heater) {
        if (celsius.isPresent() && (celsius.get() < 0 || celsius.get() > max)) {
            throw CommandError.badArgument(heater + " temperature must be between 0 and " + max + "°C");
        }
    }
}
