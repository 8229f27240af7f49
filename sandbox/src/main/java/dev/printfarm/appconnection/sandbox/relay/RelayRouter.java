package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.commandapi.CommandApi;
import dev.printfarm.appconnection.sandbox.commandapi.CommandCalls;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.moonraker.MoonrakerApi;
import dev.printfarm.appconnection.sandbox.moonraker.MoonrakerSockets;
import dev.printfarm.appconnection.sandbox.octoprint.ApiKeyRule;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintApi;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import dev.printfarm.appconnection.sandbox.webcam.WebcamAction;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import dev.printfarm.appconnection.sandbox.webcam.WebcamView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongConsumer;

/**
 * Decides what the relay answers, in OctoEverywhere's order: connection, credentials, revocation, printer
 * (failWith, supporter, online), scheduled resets, upload limit, the back-to-back webcam rule (webcam requests only),
 * then the printer (a scripted answer, the emulated webcam, the command API for every kind, else the host's own API
 * by kind: OctoPrint, Moonraker, or nothing for {@code other}), then the download limit (not for the webcam). Every
 * answer from the printer's checks on carries the printer's {@code latencyMs} and {@code cutBodyAfterBytes}.
 * WebSocket handshakes go through the same checks up to the printer's, see {@link #handshake(RelayRequest)}.
 */
@ApplicationScoped
public class RelayRouter {

    private final ConnectionRegistry connections;
    private final PrinterRegistry printers;
    private final RelayStats stats;
    private final ScriptedResponses scripts;
    private final ConnectionResets resets;
    private final WebcamBoard webcams;
    private final CommandCalls commandCalls;
    private final MoonrakerSockets moonrakerSockets;

    protected RelayRouter() {
        this(null, null, null, null, null, null, null, null);
    }

    public RelayRouter(ConnectionRegistry connections, PrinterRegistry printers, RelayStats stats) {
        this(connections, printers, stats, new ScriptedResponses(), new ConnectionResets());
    }

    public RelayRouter(
            ConnectionRegistry connections,
            PrinterRegistry printers,
            RelayStats stats,
            ScriptedResponses scripts,
            ConnectionResets resets) {
        this(
                connections,
                printers,
                stats,
                scripts,
                resets,
                new WebcamBoard(Clock.systemUTC(), SandboxSettings.DEFAULT_WEBCAM_FPS));
    }

    public RelayRouter(
            ConnectionRegistry connections,
            PrinterRegistry printers,
            RelayStats stats,
            ScriptedResponses scripts,
            ConnectionResets resets,
            WebcamBoard webcams) {
        this(
                connections,
                printers,
                stats,
                scripts,
                resets,
                webcams,
                new CommandCalls(),
                new MoonrakerSockets(printers));
    }

    @Inject
    public RelayRouter(
            ConnectionRegistry connections,
            PrinterRegistry printers,
            RelayStats stats,
            ScriptedResponses scripts,
            ConnectionResets resets,
            WebcamBoard webcams,
            CommandCalls commandCalls,
            MoonrakerSockets moonrakerSockets) {
        this.connections = connections;
        this.printers = printers;
        this.stats = stats;
        this.scripts = scripts;
        this.resets = resets;
        this.webcams = webcams;
        this.commandCalls = commandCalls;
        this.moonrakerSockets = moonrakerSockets;
    }

    /**
     * Reads a request body for {@code connectionId}, keeping at most {@link #keepAtMost(String)} bytes and adding
     * every chunk to the connection's {@code uploadBytes} as it arrives, so that the count grows during a long upload.
     * This is the only place request body bytes are counted; {@link #answer(RelayRequest)} does not count them again.
     */
    public ReceivedBody receive(String connectionId, InputStream in) throws IOException {
        LongConsumer counted = connectionId.isEmpty() ? bytes -> {} : bytes -> stats.recordUpload(connectionId, bytes);
        return ReceivedBody.read(in, keepAtMost(connectionId), counted);
    }

    /** Decides and counts the answered status; the body's bytes were counted while it was received. */
    public RelayAnswer answer(RelayRequest request) {
        RelayAnswer answer = decide(request);
        if (!request.connectionId().isEmpty() && !answer.reset()) {
            stats.record(request.connectionId(), answer.status());
        }
        return answer;
    }

