package dev.printfarm.appconnection.sandbox.commandapi;

import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * {@code webcam/list}: every printer has one camera, index 0, the same emulated camera as {@code /webcam/}; its
 * name and local URLs follow the host (an {@code other} printer's camera has no local URL).
 */
final class CommandWebcams {

    static final int DEFAULT_INDEX = 0;

    private CommandWebcams() {}

    /** {@code withUrls}: the status's copy leaves out {@code SnapshotUrl} and {@code StreamUrl}. */
    static JsonObject list(PrinterControls controls, boolean withUrls) {
        PrinterKind kind = controls.kind();
        String name = switch (kind) {
            case OCTOPRINT -> controls.octoprintVersion() == OctoPrintVersion.V2 ? "Classic Webcam" : "Webcam";
            case MOONRAKER -> "webcam";
            case OTHER -> "Chamber Camera";
        };
        JsonObjectBuilder webcam = Json.createObjectBuilder()
                .add("Name", name)
                .add("FlipH", false)
                .add("FlipV", false)
                .add("Rotation", 0)
                .add("Enabled", true);
        if (withUrls) {
            boolean local = kind != PrinterKind.OTHER;
            webcam.add("SnapshotUrl", local ? Json.createValue("/webcam/?action=snapshot") : JsonValue.NULL)
                    .add("StreamUrl", local ? Json.createValue("/webcam/?action=stream") : JsonValue.NULL);
        }
        return Json.createObjectBuilder()
                .add("DefaultIndex", DEFAULT_INDEX)
                .add("Webcams", Json.createArrayBuilder().add(webcam))
                .build();
    }
}
