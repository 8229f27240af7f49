package dev.printfarm.appconnection.sandbox.octoprint;

import dev.printfarm.appconnection.sandbox.octoprint.files.FilesApi;
import dev.printfarm.appconnection.sandbox.octoprint.job.JobApi;
import dev.printfarm.appconnection.sandbox.octoprint.printer.PrinterApi;
import dev.printfarm.appconnection.sandbox.octoprint.printer.PrinterCommands;
import dev.printfarm.appconnection.sandbox.octoprint.system.SystemApi;
import dev.printfarm.appconnection.sandbox.octoprint.system.Webcams;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.OctoEverywherePlugin;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * The OctoPrint REST endpoints the emulated printers answer, in OctoPrint's documented shapes (1.10, or the emulated
 * 2.0 per printer), whoever asks: the relay and the LAN face differ only in the {@link ApiKeyRule} they pass.
 * Order as in OctoPrint: API key, then path (404), then method (405).
 */
public final class OctoPrintApi {

    public static final String PLUGIN_PATH = "/api/plugin/octoeverywhere";

    static final String FORBIDDEN = "You don't have the permission to access the requested resource. "
            + "It is either read-protected or not readable by the server.";

    private OctoPrintApi() {}

    /**
     * The OctoEverywhere plugin's endpoint needs no key: it exists so that an app can learn the printer id from the
     * LAN before it holds anything. It exists only while the plugin is installed.
     */
    public static OctoPrintAnswer answer(
            OctoPrintRequest request, ApiKeyRule keys, EmulatedPrinter printer, Instant now) {
        Optional<Route> route = Route.of(request.path());
        boolean needsKey =
                route.map(found -> found.endpoint() != Endpoint.PLUGIN).orElse(true);
        if (needsKey && !keys.admits(request.apiKey())) {
            return OctoPrintAnswer.error(403, FORBIDDEN);
        }
        OctoPrintState state = printer.octoPrintAt(now);
        if (route.isEmpty()
                || (route.get().endpoint() == Endpoint.PLUGIN
                        && state.octoEverywhere().isEmpty())) {
            return OctoPrintAnswer.error(404, "Not found");
        }
        if (!route.get().endpoint().allows(request.method())) {
            return OctoPrintAnswer.error(405, "Method Not Allowed");
        }
        return dispatch(request, route.get(), printer, state, now);
    }

    private static OctoPrintAnswer dispatch(
            OctoPrintRequest request, Route route, EmulatedPrinter printer, OctoPrintState state, Instant now) {
        OctoPrintVersion version = state.version();
        boolean post = "POST".equals(request.method());
        return switch (route.endpoint()) {
            case VERSION -> OctoPrintAnswer.ok(SystemApi.version(version));
            case SERVER -> OctoPrintAnswer.ok(SystemApi.server(version));
            case LOGIN -> SystemApi.login(request, printer);
            case CONNECTION -> SystemApi.connection(request, printer, now);
            case PRINTER -> PrinterApi.state(request, state, printer::octoPrintAt, now);
            case TOOL -> PrinterCommands.tool(request, printer, now);
            case BED -> PrinterCommands.bed(request, printer, now);
            case CHAMBER -> PrinterCommands.chamber(request, printer, now);
            case PRINTHEAD -> PrinterCommands.printhead(request, printer, now);
            case COMMAND -> PrinterCommands.command(request, printer, now);
            case JOB -> post ? JobApi.command(request, printer, now) : OctoPrintAnswer.ok(JobApi.job(state));
            case FILES -> FilesApi.all(request, printer, version);
            case FILES_AT_LOCATION -> FilesApi.atLocation(request, route, printer, version, now);
            case FILE -> FilesApi.file(request, route, printer, version, now);
            case DOWNLOAD -> FilesApi.download(route, printer, version);
            case SETTINGS -> OctoPrintAnswer.ok(SystemApi.settings(printer));
            case WEBCAMS ->
                version == OctoPrintVersion.V2
                        ? OctoPrintAnswer.ok(Webcams.list())
                        : OctoPrintAnswer.error(404, "Not found");
            case PRINTER_PROFILES -> OctoPrintAnswer.ok(SystemApi.printerProfiles(printer));
            case SYSTEM_COMMANDS -> OctoPrintAnswer.ok(SystemApi.systemCommands(request));
            case SYSTEM_COMMAND -> SystemApi.systemCommand(route);
            case PLUGIN -> OctoPrintAnswer.ok(plugin(state.octoEverywhere().orElseThrow()));
        };
    }

    static JsonObject plugin(OctoEverywherePlugin plugin) {
        return Json.createObjectBuilder()
                .add("PluginVersion", plugin.version())
                .add("PrinterId", plugin.printerId())
                .build();
    }
}
