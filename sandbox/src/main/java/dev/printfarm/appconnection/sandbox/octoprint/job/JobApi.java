package dev.printfarm.appconnection.sandbox.octoprint.job;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.octoprint.files.Locations;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.JobFile;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrintJobs;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** {@code GET /api/job} (the job and its progress) and {@code POST /api/job} (start, cancel, restart, pause). */
public final class JobApi {

    static final String NOT_OPERATIONAL = "Printer is not operational";

    private JobApi() {}

    public static JsonObject job(OctoPrintState state) {
        Optional<PrintRun> run = state.job();
        return Json.createObjectBuilder()
                .add(
                        "job",
                        state.selected().map(file -> details(file, run, state)).orElseGet(JobApi::noJob))
                .add("progress", run.map(JobApi::progress).orElseGet(JobApi::noProgress))
                .add("state", state.text())
                .build();
    }

    public static OctoPrintAnswer command(OctoPrintRequest request, EmulatedPrinter printer, Instant now) {
        Optional<JsonObject> json = request.json();
        String command = json.map(body -> body.getString("command", "")).orElse("");
        Optional<PrintJobs.PauseAction> action = pauseAction(json);
        if ("pause".equals(command) && action.isEmpty()) {
            return OctoPrintAnswer.error(
                    400,
                    "Unknown action: " + json.map(body -> body.get("action")).orElse(null));
        }
        if (!printer.octoPrintAt(now).connected()) {
            return OctoPrintAnswer.error(409, NOT_OPERATIONAL);
        }
        PrintJobs.Outcome outcome = switch (command) {
            case "start" -> printer.changeJob(job -> PrintJobs.start(job, now, printer.jobDuration()));
            case "cancel" -> printer.changeJob(job -> PrintJobs.cancel(job, now));
            case "restart" -> printer.changeJob(job -> PrintJobs.restart(job, now));
            case "pause" -> printer.changeJob(job -> PrintJobs.pause(job, action.orElseThrow(), now));
            default -> null;
        };
        if (outcome == null) {
            return OctoPrintAnswer.error(400, "Unknown command: " + command);
        }
        return outcome.conflict().map(why -> OctoPrintAnswer.error(409, why)).orElseGet(OctoPrintAnswer::noContent);
    }

    /** Without {@code action}, pause toggles, as OctoPrint keeps it for older clients. */
    static Optional<PrintJobs.PauseAction> pauseAction(Optional<JsonObject> json) {
        JsonValue action = json.map(body -> body.get("action")).orElse(null);
        if (action == null) {
            return Optional.of(PrintJobs.PauseAction.TOGGLE);
        }
        if (action.getValueType() != JsonValue.ValueType.STRING) {
            return Optional.empty();
        }
        return switch (json.get().getString("action").toLowerCase(Locale.ROOT)) {
            case "pause" -> Optional.of(PrintJobs.PauseAction.PAUSE);
            case "resume" -> Optional.of(PrintJobs.PauseAction.RESUME);
            case "toggle" -> Optional.of(PrintJobs.PauseAction.TOGGLE);
            default -> Optional.empty();
        };
    }

    private static JsonObjectBuilder details(JobFile file, Optional<PrintRun> run, OctoPrintState state) {
        long seconds = run.map(found -> found.duration().toSeconds()).orElse(0L);
        double lengthMm = 1800 + file.size() / 1000.0;
        return Json.createObjectBuilder()
                .add(
                        "file",
                        Json.createObjectBuilder()
                                .add("name", file.name())
                                .add("origin", Locations.shown(file.location(), state.version()))
                                .add("size", file.size())
                                .add("date", file.date().getEpochSecond())
                                .add("path", file.path())
                                .add("display", file.name()))
                .add("estimatedPrintTime", run.isPresent() ? Json.createValue(seconds) : JsonValue.NULL)
                .add("averagePrintTime", JsonValue.NULL)
                .add("lastPrintTime", JsonValue.NULL)
                .add(
                        "filament",
                        Json.createObjectBuilder()
                                .add(
                                        "tool0",
                                        Json.createObjectBuilder()
                                                .add("length", round(lengthMm, 2))
                                                .add("volume", round(lengthMm * 0.0024, 2))))
                .add("user", "sandbox");
    }

    private static JsonObjectBuilder noJob() {
        return Json.createObjectBuilder()
                .add(
                        "file",
                        Json.createObjectBuilder()
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
}
