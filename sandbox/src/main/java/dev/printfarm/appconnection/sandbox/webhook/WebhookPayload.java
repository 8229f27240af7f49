package dev.printfarm.appconnection.sandbox.webhook;

import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The JSON body of a notification (reference §4.1). Every key is always present, {@code null} when it does not apply:
 * {@code SecretKey} (user webhooks only, so always {@code null} here), {@code SnapshotUrl} (the sandbox hosts no
 * snapshots), {@code Error} and {@code PlatformErrorCode} unless set, and the print fields while there is no print.
 */
public final class WebhookPayload {

    public static final List<String> KEYS = List.of(
            "PrinterId",
            "SecretKey",
            "PrintId",
            "EventType",
            "PrinterName",
            "SnapshotUrl",
            "QuickViewUrl",
            "FileName",
            "DurationSec",
            "Progress",
            "TimeRemainingSec",
            "ZOffsetMM",
            "CurrentLayer",
            "TotalLayers",
            "Error",
            "PlatformErrorCode");

    /** Every emulated print has this many layers of 0.2 mm. */
    public static final int TOTAL_LAYERS = 250;

    public static final BigDecimal LAYER_HEIGHT_MM = new BigDecimal("0.2");

    private WebhookPayload() {}

    public static JsonObject of(String printerId, String printerName, PrintEvent event, String quickViewUrl) {
        JsonObjectBuilder json =
                Json.createObjectBuilder().add("PrinterId", printerId).addNull("SecretKey");
        Optional<PrintRun> run = event.run();
        json.add(
                        "PrintId",
                        run.<JsonValue>map(r -> Json.createValue(PrintIds.of(printerId, r)))
                                .orElse(JsonValue.NULL))
                .add("EventType", event.eventType())
                .add("PrinterName", printerName)
                .addNull("SnapshotUrl")
                .add("QuickViewUrl", quickViewUrl);
        if (run.isPresent()) {
            PrintRun r = run.get();
            int layer = currentLayer(r);
            json.add("FileName", r.fileName())
                    .add("DurationSec", r.printTimeSeconds())
                    .add("Progress", progress(r))
                    .add("TimeRemainingSec", r.printTimeLeftSeconds())
                    .add(
                            "ZOffsetMM",
                            LAYER_HEIGHT_MM.multiply(BigDecimal.valueOf(layer)).setScale(2, RoundingMode.HALF_UP))
                    .add("CurrentLayer", layer)
                    .add("TotalLayers", TOTAL_LAYERS);
        } else {
            for (String key : List.of(
                    "FileName",
                    "DurationSec",
                    "Progress",
                    "TimeRemainingSec",
                    "ZOffsetMM",
                    "CurrentLayer",
                    "TotalLayers")) {
                json.addNull(key);
            }
        }
        json.add("Error", event.error().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL))
                .addNull("PlatformErrorCode");
        return json.build();
    }

    /** The payload with some keys replaced or added, in place, the rest kept in order. */
    public static JsonObject withOverrides(JsonObject payload, JsonObject overrides) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        payload.forEach((key, value) -> json.add(key, overrides.getOrDefault(key, value)));
        overrides.forEach((key, value) -> {
            if (!payload.containsKey(key)) {
                json.add(key, value);
            }
        });
        return json.build();
    }

    /** Whole percent, rounded down, so a progress event at 10 % says 10. */
    static int progress(PrintRun run) {
        return (int) Math.min(100, Math.floor(run.completion()));
    }

    /** Shared with the push socket's {@code currentZ}, so both tell the same height. */
    public static int currentLayer(PrintRun run) {
        return (int) Math.max(1, Math.min(TOTAL_LAYERS, Math.ceil(run.completion() * TOTAL_LAYERS / 100)));
    }
}
