package dev.printfarm.appconnection.sandbox.commandapi;

import dev.printfarm.appconnection.sandbox.printer.CommandFeatures;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.JobEnding;
import dev.printfarm.appconnection.sandbox.printer.JobFile;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrintHistory;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.webhook.PrintIds;
import dev.printfarm.appconnection.sandbox.webhook.WebhookPayload;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code status}: {@code JobStatus} (state, lights, current print, temperatures, the material system on request),
 * {@code OctoEverywhereStatus}, {@code PlatformVersion}, {@code Features}, {@code ListWebcams}, from the same
 * printer state the host's own API shows.
 */
final class CommandStatus {

    static final String KLIPPY_SHUTDOWN = "Printer is shutdown";

    private CommandStatus() {}

    static JsonObject status(CommandArgs args, EmulatedPrinter printer, Instant now) {
        boolean withMaterials = includeMaterialSystem(args);
        PrinterControls controls = printer.controls();
        OctoPrintState state = printer.octoPrintAt(now);
        if (!state.connected() && controls.kind() != PrinterKind.MOONRAKER) {
            throw new CommandError(CommandCodes.HOST_NOT_CONNECTED, "Host not connected");
        }
        Optional<PrintHistory.Job> last = printer.lastEndedPrint(now);
        JsonObjectBuilder job = Json.createObjectBuilder()
                .add("State", state(state))
                .addNull("SubState")
                .add("Error", !state.connected() ? Json.createValue(KLIPPY_SHUTDOWN) : JsonValue.NULL)
                .add("Lights", lights(printer))
                .add("CurrentPrint", currentPrint(controls.kind(), state, last));
        if (withMaterials) {
            job.add("MaterialSystem", MaterialSystems.of(controls.kind(), state));
        }
        return Json.createObjectBuilder()
                .add("JobStatus", job)
                .add("OctoEverywhereStatus", octoEverywhere(printer.id(), state, last, now))
                .add("PlatformVersion", platformVersion(controls))
                .add("Features", controls.effectiveFeatures())
                .add("ListWebcams", CommandWebcams.list(controls, false))
                .build();
    }

    /** The common state: idle, printing, paused, complete, cancelled or error (the emulation never warms up). */
    static String state(OctoPrintState state) {
        if (!state.connected()) {
            return "error";
        }
        if (state.job().isPresent()) {
            return state.paused() ? "paused" : "printing";
        }
        return switch (state.ending()) {
            case COMPLETE -> "complete";
            case CANCELLED -> "cancelled";
            case ERROR -> "error";
            case NONE -> "idle";
        };
    }

    /** {@code true}/{@code 1}/{@code false}/{@code 0} or a JSON boolean, under any of the plugin's spellings. */
    private static boolean includeMaterialSystem(CommandArgs args) {
        Optional<JsonValue> value = args.get("IncludeMaterialSystem", "include_material_system");
        if (value.isEmpty()) {
            return false;
        }
        String text = value.get() instanceof JsonString string
                ? string.getString().strip().toLowerCase(Locale.ROOT)
                : value.get().toString();
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default ->
                throw CommandError.badArgument(
                        "The optional 'IncludeMaterialSystem' status field must be true or false.");
        };
    }

    private static JsonValue lights(EmulatedPrinter printer) {
        if (!CommandFeatures.has(printer.controls().effectiveFeatures(), CommandFeatures.LIGHT)) {
            return JsonValue.NULL;
        }
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("Name", PrinterControl.LIGHT_NAME)
                        .add("On", printer.lightOn()))
                .build();
    }

    private static JsonObject currentPrint(PrinterKind kind, OctoPrintState state, Optional<PrintHistory.Job> last) {
        Optional<PrintRun> run = state.job();
        JsonObjectBuilder print = Json.createObjectBuilder();
        boolean layers = kind != PrinterKind.OCTOPRINT;
        Optional<JobFile> file;
        if (run.isPresent()) {
            PrintRun current = run.get();
            file = Optional.of(current.file());
            print.add("Progress", Math.round(current.completion() * 100) / 100.0)
                    .add("DurationSec", current.printTimeSeconds())
                    .add("TimeLeftSec", current.printTimeLeftSeconds());
        } else {
            boolean ended = state.ending() != JobEnding.NONE && last.isPresent();
            file = ended ? last.map(PrintHistory.Job::file) : state.selected();
            print.add("Progress", state.ending() == JobEnding.COMPLETE ? 100.0 : 0.0)
                    .add("DurationSec", ended ? last.get().printDuration().toSeconds() : 0)
                    .add("TimeLeftSec", 0);
        }
        print.add(
                        "FileName",
                        file.map(f -> kind == PrinterKind.OCTOPRINT ? f.name() : f.path())
                                .orElse(""))
                .add(
                        "EstTotalFilUsedMm",
                        file.map(f -> Math.round(1800 + f.size() / 1000.0)).orElse(0L));
        if (kind == PrinterKind.OTHER) {
            print.add(
                    "EstTotalFilWeightMg",
                    file.map(f -> Math.round((1800 + f.size() / 1000.0) * 2.98)).orElse(0L));
        }
        if (layers && run.isPresent()) {
            print.add("CurrentLayer", WebhookPayload.currentLayer(run.get()))
                    .add("TotalLayers", WebhookPayload.TOTAL_LAYERS);
        } else {
            print.addNull("CurrentLayer").addNull("TotalLayers");
        }
        return print.add(
                        "Temps",
                        Json.createObjectBuilder()
                                .add("BedActual", state.bed().actual())
                                .add("BedTarget", state.bed().target())
                                .add("HotendActual", state.tool0().actual())
                                .add("HotendTarget", state.tool0().target())
                                .add("ChamberActual", state.chamber().actual())
                                .add("ChamberTarget", state.chamber().target()))
                .build();
    }

    /** The most recent print's id (the webhooks' {@code PrintId}) and start; the Gadget as it stands idle. */
    private static JsonObject octoEverywhere(
            String printerId, OctoPrintState state, Optional<PrintHistory.Job> last, Instant now) {
        Optional<Instant> started =
                state.job().map(PrintRun::startedAt).or(() -> last.map(PrintHistory.Job::startedAt));
        return Json.createObjectBuilder()
                .add(
                        "MostRecentPrintIdStr",
                        state.job()
                                .map(run -> PrintIds.of(printerId, run))
                                .or(() -> started.map(at -> printerId + "-" + at.toEpochMilli()))
                                .orElse("none"))
                .add("PrintStartTimeSec", started.orElse(now).getEpochSecond())
                .add(
                        "Gadget",
                        Json.createObjectBuilder()
                                .add("LastScore", 0.0)
                                .add("ScoreHistory", Json.createArrayBuilder())
                                .add("TimeSinceLastScoreSec", JsonValue.NULL)
                                .add("IntervalSec", 40.0)
                                .add("IsSuppressed", false)
                                .add("TimeSinceLastWarnSec", JsonValue.NULL)
                                .add("TimeSinceLastPauseSec", JsonValue.NULL))
                .build();
    }

    private static String platformVersion(PrinterControls controls) {
        return switch (controls.kind()) {
            case OCTOPRINT -> controls.octoprintVersion().serverVersion();
            case MOONRAKER -> "1.0.0";
            case OTHER -> "01.08.02.00";
        };
    }
}
