package dev.printfarm.appconnection.sandbox.commandapi;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.web.RawBody;
import dev.printfarm.appconnection.sandbox.webcam.WebcamAction;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * OctoEverywhere's printer-agnostic command API, {@code /octoeverywhere-command-api/<command>} on the relay, which the
 * OctoEverywhere plugin answers for every kind of printer. Every command is answered HTTP 200 with the envelope
 * {@code {"Status": n, "Error"?: "…", "Result"?: {…}}} ({@code Content-Type: text/json}, as the plugin sends it);
 * only the raw answers (a download, a webcam picture or stream) use HTTP statuses of their own. The command is the
 * path after the prefix, matched ignoring case; the HTTP method is not checked, as in the plugin.
 */
public final class CommandApi {

    public static final String PREFIX = "/octoeverywhere-command-api/";
    static final String CONTENT_TYPE = "text/json";

    /**
     * A command as answered, for the call log.
     *
     * @param status the envelope's {@code Status}, or the HTTP status of a raw answer
     */
    public record Handled(OctoPrintAnswer answer, String command, int status, JsonObject args) {}

    private CommandApi() {}

    public static boolean isCommand(String path) {
        return path.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /** The command of a command API path: lower-cased, without trailing slashes, e.g. {@code webcam/snapshot}. */
    public static String command(String path) {
        return path.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    }

    /** {@code webcam/snapshot} and {@code webcam/stream}: served with the printer's camera, like {@code /webcam/}. */
    public static Optional<WebcamAction> webcamAction(String path) {
        return switch (command(path)) {
            case "webcam/snapshot" -> Optional.of(WebcamAction.SNAPSHOT);
            case "webcam/stream" -> Optional.of(WebcamAction.STREAM);
            default -> Optional.empty();
        };
    }

    /**
     * A webcam request's {@code index}: absent or a whole number picks the camera (an index no camera has falls back
     * to the default one, as in the plugin); anything else is an HTTP 400 with the envelope's fields.
     */
    public static Optional<OctoPrintAnswer> refusedWebcamIndex(OctoPrintRequest request) {
        Optional<String> index = request.query().entrySet().stream()
                .filter(entry -> "index".equalsIgnoreCase(entry.getKey())
                        && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0).strip())
                .findFirst();
        if (index.isEmpty() || index.get().matches("-?\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(raw(
                400,
                envelope(
                        CommandCodes.BAD_ARGUMENT,
                        Optional.of("The webcam index must be a whole number, got '" + index.get() + "'."),
                        Optional.empty())));
    }

    /** Answers every command but the webcam picture and stream, see {@link #webcamAction}. */
    public static Handled answer(OctoPrintRequest request, EmulatedPrinter printer, Instant now) {
        String command = command(request.path());
        CommandArgs args = CommandArgs.NONE;
        try {
            args = CommandArgs.of(request, "files/upload".equals(command));
            if ("files/download".equals(command)) {
                return new Handled(CommandFiles.download(args, printer), command, 200, args.json());
            }
            JsonObject result = switch (command) {
                case "status" -> CommandStatus.status(args, printer, now);
                case "pause" -> PrinterControl.pause(args, printer, now);
                case "resume" -> PrinterControl.resume(printer, now);
                case "cancel" -> PrinterControl.cancel(printer, now);
                case "start" -> PrinterControl.start(args, printer, now);
                case "set-light" -> PrinterControl.setLight(args, printer, now);
                case "move-axis" -> PrinterControl.moveAxis(args, printer, now);
                case "home" -> PrinterControl.home(printer, now);
                case "extrude" -> PrinterControl.extrude(args, printer, now);
                case "set-temp" -> PrinterControl.setTemp(args, printer, now);
                case "webcam/list", "list-webcam" -> CommandWebcams.list(printer.controls(), true);
                case "files/list" -> CommandFiles.list(args, printer);
                case "files/details" -> CommandFiles.details(args, printer, now);
                case "files/upload" -> CommandFiles.upload(args, request, printer, now);
                case "files/delete" -> CommandFiles.delete(args, printer, now);
                default ->
                    throw new CommandError(
                            CommandCodes.UNKNOWN_COMMAND, "The command path didn't match any known commands.");
            };
            return new Handled(
                    raw(200, envelope(CommandCodes.OK, Optional.empty(), Optional.of(result))),
                    command,
                    CommandCodes.OK,
                    args.json());
        } catch (CommandError refused) {
            JsonObject body = envelope(refused.status(), Optional.of(refused.getMessage()), Optional.empty());
            if ("files/download".equals(command)) {
                int http = refused.status() >= 100 && refused.status() <= 599 ? refused.status() : 400;
                return new Handled(raw(http, body), command, http, args.json());
            }
            return new Handled(raw(200, body), command, refused.status(), args.json());
        }
    }

    static JsonObject envelope(int status, Optional<String> error, Optional<JsonObject> result) {
        JsonObjectBuilder envelope = Json.createObjectBuilder().add("Status", status);
        error.ifPresent(message -> envelope.add("Error", message));
        result.ifPresent(value -> envelope.add("Result", value));
        return envelope.build();
    }

    private static OctoPrintAnswer raw(int status, JsonObject body) {
        return OctoPrintAnswer.raw(
                status, new RawBody(Optional.of(CONTENT_TYPE), body.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
