package dev.printfarm.appconnection.impl.commandapi;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.Axis;
import dev.printfarm.appconnection.api.command.CommandFile;
import dev.printfarm.appconnection.api.command.CommandFileDetails;
import dev.printfarm.appconnection.api.command.CommandStatus;
import dev.printfarm.appconnection.api.command.CommandWebcam;
import dev.printfarm.appconnection.api.command.PrinterCommands;
import dev.printfarm.appconnection.api.command.SmartPause;
import dev.printfarm.appconnection.api.command.TemperatureTargets;
import dev.printfarm.appconnection.api.error.CommandRefusedException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.FeatureUnsupportedException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.stream.FileDownload;
import dev.printfarm.appconnection.api.stream.WebcamImage;
import dev.printfarm.appconnection.impl.error.ErrorBodies;
import dev.printfarm.appconnection.impl.error.ErrorMapper;
import dev.printfarm.appconnection.impl.error.Side;
import dev.printfarm.appconnection.impl.internal.BoundedBodies;
import dev.printfarm.appconnection.impl.json.JsonAnswers;
import dev.printfarm.appconnection.impl.json.UnreadableJsonException;
import dev.printfarm.appconnection.impl.json.WireJson;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@link PrinterCommands} for one connection: every call through the relay under the connection's guard. Reads may be
 * sent again after a relay hiccup, commands never; an envelope whose {@code Status} is not 200 becomes a
 * {@link CommandRefusedException} (788: {@link FeatureUnsupportedException}).
 *
 * <p>Longer than most classes here because it implements every method of {@link PrinterCommands}, each a few lines
 * handing one call to the guard and the mapper; splitting it would scatter one interface's implementation.
 */
final class RoutedPrinterCommands implements PrinterCommands {

    private static final String BASE = "/octoeverywhere-command-api/";
    /** A printable file's virtual path: under {@code gcode/}, no empty, dot or dot-dot segments, no control characters. */
    private static final Pattern VIRTUAL_PATH = Pattern.compile("gcode(/[^/\\p{Cntrl}]+)+");
    /** The most of an error answer that is read. */
    private final AppConnection connection;

    private final ConnectionSecrets secrets;
    private final CommandApiClients shared;
    private final Clock clock = Clock.systemUTC();

    RoutedPrinterCommands(AppConnection connection, ConnectionSecrets secrets, CommandApiClients shared) {
        this.connection = connection;
        this.secrets = secrets;
        this.shared = shared;
    }

    @Override
    public CommandStatus status() {
        return status(false);
    }

    @Override
    public CommandStatus status(boolean includeMaterialSystem) {
        Boolean include = includeMaterialSystem ? Boolean.TRUE : null;
        return CommandApiMapper.status(envelope(CallKind.READ, api -> api.status(include)));
    }

    @Override
    public void pausePrint(SmartPause how) {
        Objects.requireNonNull(how, "how");
        boolean smart = how.smart();
        CommandRequests.Pause body = new CommandRequests.Pause(
                smart,
                smart ? how.disableHotend() : null,
                smart ? how.disableBed() : null,
                smart ? value(how.zLiftMm()) : null,
                smart ? value(how.retractFilamentMm()) : null,
                how.suppressNotification());
        envelope(CallKind.COMMAND, api -> api.pause(body));
    }

    @Override
    public void resumePrint() {
        envelope(CallKind.COMMAND, api -> api.resume(new CommandRequests.None()));
    }

    @Override
    public void cancelPrint() {
        envelope(CallKind.COMMAND, api -> api.cancel(new CommandRequests.None()));
    }

    @Override
    public void startPrint(String virtualPath) {
        CommandRequests.FilePath body = new CommandRequests.FilePath(path(virtualPath));
        envelope(CallKind.COMMAND, api -> api.start(body));
    }

