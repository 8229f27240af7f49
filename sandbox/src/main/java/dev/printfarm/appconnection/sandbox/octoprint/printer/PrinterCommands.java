package dev.printfarm.appconnection.sandbox.octoprint.printer;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.Heaters;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The printer's command endpoints: tool, bed, chamber (target/offset), printhead (jog/home) and raw G-code. Only
 * {@code /api/printer/command} is recorded in the G-code log, exactly as sent.
 */
public final class PrinterCommands {

    private PrinterCommands() {}

    public static OctoPrintAnswer tool(OctoPrintRequest request, EmulatedPrinter printer, Instant now) {
        return operational(printer, now).orElseGet(() -> {
            JsonObject body = request.json().orElse(JsonValue.EMPTY_JSON_OBJECT);
            String command = body.getString("command", "");
            String field = switch (command) {
                case "target" -> "targets";
                case "offset" -> "offsets";
                default -> "";
            };
            JsonValue values = body.get(field);
            if (field.isEmpty() || values == null || values.getValueType() != JsonValue.ValueType.OBJECT) {
                return OctoPrintAnswer.error(400, "Unknown or incomplete tool command: " + command);
            }
            JsonObject map = values.asJsonObject();
            if (!map.keySet().equals(java.util.Set.of("tool0")) || !(map.get("tool0") instanceof JsonNumber number)) {
                return OctoPrintAnswer.error(400, "Invalid " + field + ": only tool0 exists and takes a number");
            }
            double value = number.doubleValue();
            printer.changeHeaters(heaters -> heaters.withTool0(
                    "target".equals(command)
                            ? heaters.tool0().withTarget(value)
                            : heaters.tool0().withOffset(value)));
            return OctoPrintAnswer.noContent();
        });
    }

    public static OctoPrintAnswer bed(OctoPrintRequest request, EmulatedPrinter printer, Instant now) {
        return heater(request, printer, now, (heaters, change) -> heaters.withBed(change.apply(heaters.bed())));
    }

    public static OctoPrintAnswer chamber(OctoPrintRequest request, EmulatedPrinter printer, Instant now) {
        return heater(request, printer, now, (heaters, change) -> heaters.withChamber(change.apply(heaters.chamber())));
    }

    public static OctoPrintAnswer printhead(OctoPrintRequest request, EmulatedPrinter printer, Instant now) {
        Optional<OctoPrintAnswer> refused = operational(printer, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (printer.octoPrintAt(now).printing()) {
            return OctoPrintAnswer.error(409, "Printer is currently printing");
        }
        JsonObject body = request.json().orElse(JsonValue.EMPTY_JSON_OBJECT);
        return switch (body.getString("command", "")) {
            case "jog" ->
                axes(body, List.of("x", "y", "z")).isEmpty()
                        ? OctoPrintAnswer.error(400, "jog needs at least one of x, y, z as a number")
                        : OctoPrintAnswer.noContent();
            case "home" ->
                homeAxes(body).isPresent()
                        ? OctoPrintAnswer.noContent()
                        : OctoPrintAnswer.error(400, "home needs axes, a list of x, y and/or z");
            default -> OctoPrintAnswer.error(400, "Unknown printhead command");
        };
    }

    public static OctoPrintAnswer command(OctoPrintRequest request, EmulatedPrinter printer, Instant now) {
        Optional<OctoPrintAnswer> refused = operational(printer, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<List<String>> commands = request.json().flatMap(PrinterCommands::gcode);
        if (commands.isEmpty()) {
            return OctoPrintAnswer.error(400, "Expected a command string or a commands list");
        }
        printer.gcode().record(commands.get());
        return OctoPrintAnswer.noContent();
    }

    static Optional<List<String>> gcode(JsonObject body) {
        if (body.get("command") instanceof JsonString single) {
            return Optional.of(List.of(single.getString()));
        }
        if (body.get("commands") instanceof jakarta.json.JsonArray many) {
            List<String> commands = new ArrayList<>();
            for (JsonValue value : many) {
                if (!(value instanceof JsonString text)) {
                    return Optional.empty();
                }
                commands.add(text.getString());
            }
            return Optional.of(commands);
        }
        return Optional.empty();
    }

    private interface HeaterChange {
        Heaters apply(Heaters heaters, UnaryOperator<Heaters.Heater> change);
    }

    private static OctoPrintAnswer heater(
            OctoPrintRequest request, EmulatedPrinter printer, Instant now, HeaterChange which) {
        return operational(printer, now).orElseGet(() -> {
            JsonObject body = request.json().orElse(JsonValue.EMPTY_JSON_OBJECT);
            String command = body.getString("command", "");
            if (!("target".equals(command) || "offset".equals(command))
                    || !(body.get(command) instanceof JsonNumber number)) {
                return OctoPrintAnswer.error(400, "Expected command target or offset with a number");
            }
            double value = number.doubleValue();
            printer.changeHeaters(heaters -> which.apply(
                    heaters, heater -> "target".equals(command) ? heater.withTarget(value) : heater.withOffset(value)));
            return OctoPrintAnswer.noContent();
        });
    }

    private static Optional<OctoPrintAnswer> operational(EmulatedPrinter printer, Instant now) {
        return printer.octoPrintAt(now).connected()
                ? Optional.empty()
                : Optional.of(OctoPrintAnswer.error(409, PrinterApi.NOT_OPERATIONAL));
    }

    private static List<String> axes(JsonObject body, List<String> names) {
        return names.stream()
                .filter(name -> body.get(name) instanceof JsonNumber)
                .toList();
    }

    private static Optional<List<String>> homeAxes(JsonObject body) {
        if (!(body.get("axes") instanceof jakarta.json.JsonArray axes) || axes.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (JsonValue axis : axes) {
            if (!(axis instanceof JsonString text)
                    || !List.of("x", "y", "z").contains(text.getString().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            names.add(text.getString());
        }
        return Optional.of(names);
    }
}
