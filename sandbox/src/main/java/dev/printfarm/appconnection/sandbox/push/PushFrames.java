package dev.printfarm.appconnection.sandbox.push;

import dev.printfarm.appconnection.sandbox.octoprint.files.Locations;
import dev.printfarm.appconnection.sandbox.octoprint.job.JobApi;
import dev.printfarm.appconnection.sandbox.octoprint.printer.PrinterApi;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import dev.printfarm.appconnection.sandbox.webhook.WebhookPayload;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * The messages OctoPrint's push socket sends, in the 1.x shapes, built from the same printer state the REST
 * endpoints answer from ({@code state} as in {@code /api/printer}, {@code job} and {@code progress} as in
 * {@code /api/job}, temperature samples as in the printer's temperature history). Pure.
 */
public final class PushFrames {

    /** How many temperature samples {@code history} carries, two seconds apart like OctoPrint's. */
    public static final int HISTORY_SAMPLES = 30;

    static final int SAMPLE_STEP_SECONDS = 2;

    private PushFrames() {}

    /** Sent right after the socket opens, before any authentication. */
    public static JsonObject connected(EmulatedPrinter printer, OctoPrintVersion version) {
        return Json.createObjectBuilder()
                .add(
                        "connected",
                        Json.createObjectBuilder()
                                .add("version", version.serverVersion())
                                .add("display_version", version.serverVersion())
                                .add("apikey", JsonValue.NULL)
                                .add("branch", JsonValue.NULL)
                                .add("plugin_hash", hash("plugins", printer.id(), version))
                                .add("config_hash", hash("config", printer.id(), version))
                                .add("debug", false)
                                .add("safe_mode", JsonValue.NULL)
                                .add("online", true)
                                .add("permissions", Json.createArrayBuilder()))
                .build();
    }

    /**
     * Sent once after a valid {@code auth}: the state now and the last {@link #HISTORY_SAMPLES} temperature samples,
     * {@code sample} giving the printer's state at a past instant.
     */
    public static JsonObject history(OctoPrintState state, Function<Instant, OctoPrintState> sample, Instant now) {
        JsonArrayBuilder temps = Json.createArrayBuilder();
        for (int i = HISTORY_SAMPLES - 1; i >= 0; i--) {
            Instant at = now.minusSeconds((long) i * SAMPLE_STEP_SECONDS);
            temps.add(PrinterApi.temperatureSample(i == 0 ? state : sample.apply(at), at));
        }
        return Json.createObjectBuilder()
                .add("history", data(state, temps, now))
                .build();
    }

    /** Sent every 500 ms × throttle: the state now with one temperature sample. */
    public static JsonObject current(OctoPrintState state, Instant now) {
        JsonArrayBuilder temps = Json.createArrayBuilder().add(PrinterApi.temperatureSample(state, now));
        return Json.createObjectBuilder()
                .add("current", data(state, temps, now))
                .build();
    }

    public static JsonObject event(String type, JsonObject payload) {
        return Json.createObjectBuilder()
                .add("event", Json.createObjectBuilder().add("type", type).add("payload", payload))
                .build();
    }

    private static JsonObjectBuilder data(OctoPrintState state, JsonArrayBuilder temps, Instant now) {
        JsonObject job = JobApi.job(state);
        Optional<PrintRun> run = state.job();
        JsonArrayBuilder busyFiles = Json.createArrayBuilder();
        run.ifPresent(printing -> busyFiles.add(Json.createObjectBuilder()
                .add("origin", Locations.shown(printing.file().location(), state.version()))
                .add("path", printing.file().path())));
        return Json.createObjectBuilder()
                .add("state", PrinterApi.stateJson(state))
                .add("job", job.getJsonObject("job"))
                .add("progress", job.getJsonObject("progress"))
                .add(
                        "currentZ",
                        run.<JsonValue>map(printing -> Json.createValue(currentZ(printing)))
                                .orElse(JsonValue.NULL))
                .add("offsets", JsonValue.EMPTY_JSON_OBJECT)
                .add(
                        "resends",
                        Json.createObjectBuilder()
                                .add("count", 0)
                                .add("transmitted", 0)
                                .add("ratio", 0))
                .add("temps", temps)
                .add("logs", JsonValue.EMPTY_JSON_ARRAY)
                .add("messages", JsonValue.EMPTY_JSON_ARRAY)
                .add("busyFiles", busyFiles)
                .add("serverTime", now.toEpochMilli() / 1000.0);
    }

    /** The same height as the webhooks' {@code ZOffsetMM}. */
    static BigDecimal currentZ(PrintRun run) {
        return WebhookPayload.LAYER_HEIGHT_MM
                .multiply(BigDecimal.valueOf(WebhookPayload.currentLayer(run)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static String hash(String what, String printerId, OctoPrintVersion version) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((what + "|" + printerId + "|" + version.code()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
