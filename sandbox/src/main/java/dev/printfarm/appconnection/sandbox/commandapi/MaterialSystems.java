package dev.printfarm.appconnection.sandbox.commandapi;

import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The status's {@code MaterialSystem}: where filament comes from ({@code Sources}), what extrudes it ({@code Tools}),
 * the devices grouping sources ({@code Units}) and which source feeds which tool ({@code Routes}), joined by ids.
 * OctoPrint and Moonraker printers have one tool fed by one source; an {@code other} printer stands for a Bambu Lab
 * with an AMS: four slots in one unit (the fourth empty) and an external spool, all routed to its one nozzle, the
 * first slot loaded. Pure.
 */
final class MaterialSystems {

    static final String TOOL = "tool-0";
    static final String AMS = "ams-0";
    static final String EXTERNAL = "external-spool";

    private MaterialSystems() {}

    static JsonObject of(PrinterKind kind, OctoPrintState state) {
        return kind == PrinterKind.OTHER ? ams(state) : singleTool(kind, state);
    }

    /** A tool and its one filament, as the plugin builds them for hosts that know no material system. */
    private static JsonObject singleTool(PrinterKind kind, OctoPrintState state) {
        String toolName = kind == PrinterKind.OCTOPRINT ? "tool0" : "extruder";
        return Json.createObjectBuilder()
                .add("Capabilities", capabilities(false, false))
                .add(
                        "Sources",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("Id", "source-0")
                                        .add("Index", 0)
                                        .add(
                                                "Name",
                                                kind == PrinterKind.OCTOPRINT ? "Tool 0 Filament" : "extruder Filament")
                                        .add("Position", 0)))
                .add(
                        "Tools",
                        Json.createArrayBuilder()
                                .add(tool(toolName, state)
                                        .add(
                                                "PlatformDetails",
                                                Json.createObjectBuilder()
                                                        .add(
                                                                kind == PrinterKind.OCTOPRINT
                                                                        ? "TemperatureKey"
                                                                        : "ObjectName",
                                                                toolName))))
                .add("Units", Json.createArrayBuilder())
                .add("Routes", Json.createArrayBuilder().add(route("source-0", null)))
                .build();
    }

    private static JsonObject ams(OctoPrintState state) {
        JsonArrayBuilder sources = Json.createArrayBuilder()
                .add(slot(0, true, "PLA", "PLA Basic", "FF6600", 73.0))
                .add(slot(1, true, "PLA", "PLA Matte", "000000", 41.0))
                .add(slot(2, true, "PETG", "PETG HF", "FFFFFF", 100.0))
                .add(slot(3, false, null, null, null, 0))
                .add(Json.createObjectBuilder()
                        .add("Id", EXTERNAL)
                        .add("Index", 4)
                        .add("Name", "External Spool")
                        .add("Position", 0)
                        .add("PrintMappingValue", 254)
                        .add("IsEmpty", true));
        JsonArrayBuilder routes = Json.createArrayBuilder()
                .add(route(AMS + "-source-0", "loaded"))
                .add(route(AMS + "-source-1", null))
                .add(route(AMS + "-source-2", null))
                .add(route(AMS + "-source-3", null))
                .add(route(EXTERNAL, null));
        return Json.createObjectBuilder()
                .add("Capabilities", capabilities(true, true))
                .add("Sources", sources)
                .add(
                        "Tools",
                        Json.createArrayBuilder()
                                .add(tool("Nozzle", state)
                                        .add("NozzleDiameterMm", 0.4)
                                        .add(
                                                "PlatformDetails",
                                                Json.createObjectBuilder().add("NozzleType", "hardened_steel"))))
                .add(
                        "Units",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("Id", AMS)
                                        .add("Index", 0)
                                        .add("Name", "AMS 1")
                                        .add("HumidityPercent", 36.0)
                                        .add("TemperatureCelsius", 25.4)
                                        .add("IsDrying", false)
                                        .add(
                                                "PlatformDetails",
                                                Json.createObjectBuilder().add("AmsId", "0"))))
                .add("Routes", routes)
                .add("PlatformDetails", Json.createObjectBuilder().add("AmsVersion", 2))
                .build();
    }

    private static JsonObjectBuilder capabilities(boolean multiMaterial, boolean routing) {
        return Json.createObjectBuilder()
                .add("SupportsMultiMaterial", multiMaterial)
                .add("SupportsMultiTool", false)
                .add("SupportsSourceRouting", routing)
                .add("SupportsDrying", false);
    }

    private static JsonObjectBuilder tool(String name, OctoPrintState state) {
        return Json.createObjectBuilder()
                .add("Id", TOOL)
                .add("Index", 0)
                .add("Name", name)
                .add("IsActive", true)
                .add("IsPresent", true)
                .add("ActualCelsius", state.tool0().actual())
                .add("TargetCelsius", state.tool0().target());
    }

    /** An AMS tray; an empty one has no {@code Material}. */
    private static JsonObjectBuilder slot(
            int position, boolean loaded, String type, String name, String color, double remainingPercent) {
        JsonObjectBuilder source = Json.createObjectBuilder()
                .add("Id", AMS + "-source-" + position)
                .add("Index", position)
                .add("Name", "AMS 1 Slot " + (position + 1))
                .add("UnitId", AMS)
                .add("Position", position)
                .add("PrintMappingValue", position)
                .add("IsEmpty", !loaded);
        if (loaded) {
            source.add(
                    "Material",
                    Json.createObjectBuilder()
                            .add("Type", type)
                            .add("Name", name)
                            .add("ColorHex", color)
                            .add("RemainingPercent", remainingPercent)
                            .add("Manufacturer", "Bambu Lab"));
        }
        return source.add("PlatformDetails", Json.createObjectBuilder().add("TrayId", position));
    }

    private static JsonObjectBuilder route(String sourceId, String state) {
        JsonObjectBuilder route =
                Json.createObjectBuilder().add("SourceId", sourceId).add("ToolId", TOOL);
        if (state != null) {
            route.add("State", state);
        }
        return route;
    }
}
