package dev.printfarm.appconnection.sandbox.octoprint;

import dev.printfarm.appconnection.sandbox.printer.OctoEverywherePlugin;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import dev.printfarm.appconnection.sandbox.printer.Temperature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The few OctoPrint REST endpoints the emulated printers answer, in OctoPrint 1.10's documented shapes, whoever
 * asks: the relay and the LAN face differ only in the {@link ApiKeyRule} they pass.
 */
public final class OctoPrintApi {

    public static final String PLUGIN_PATH = "/api/plugin/octoeverywhere";

    static final String FORBIDDEN = "You don't have the permission to access the requested resource. "
            + "It is either read-protected or not readable by the server.";

    /**
     * The OctoEverywhere plugin's endpoint needs no key: it exists so that an app can learn the printer id from the
     * LAN before it holds anything. It exists only while the plugin is installed.
     */
    private static final Map<String, Route> ROUTES = Map.of(
            "/api/version", Route.keyed(state -> version()),
            "/api/printer", Route.keyed(OctoPrintApi::printer),
            "/api/job", Route.keyed(OctoPrintApi::job),
            PLUGIN_PATH, new Route(false, state -> state.octoEverywhere().map(OctoPrintApi::plugin)));

    private OctoPrintApi() {
    }

    public static OctoPrintAnswer answer(String method, String path, Optional<String> apiKey, ApiKeyRule keys,
                                         OctoPrintState state) {
        Optional<Route> route = Optional.ofNullable(ROUTES.get(path));
        if (route.map(Route::needsKey).orElse(true) && !keys.admits(apiKey)) {
            return OctoPrintAnswer.error(403, FORBIDDEN);
        }
        Optional<JsonObject> body = route.flatMap(found -> found.body().apply(state));
        if (body.isEmpty()) {
            return OctoPrintAnswer.error(404, "Not found");
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return OctoPrintAnswer.error(405, "Method Not Allowed");
        }
        return OctoPrintAnswer.ok(body.get());
    }

    static JsonObject plugin(OctoEverywherePlugin plugin) {
        return Json.createObjectBuilder()
                .add("PluginVersion", plugin.version())
                .add("PrinterId", plugin.printerId())
                .build();
    }

    static JsonObject version() {
        return Json.createObjectBuilder()
                .add("api", OctoPrintState.API_VERSION)
                .add("server", OctoPrintState.SERVER_VERSION)
                .add("text", "OctoPrint " + OctoPrintState.SERVER_VERSION)
                .build();
    }

    static JsonObject printer(OctoPrintState state) {
        boolean printing = state.printing();
        return Json.createObjectBuilder()
                .add("temperature", Json.createObjectBuilder()
                        .add("tool0", temperature(state.tool0()))
                        .add("bed", temperature(state.bed())))
                .add("sd", Json.createObjectBuilder().add("ready", false))
                .add("state", Json.createObjectBuilder()
                        .add("text", state.text())
                        .add("flags", Json.createObjectBuilder()
                                .add("operational", true)
                                .add("paused", false)
                                .add("printing", printing)
                                .add("pausing", false)
                                .add("cancelling", false)
                                .add("finishing", false)
                                .add("sdReady", false)
                                .add("error", false)
                                .add("ready", !printing)
                                .add("closedOrError", false)))
                .build();
    }

    static JsonObject job(OctoPrintState state) {
        Optional<PrintRun> run = state.job();
        return Json.createObjectBuilder()
                .add("job", run.map(OctoPrintApi::jobDetails).orElseGet(OctoPrintApi::noJob))
                .add("progress", run.map(OctoPrintApi::progress).orElseGet(OctoPrintApi::noProgress))
                .add("state", state.text())
                .build();
    }

    private static JsonObjectBuilder temperature(Temperature temperature) {
        return Json.createObjectBuilder()
                .add("actual", temperature.actual())
                .add("target", temperature.target())
                .add("offset", 0);
    }

    private static JsonObjectBuilder jobDetails(PrintRun run) {
        double lengthMm = 1800 + run.fileSize() / 1000.0;
        return Json.createObjectBuilder()
                .add("file", Json.createObjectBuilder()
                        .add("name", run.fileName())
                        .add("origin", "local")
                        .add("size", run.fileSize())
                        .add("date", run.startedAt().getEpochSecond())
                        .add("path", run.fileName())
                        .add("display", run.fileName()))
                .add("estimatedPrintTime", run.duration().toSeconds())
                .add("averagePrintTime", JsonValue.NULL)
                .add("lastPrintTime", JsonValue.NULL)
                .add("filament", Json.createObjectBuilder()
                        .add("tool0", Json.createObjectBuilder()
                                .add("length", round(lengthMm, 2))
                                .add("volume", round(lengthMm * 0.0024, 2))))
                .add("user", "sandbox");
    }

    private static JsonObjectBuilder noJob() {
        return Json.createObjectBuilder()
                .add("file", Json.createObjectBuilder()
                        .addNull("name")
                        .addNull("origin")
                        .addNull("size")
                        .addNull("date")
                        .addNull("path")
                        .addNull("display"))
                .addNull("estimatedPrintTime")
                .addNull("averagePrintTime")
                .addNull("lastPrintTime")
                .addNull("filament")
                .addNull("user");
    }

    private static JsonObjectBuilder progress(PrintRun run) {
        return Json.createObjectBuilder()
                .add("completion", round(run.completion(), 4))
                .add("filepos", run.filePosition())
                .add("printTime", run.printTimeSeconds())
                .add("printTimeLeft", run.printTimeLeftSeconds())
                .add("printTimeLeftOrigin", "estimate");
    }

    private static JsonObjectBuilder noProgress() {
        return Json.createObjectBuilder()
                .addNull("completion")
                .addNull("filepos")
                .addNull("printTime")
                .addNull("printTimeLeft")
                .addNull("printTimeLeftOrigin");
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private record Route(boolean needsKey, Function<OctoPrintState, Optional<JsonObject>> body) {

        static Route keyed(Function<OctoPrintState, JsonObject> body) {
            return new Route(true, body.andThen(Optional::of));
        }
    }
}