    @Override
    public void setLight(String name, boolean on) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException(
                    "A light's name is 1-100 characters, got " + (name == null ? "none" : name.length()));
        }
        envelope(CallKind.COMMAND, api -> api.setLight(new CommandRequests.Light(name, on)));
    }

    @Override
    public void moveAxis(Axis axis, double distanceMm) {
        Objects.requireNonNull(axis, "axis");
        if (!Double.isFinite(distanceMm) || Math.abs(distanceMm) > 1000) {
            throw new IllegalArgumentException("A move is at most 1000 mm either way, got " + distanceMm);
        }
        envelope(CallKind.COMMAND, api -> api.moveAxis(new CommandRequests.Move(axis.name(), distanceMm)));
    }

    @Override
    public void home() {
        envelope(CallKind.COMMAND, api -> api.home(new CommandRequests.None()));
    }

    @Override
    public void extrude(int extruder, double distanceMm) {
        if (extruder < 0 || extruder > 10) {
            throw new IllegalArgumentException("extruder must be 0-10, got " + extruder);
        }
        if (!Double.isFinite(distanceMm) || Math.abs(distanceMm) > 500) {
            throw new IllegalArgumentException("An extrusion is at most 500 mm either way, got " + distanceMm);
        }
        envelope(CallKind.COMMAND, api -> api.extrude(new CommandRequests.Extrude(extruder, distanceMm)));
    }

    @Override
    public void setTemperatures(TemperatureTargets targets) {
        Objects.requireNonNull(targets, "targets");
        CommandRequests.Temperatures body = new CommandRequests.Temperatures(
                value(targets.bed()),
                value(targets.chamber()),
                value(targets.tool()),
                targets.tool().isPresent() ? targets.toolNumber() : null);
        envelope(CallKind.COMMAND, api -> api.setTemperatures(body));
    }

    @Override
    public List<CommandWebcam> webcams() {
        return CommandApiMapper.webcams(envelope(CallKind.READ, CommandApi::webcams));
    }

    @Override
    public WebcamImage snapshot(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("A webcam index is 0 or more, got " + index);
        }
        return call(CallKind.READ, target -> {
            HttpResponse<InputStream> r = send(
                    target,
                    "GET",
                    "webcam/snapshot?index=" + index,
                    null,
                    HttpResponse.BodyHandlers.ofInputStream(),
                    shared.relaySettings().readTimeout());
            binary(target, r, "an image", type -> type.startsWith("image/"));
            int limit = (int) shared.transport().limits().snapshotBytes();
            try (InputStream body = r.body()) {
                byte[] data = BoundedBodies.readAtMost(body, limit, r.statusCode());
                return new WebcamImage(
                        0,
                        clock.instant(),
                        r.headers().firstValue("Content-Type").orElse("image/jpeg"),
                        data);
            } catch (IOException e) {
                throw shared.transport().failure(target, e);
            }
        });
    }

    @Override
    public FileDownload webcamStream(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("A webcam index is 0 or more, got " + index);
        }
        return call(CallKind.READ, target -> {
            // Read for as long as someone watches; a read that waits past the read timeout ends it (see guarded).
            HttpResponse<InputStream> r = send(
                    target,
                    "GET",
                    "webcam/stream?index=" + index,
                    null,
                    HttpResponse.BodyHandlers.ofInputStream(),
                    shared.relaySettings().readTimeout());
            binary(target, r, "an MJPEG stream", type -> type.startsWith("multipart/x-mixed-replace"));
            return new FileDownload(
                    shared.guarded(r.body(), "The webcam stream"),
                    r.headers().firstValueAsLong("Content-Length"),
                    r.headers().firstValue("Content-Type"));
        });
    }

    @Override
    public List<CommandFile> files() {
        return CommandApiMapper.files(envelope(CallKind.READ, api -> api.files("gcode")));
    }

    @Override
    public CommandFileDetails file(String virtualPath) {
        String path = path(virtualPath);
        return CommandApiMapper.details(envelope(CallKind.READ, api -> api.details(path)), path);
    }

    @Override
    public CommandFile upload(String virtualPath, InputStream content, long size) {
        String path = path(virtualPath);
        Objects.requireNonNull(content, "content");
        if (size < 1) {
            throw new IllegalArgumentException("An upload needs at least one byte, got a size of " + size);
        }
        // On the relay (the command API is not on the LAN); sent again only while none of the caller's stream was read.
        CommandFileAnswer result = shared.upload(connection, secrets, path, content, size, true, sending -> {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(sending::body), sending.size());
            HttpResponse<String> r = send(
                    sending.target(),
                    "PUT",
                    "files/upload?path=" + encode(path),
                    body,
                    shared.transport().text(),
                    sending.timeout());
            return this.<CommandFileAnswer>unwrap(sending.target(), r, CommandApiMapper.FILE);
        });
        return CommandApiMapper.file(result)
                .orElseGet(() -> new CommandFile(
                        path.substring(path.lastIndexOf('/') + 1),
                        path,
                        Optional.empty(),
                        OptionalLong.of(size),
                        Optional.empty()));
    }

    @Override
    public FileDownload download(String virtualPath) {
        String path = path(virtualPath);
        return call(CallKind.READ, target -> {
            HttpResponse<InputStream> r = send(
                    target,
                    "GET",
                    "files/download?path=" + encode(path),
                    null,
                    HttpResponse.BodyHandlers.ofInputStream(),
                    shared.relaySettings().readTimeout());
            binary(target, r, "the file", type -> true);
            OptionalLong length = r.headers().firstValueAsLong("Content-Length");
            return new FileDownload(
                    shared.guarded(r.body(), "The download of " + path),
                    length,
                    r.headers().firstValue("Content-Type"));
        });
    }

    @Override
    public void delete(String virtualPath) {
        // Arguments travel in the JSON body when there is one (the query string is read only without a body).
        CommandRequests.FilePath body = new CommandRequests.FilePath(path(virtualPath));
        envelope(CallKind.COMMAND, api -> api.delete(body));
    }

    /** A virtual path as the file commands take it, checked before any traffic. */
    static String path(String virtualPath) {
        if (virtualPath == null
                || !VIRTUAL_PATH.matcher(virtualPath).matches()
                || virtualPath.length() > 1024
                || List.of(virtualPath.split("/")).stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
            throw new IllegalArgumentException("A printable file's path is gcode/<folders>/<name>, without . or .. "
                    + "segments, up to 1024 characters; got "
                    + (virtualPath == null ? "none" : "\"" + printable(virtualPath) + "\""));
        }
        return virtualPath;
    }

    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** One command whose answer is an envelope, through the Rest Client on the relay: its result, or the refusal. */
    private <R> R envelope(CallKind kind, Function<CommandApi, CommandAnswer<R>> request) {
        CommandAnswer<R> answer = shared.restRelay(connection, secrets, kind, CommandApi.class, api -> {
            try {
                return request.apply(api);
            } catch (PrinterResponseException refused) {
                // An HTTP error whose body is the envelope: the command's refusal, with the answer's facts.
                throw refusalIn(refused);
            } catch (ProcessingException e) {
                for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                    if (t instanceof PrinterResponseException refused) {
                        throw refusalIn(refused);
                    }
                }
                throw e;
            }
        });
        return result(answer);
    }

    /** An upload's answer, read by the JDK client: the envelope's result, or the refusal. */
    private <R> R unwrap(Target target, HttpResponse<String> r, java.lang.reflect.Type envelope) {
        if (r.statusCode() != 200) {
            throw rawRefusal(target, shared.transport().error(target, r));
        }
        return result(JsonAnswers.fromPrinter(connection.id()).read(r, envelope));
    }

    private <R> R result(CommandAnswer<R> answer) {
        if (answer.status() == null) {
            throw ErrorMapper.unreadable(
                    connection.id(), Side.RELAY, OptionalInt.empty(), "The command API answered JSON without a Status");
        }
        if (answer.status() != 200) {
            throw refusal(answer.status(), Optional.ofNullable(answer.error()), ErrorDetails.none());
        }
        return answer.result();
    }

    private static Double value(java.util.OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /**
     * Lets a binary answer (image, stream, file) through when it is one; else throws what it is instead. The plugin
     * refuses such a command (no camera, a streamer that is down, a file it cannot read) with HTTP 200 and an envelope
     * in JSON, so a JSON answer is read as one (at most {@code appconnection.limits.error-bytes} of it); any other answer of
     * the wrong type is the printer's, unreadable.
     */
    private void binary(Target target, HttpResponse<InputStream> r, String what, Predicate<String> expected) {
        String type = r.headers().firstValue("Content-Type").orElse("").strip().toLowerCase(Locale.ROOT);
        boolean json = type.startsWith("application/json") || type.startsWith("text/json");
        if (r.statusCode() == 200 && !json && expected.test(type)) {
            return;
        }
        byte[] start;
        boolean cut;
        try (InputStream body = r.body()) {
            // Only the start of it: enough for an envelope or an error text.
            int limit = (int) Math.min(shared.transport().limits().errorBytes(), Integer.MAX_VALUE - 8);
            start = body.readNBytes(limit);
            cut = start.length == limit && body.read() != -1;
        } catch (IOException e) {
            throw shared.transport().failure(target, e);
        }
        if (r.statusCode() != 200) {
            throw rawRefusal(
                    target,
                    shared.transport().error(target, r.statusCode(), r.headers().map(), start, cut));
        }
        if (json) {
            Optional<CommandAnswer<CommandAnswer.Ignored>> envelope =
                    envelope(new String(start, StandardCharsets.UTF_8));
            if (envelope.isEmpty()) {
                throw HttpTransport.unreadable(
                        target,
                        OptionalInt.of(200),
                        "The printer's command API answered JSON" + " that is not its envelope instead of " + what);
            }
            if (envelope.get().status() != 200) {
                throw refusal(
                        envelope.get().status(),
                        Optional.ofNullable(envelope.get().error()),
                        shared.transport()
                                .errors()
                                .printerDetails(HttpTransport.answer(
                                        target, 200, r.headers().map(), start, cut)));
            }
        }
        throw HttpTransport.unreadable(
                target,
                OptionalInt.of(r.statusCode()),
                "The printer's command API answered " + (type.isEmpty() ? "without a content type" : printable(type))
                        + " instead of " + what);
    }

    /** An HTTP error answer: OctoEverywhere's 6xx as it is, the printer's with an envelope as the command's refusal. */
    private RuntimeException rawRefusal(Target target, RuntimeException mapped) {
        return mapped instanceof PrinterResponseException printers ? refusalIn(printers) : mapped;
    }

    /** The refusal an HTTP error's body holds, when it holds an envelope; else the HTTP error itself. */
    private RuntimeException refusalIn(PrinterResponseException error) {
        return error.printerBody()
                .flatMap(RoutedPrinterCommands::envelope)
                .<RuntimeException>map(e -> refusal(e.status(), Optional.ofNullable(e.error()), error.details()))
                .orElse(error);
    }

    /** The envelope a text holds, if it holds one (JSON with a {@code Status}). */
    private static Optional<CommandAnswer<CommandAnswer.Ignored>> envelope(String text) {
        try {
            return Optional.of(WireJson.<CommandAnswer<CommandAnswer.Ignored>>read(text, CommandApiMapper.IGNORED))
                    .filter(e -> e.status() != null);
        } catch (UnreadableJsonException notJson) {
            return Optional.empty();
        }
    }

    /** The command API's refusal; {@code details} are the HTTP answer's facts, when known. */
    private CommandRefusedException refusal(int status, Optional<String> error, ErrorDetails details) {
        String why = error.map(e -> ErrorBodies.clean(e, secretValues()))
                .map(RoutedPrinterCommands::printable)
                .map(e -> ": " + e)
                .orElse("");
        return status == FeatureUnsupportedException.COMMAND_STATUS
                ? new FeatureUnsupportedException(
                        "The printer does not support this command (788)" + why, connection.id(), details)
                : new CommandRefusedException(
                        "The printer's command API refused the command (" + status + ")" + why,
                        connection.id(),
                        status,
                        details);
    }

    /** The connection's secrets, none of which an error message may repeat. */
    private List<String> secretValues() {
        List<String> values = new java.util.ArrayList<>();
        secrets.basicUser().ifPresent(values::add);
        secrets.basicPassword().ifPresent(values::add);
        secrets.bearerToken().ifPresent(values::add);
        secrets.octoPrintApiKey().ifPresent(values::add);
        values.add(secrets.appApiToken());
        return values;
    }

    private <T> HttpResponse<T> send(
            Target target,
            String method,
            String command,
            HttpRequest.BodyPublisher body,
            HttpResponse.BodyHandler<T> handler,
            Duration timeout) {
        HttpRequest.Builder request = shared.transport()
                .request(target, BASE + command, timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null && !method.equals("GET")) {
            request.header(
                    "Content-Type",
                    command.startsWith("files/upload") ? "application/octet-stream" : "application/json");
        }
        return shared.transport().send(target, request.build(), handler);
    }

    /** Under the connection's guard, on the relay (the command API is not on the LAN). */
    private <R> R call(CallKind kind, Function<Target, R> request) {
        return shared.callRelay(connection, secrets, kind, request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%2F", "/");
    }

    @Override
    public String toString() {
        return "PrinterCommands[" + connection.id() + "]";
    }
}