    /** The printer a relayed request for {@code connectionId} is meant for, when the connection is known. */
    public Optional<String> printerOf(String connectionId) {
        return connections.find(connectionId).map(AppConnection::printerId);
    }

    /**
     * How much of a request body is worth keeping: one byte over the upload limit is enough to refuse it with 608, and
     * more than the printer's storage (plus multipart framing) is refused with 413 by the printer.
     */
    public long keepAtMost(String connectionId) {
        return connections
                .find(connectionId)
                .flatMap(connection -> printers.find(connection.printerId()))
                .map(printer -> Math.min(
                        oneMore(printer.limits().maxUploadFileSizeBytes()),
                        printer.files().uploadKeepBytes()))
                .orElse(0L);
    }

    private static long oneMore(long bytes) {
        return bytes == Long.MAX_VALUE ? bytes : bytes + 1;
    }

    /**
     * A WebSocket handshake: {@link RelayHandshake#UPGRADE} when the relay would let an HTTP request through to the
     * printer and the printer's kind has a socket at that path ({@code /sockjs/websocket} OctoPrint,
     * {@code /websocket} Moonraker), else the same 6xx (connection, credentials, revocation, failWith, supporter,
     * online), or the host's 404 for the wrong kind. Scheduled resets, latency and transfer limits do not apply.
     * Counted in the stats like any answer.
     */
    public RelayHandshake handshake(RelayRequest request) {
        Optional<AppConnection> connection = connections.find(request.connectionId());
        Optional<EmulatedPrinter> printer = connection.flatMap(found -> printers.find(found.printerId()));
        OptionalInt refused = relayRefusal(request, connection, printer);
        if (refused.isEmpty()) {
            refused = printerRefusal(printer.orElseThrow().controls());
        }
        RelayHandshake handshake;
        if (refused.isPresent()) {
            handshake = new RelayHandshake(refused.getAsInt(), printer);
        } else if (socketKind(request.path())
                != printer.orElseThrow().controls().kind()) {
            handshake = new RelayHandshake(
                    404, printer, notFound(printer.get().controls().kind()).body());
        } else {
            handshake = new RelayHandshake(RelayHandshake.UPGRADE, printer);
        }
        if (!request.connectionId().isEmpty()) {
            stats.record(request.connectionId(), handshake.status());
        }
        return handshake;
    }

    /** The kind of printer that has a socket at this path. */
    private static PrinterKind socketKind(String path) {
        return MoonrakerApi.WEBSOCKET_PATH.equals(path) ? PrinterKind.MOONRAKER : PrinterKind.OCTOPRINT;
    }

    private RelayAnswer decide(RelayRequest request) {
        Optional<AppConnection> connection = connections.find(request.connectionId());
        Optional<EmulatedPrinter> printer = connection.flatMap(found -> printers.find(found.printerId()));
        OptionalInt refused = relayRefusal(request, connection, printer);
        if (refused.isPresent()) {
            return RelayAnswer.octoEverywhereError(refused.getAsInt());
        }
        PrinterControls controls = printer.orElseThrow().controls();
        return printerAnswer(request, connection.orElseThrow(), printer.get(), controls)
                .delayedBy(controls.latencyMs())
                .cutAfter(controls.cutBodyAfterBytes());
    }

    /** Unknown connection 603, wrong credentials 606, revoked (or its printer gone) 604. */
    private OptionalInt relayRefusal(
            RelayRequest request, Optional<AppConnection> connection, Optional<EmulatedPrinter> printer) {
        if (connection.isEmpty()) {
            return OptionalInt.of(603);
        }
        if (!RelayCredentials.accepted(request.authorization(), connection.get())) {
            return OptionalInt.of(606);
        }
        if (printer.isEmpty() || connections.isRevoked(connection.get().id())) {
            return OptionalInt.of(604);
        }
        return OptionalInt.empty();
    }

    /** {@code failWith}, then 605 for a suspended owner, then 601 for an offline printer. */
    private static OptionalInt printerRefusal(PrinterControls controls) {
        if (controls.failWith().isPresent()) {
            return controls.failWith();
        }
        if (!controls.supporter()) {
            return OptionalInt.of(605);
        }
        if (!controls.online()) {
            return OptionalInt.of(601);
        }
        return OptionalInt.empty();
    }

