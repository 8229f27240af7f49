package dev.printfarm.appconnection.sandbox.octoprint.system;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.octoprint.Route;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.LoginSessions;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Server, login, connection, settings, printer profiles and system commands: what a client reads once. */
public final class SystemApi {

    static final String PORT = "/dev/ttyACM0";
    static final int BAUDRATE = 115200;
    static final List<String> CORE_COMMANDS = List.of("shutdown", "reboot", "restart");

    private SystemApi() {}

    public static JsonObject version(OctoPrintVersion version) {
        return Json.createObjectBuilder()
                .add("api", OctoPrintState.API_VERSION)
                .add("server", version.serverVersion())
                .add("text", "OctoPrint " + version.serverVersion())
                .build();
    }

    public static JsonObject server(OctoPrintVersion version) {
        return Json.createObjectBuilder()
                .add("version", version.serverVersion())
                .addNull("safemode")
                .build();
    }

    /**
     * A passive login with an API key answers the key's user with a new session, which the printer remembers: the
     * push socket's {@code {"auth": "sandbox:<session>"}} accepts only sessions issued this way.
     */
    public static OctoPrintAnswer login(OctoPrintRequest request, EmulatedPrinter printer) {
        boolean passive =
                request.json().map(body -> body.getBoolean("passive", false)).orElse(false);
        if (!passive) {
            return OctoPrintAnswer.error(403, "User doesn't exist or password didn't match");
        }
        return OctoPrintAnswer.ok(Json.createObjectBuilder()
                .add("name", LoginSessions.USER)
                .add("active", true)
                .add("admin", true)
                .add("user", true)
                .add("apikey", JsonValue.NULL)
                .add("settings", JsonValue.EMPTY_JSON_OBJECT)
                .add("groups", Json.createArrayBuilder().add("admins").add("users"))
                .add("permissions", Json.createArrayBuilder())
                .add(
                        "needs",
                        Json.createObjectBuilder()
                                .add(
                                        "role",
                                        Json.createArrayBuilder().add("admin").add("user"))
                                .add(
                                        "group",
                                        Json.createArrayBuilder().add("admins").add("users")))
                .add("roles", Json.createArrayBuilder().add("admin").add("user"))
                .add("session", printer.sessions().issue())
                .add("_is_external_client", false)
                .add("_login_mechanism", "apikey")
                .build());
    }

