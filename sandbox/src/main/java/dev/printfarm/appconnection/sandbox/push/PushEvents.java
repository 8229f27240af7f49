package dev.printfarm.appconnection.sandbox.push;

import dev.printfarm.appconnection.sandbox.octoprint.files.Locations;
import dev.printfarm.appconnection.sandbox.printer.LoginSessions;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import dev.printfarm.appconnection.sandbox.webhook.PrintEvent;
import dev.printfarm.appconnection.sandbox.webhook.PrintWatcher;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/**
 * The push socket's {@code event} messages for what the print watcher saw change, named as OctoPrint names them.
 * A cancelled print gives {@code PrintCancelled} and then {@code PrintFailed} with reason {@code cancelled}, as
 * OctoPrint sends both; a print lost to a disconnect gives {@code PrintFailed} with reason {@code error}. Progress
 * has no event (it travels in {@code current}). Pure.
 */
public final class PushEvents {

    public static final String STARTED = "PrintStarted";
    public static final String PAUSED = "PrintPaused";
    public static final String RESUMED = "PrintResumed";
    public static final String DONE = "PrintDone";
    public static final String FAILED = "PrintFailed";
    public static final String CANCELLED = "PrintCancelled";

    private PushEvents() {}

    public static List<JsonObject> of(PrintEvent event, OctoPrintVersion version) {
        Optional<PrintRun> found = event.run();
        if (found.isEmpty()) {
            return List.of();
        }
        PrintRun run = found.get();
        return switch (event.eventType()) {
            case PrintEvent.PRINT_STARTED ->
                List.of(PushFrames.event(STARTED, payload(run, version).build()));
            case PrintEvent.PRINT_PAUSED ->
                List.of(PushFrames.event(PAUSED, payload(run, version).build()));
            case PrintEvent.PRINT_RESUMED ->
                List.of(PushFrames.event(RESUMED, payload(run, version).build()));
            case PrintEvent.PRINT_COMPLETE ->
                List.of(PushFrames.event(DONE, timed(run, version).build()));
            case PrintEvent.PRINT_FAILED -> failed(event, run, version);
            default -> List.of();
        };
    }

    private static List<JsonObject> failed(PrintEvent event, PrintRun run, OctoPrintVersion version) {
        boolean cancelled = event.error().filter(PrintWatcher.CANCELLED::equals).isPresent();
        if (cancelled) {
            return List.of(
                    PushFrames.event(CANCELLED, timed(run, version).build()),
                    PushFrames.event(
                            FAILED,
                            timed(run, version).add("reason", "cancelled").build()));
        }
        return List.of(PushFrames.event(
                FAILED,
                timed(run, version)
                        .add("reason", "error")
                        .add("error", event.error().orElse(PrintWatcher.DISCONNECTED))
                        .build()));
    }

    private static JsonObjectBuilder payload(PrintRun run, OctoPrintVersion version) {
        return Json.createObjectBuilder()
                .add("name", run.file().name())
                .add("path", run.file().path())
                .add("origin", Locations.shown(run.file().location(), version))
                .add("size", run.file().size())
                .add("owner", LoginSessions.USER)
                .add("user", LoginSessions.USER);
    }

    /** With {@code time}: the print time in seconds when it ended. */
    private static JsonObjectBuilder timed(PrintRun run, OctoPrintVersion version) {
        return payload(run, version).add("time", run.elapsed().toMillis() / 1000.0);
    }
}