    private RelayAnswer printerAnswer(
            RelayRequest request, AppConnection connection, EmulatedPrinter printer, PrinterControls controls) {
        OptionalInt refused = printerRefusal(controls);
        if (refused.isPresent()) {
            return RelayAnswer.octoEverywhereError(refused.getAsInt());
        }
        if (resets.takeOne(printer.id())) {
            return RelayAnswer.connectionReset();
        }
        if (request.uploadSize() > controls.limits().maxUploadFileSizeBytes()) {
            return RelayAnswer.octoEverywhereError(608);
        }
        boolean command = CommandApi.isCommand(request.path());
        Optional<WebcamAction> webcam = command
                ? CommandApi.webcamAction(request.path())
                : controls.kind() == PrinterKind.OTHER
                        ? Optional.empty()
                        : WebcamAction.of(request.method(), request.path(), request.query());
        if (webcam.isPresent() && !webcams.admitOnRelay(printer)) {
            return RelayAnswer.octoEverywhereError(609);
        }
        Optional<ScriptedResponse> script = scripts.find(printer.id(), request.method(), request.path());
        if (webcam.isPresent() && script.isEmpty()) {
            return webcam(request, connection, printer, webcam.get(), command);
        }
        OctoPrintAnswer answer =
                script.map(ScriptedResponse::answer).orElseGet(() -> hostAnswer(request, connection, printer, command));
        if (answer.bodyLength() > controls.limits().maxDownloadFileSizeBytes()) {
            return RelayAnswer.octoEverywhereError(607);
        }
        return RelayAnswer.relayed(answer);
    }

    /** The command API for every kind, else the host's own API: OctoPrint, Moonraker, or none at all. */
    private OctoPrintAnswer hostAnswer(
            RelayRequest request, AppConnection connection, EmulatedPrinter printer, boolean command) {
        Instant now = printers.now();
        if (command) {
            CommandApi.Handled handled = CommandApi.answer(request.toPrinter(), printer, now);
            commandCalls.record(
                    printer.id(),
                    new CommandCalls.Call(now, connection.id(), handled.command(), handled.status(), handled.args()));
            return handled.answer();
        }
        return switch (printer.controls().kind()) {
            case OCTOPRINT -> OctoPrintApi.answer(request.toPrinter(), apiKeyRule(connection), printer, now);
            case MOONRAKER ->
                MoonrakerApi.answer(request.toPrinter(), printer, now, moonrakerSockets.openCount(printer.id()));
            case OTHER -> notFound(PrinterKind.OTHER);
        };
    }

    /** The emulated camera; a command API request with a bad {@code index} is refused by the plugin instead. */
    private RelayAnswer webcam(
            RelayRequest request,
            AppConnection connection,
            EmulatedPrinter printer,
            WebcamAction action,
            boolean command) {
        if (command) {
            Optional<OctoPrintAnswer> refused = CommandApi.refusedWebcamIndex(request.toPrinter());
            String name = CommandApi.command(request.path());
            commandCalls.record(
                    printer.id(),
                    new CommandCalls.Call(
                            printers.now(),
                            connection.id(),
                            name,
                            refused.map(OctoPrintAnswer::status).orElse(200),
                            queryArgs(request)));
            if (refused.isPresent()) {
                return RelayAnswer.relayed(refused.get());
            }
        }
        return RelayAnswer.webcam(WebcamView.relayed(action, printer));
    }

    /** What a host of this kind answers a path it does not have. */
    static OctoPrintAnswer notFound(PrinterKind kind) {
        return switch (kind) {
            case OCTOPRINT -> OctoPrintAnswer.error(404, "Not found");
            case MOONRAKER -> MoonrakerApi.notFound();
            case OTHER ->
                OctoPrintAnswer.error(404, "This printer has no web API of its own; use " + CommandApi.PREFIX);
        };
    }

    private static JsonObject queryArgs(RelayRequest request) {
        JsonObjectBuilder args = Json.createObjectBuilder();
        request.query()
                .forEach((name, values) ->
                        args.add(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        return args.build();
    }

    /** Only the connection's own key counts, and a connection issued without one is not checked. */
    private static ApiKeyRule apiKeyRule(AppConnection connection) {
        return connection
                .octoPrintApiKey()
                .map(key -> ApiKeyRule.oneOf(List.of(key)))
                .orElseGet(ApiKeyRule::unchecked);
    }
}