    public static OctoPrintAnswer connection(OctoPrintRequest request, EmulatedPrinter printer, Instant now) {
        if ("POST".equals(request.method())) {
            String command =
                    request.json().map(body -> body.getString("command", "")).orElse("");
            switch (command) {
                case "connect" -> printer.setConnected(true, now);
                case "disconnect" -> printer.setConnected(false, now);
                default -> {
                    return OctoPrintAnswer.error(400, "Unknown command: " + command);
                }
            }
            return OctoPrintAnswer.noContent();
        }
        OctoPrintState state = printer.octoPrintAt(now);
        boolean connected = state.connected();
        return OctoPrintAnswer.ok(Json.createObjectBuilder()
                .add(
                        "current",
                        Json.createObjectBuilder()
                                .add("state", connected ? state.text() : "Closed")
                                .add("port", connected ? Json.createValue(PORT) : JsonValue.NULL)
                                .add("baudrate", connected ? Json.createValue(BAUDRATE) : JsonValue.NULL)
                                .add("printerProfile", "_default"))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("ports", Json.createArrayBuilder().add(PORT))
                                .add(
                                        "baudrates",
                                        Json.createArrayBuilder()
                                                .add(250000)
                                                .add(BAUDRATE)
                                                .add(57600))
                                .add(
                                        "printerProfiles",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("id", "_default")
                                                        .add("name", printer.name())))
                                .add("portPreference", PORT)
                                .add("baudratePreference", BAUDRATE)
                                .add("printerProfilePreference", "_default")
                                .add("autoconnect", true))
                .build());
    }

    /**
     * The 1.x {@code webcam} section as a stock OctoPrint with mjpg-streamer has it: a stream URL relative to the
     * OctoPrint host and a snapshot URL only reachable on the Pi itself, which a client has to map. The emulated 2.0
     * also carries the {@code classicwebcam} plugin's settings, as OctoPrint 1.9 and later do.
     */
    public static JsonObject settings(EmulatedPrinter printer) {
        JsonObjectBuilder settings = Json.createObjectBuilder()
                .add(
                        "api",
                        Json.createObjectBuilder()
                                .add("allowCrossOrigin", false)
                                .add("key", JsonValue.NULL))
                .add(
                        "appearance",
                        Json.createObjectBuilder().add("name", printer.name()).add("color", "default"))
                .add(
                        "feature",
                        Json.createObjectBuilder().add("sdSupport", true).add("temperatureGraph", true))
                .add("folder", Json.createObjectBuilder().add("uploads", "/home/pi/.octoprint/uploads"))
                .add(
                        "serial",
                        Json.createObjectBuilder()
                                .add("port", PORT)
                                .add("baudrate", BAUDRATE)
                                .add("autoconnect", true))
                .add("temperature", Json.createObjectBuilder().add("cutoff", 30))
                .add(
                        "webcam",
                        Json.createObjectBuilder()
                                .add("webcamEnabled", true)
                                .add("timelapseEnabled", true)
                                .add("streamUrl", Webcams.STREAM_URL)
                                .add("snapshotUrl", Webcams.SNAPSHOT_URL)
                                .add("streamRatio", Webcams.STREAM_RATIO)
                                .add("streamTimeout", 5)
                                .add("snapshotTimeout", 5)
                                .add("snapshotSslValidation", true)
                                .add("flipH", false)
                                .add("flipV", false)
                                .add("rotate90", false));
        if (printer.controls().octoprintVersion() == OctoPrintVersion.V2) {
            settings.add(
                    "plugins",
                    Json.createObjectBuilder()
                            .add(
                                    "classicwebcam",
                                    Json.createObjectBuilder()
                                            .add("stream", Webcams.STREAM_URL)
                                            .add("snapshot", Webcams.SNAPSHOT_URL)
                                            .add("streamRatio", Webcams.STREAM_RATIO)
                                            .add("streamTimeout", 5)
                                            .add("snapshotTimeout", 5)
                                            .add("snapshotSslValidation", true)
                                            .add("flipH", false)
                                            .add("flipV", false)
                                            .add("rotate90", false)));
        }
        return settings.build();
    }

    public static JsonObject printerProfiles(EmulatedPrinter printer) {
        return Json.createObjectBuilder()
                .add(
                        "profiles",
                        Json.createObjectBuilder()
                                .add(
                                        "_default",
                                        Json.createObjectBuilder()
                                                .add("id", "_default")
                                                .add("name", printer.name())
                                                .add("model", printer.name().replaceAll(" #\\d+$", ""))
                                                .add("default", true)
                                                .add("current", true)
                                                .add("color", "default")
                                                .add("heatedBed", true)
                                                .add("heatedChamber", true)
                                                .add(
                                                        "volume",
                                                        Json.createObjectBuilder()
                                                                .add("width", 250)
                                                                .add("depth", 210)
                                                                .add("height", 220)
                                                                .add("formFactor", "rectangular")
                                                                .add("origin", "lowerleft"))
                                                .add(
                                                        "extruder",
                                                        Json.createObjectBuilder()
                                                                .add("count", 1)
                                                                .add("nozzleDiameter", 0.4)
                                                                .add("sharedNozzle", false))
                                                .add(
                                                        "axes",
                                                        Json.createObjectBuilder()
                                                                .add("x", axis(6000))
                                                                .add("y", axis(6000))
                                                                .add("z", axis(200))
                                                                .add("e", axis(300)))))
                .build();
    }

    public static JsonObject systemCommands(OctoPrintRequest request) {
        JsonArrayBuilder core = Json.createArrayBuilder();
        for (String action : CORE_COMMANDS) {
            core.add(Json.createObjectBuilder()
                    .add("action", action)
                    .add("name", action.substring(0, 1).toUpperCase() + action.substring(1))
                    .add("confirm", "You are about to " + action + ".")
                    .add("source", "core")
                    .add("resource", request.baseUrl() + "/api/system/commands/core/" + action));
        }
        return Json.createObjectBuilder()
                .add("core", core)
                .add("custom", Json.createArrayBuilder())
                .build();
    }

    /** Nothing really happens; the command is acknowledged like OctoPrint does. */
    public static OctoPrintAnswer systemCommand(Route route) {
        Optional<String> known = "core".equals(route.params().get(0))
                ? CORE_COMMANDS.stream().filter(route.params().get(1)::equals).findFirst()
                : Optional.empty();
        return known.map(action -> OctoPrintAnswer.noContent())
                .orElseGet(() -> OctoPrintAnswer.error(404, "Command not found"));
    }

    private static JsonObjectBuilder axis(int speed) {
        return Json.createObjectBuilder().add("speed", speed).add("inverted", false);
    }
}
