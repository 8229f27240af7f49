package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.octoprint.ApiKeyRule;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintApi;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import dev.printfarm.appconnection.sandbox.webcam.WebcamAction;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import dev.printfarm.appconnection.sandbox.webcam.WebcamView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongConsumer;

/**
 * Decides what the relay answers, in OctoEverywhere's order: connection, credentials, revocation, printer
 * (failWith, supporter, online), scheduled resets, upload limit, the back-to-back webcam rule (webcam requests only),
 * then OctoPrint (or a scripted answer, or the emulated webcam), then the download limit (not for the webcam). Every
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

    protected RelayRouter() {
        this(null, null, null, null, null, null);
    }

    public RelayRouter(ConnectionRegistry connections, PrinterRegistry printers, RelayStats stats) {
        this(connections, printers, stats, new ScriptedResponses(), new ConnectionResets());
    }

    public RelayRouter(ConnectionRegistry connections, PrinterRegistry printers, RelayStats stats,
                       ScriptedResponses scripts, ConnectionResets resets) {
        this(connections, printers, stats, scripts, resets,
                new WebcamBoard(Clock.systemUTC(), SandboxSettings.DEFAULT_WEBCAM_FPS));
    }

    @Inject
    public RelayRouter(ConnectionRegistry connections, PrinterRegistry printers, RelayStats stats,
                       ScriptedResponses scripts, ConnectionResets resets, WebcamBoard webcams) {
        this.connections = connections;
        this.printers = printers;
        this.stats = stats;
        this.scripts = scripts;
        this.resets = resets;
        this.webcams = webcams;
    }

    /**
     * Reads a request body for {@code connectionId}, keeping at most {@link #keepAtMost(String)} bytes and adding
     * every chunk to the connection's {@code uploadBytes} as it arrives, so that the count grows during a long upload.
     * This is the only place request body bytes are counted; {@link #answer(RelayRequest)} does not count them again.
     */
    public ReceivedBody receive(String connectionId, InputStream in) throws IOException {
        LongConsumer counted = connectionId.isEmpty() ? bytes -> { } : bytes -> stats.recordUpload(connectionId, bytes);
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
        return connections.find(connectionId)
                .flatMap(connection -> printers.find(connection.printerId()))
                .map(printer -> Math.min(oneMore(printer.limits().maxUploadFileSizeBytes()),
                        printer.files().uploadKeepBytes()))
                .orElse(0L);
    }

    private static long oneMore(long bytes) {
        return bytes == Long.MAX_VALUE ? bytes : bytes + 1;
    }

    /**
     * A WebSocket handshake: {@link RelayHandshake#UPGRADE} when the relay would let an HTTP request through to the
     * printer, else the same 6xx (connection, credentials, revocation, failWith, supporter, online). Scheduled resets,
     * latency and transfer limits do not apply. Counted in the stats like any answer.
     */
    public RelayHandshake handshake(RelayRequest request) {
        Optional<AppConnection> connection = connections.find(request.connectionId());
        Optional<EmulatedPrinter> printer = connection.flatMap(found -> printers.find(found.printerId()));
        OptionalInt refused = relayRefusal(request, connection, printer);
        if (refused.isEmpty()) {
            refused = printerRefusal(printer.orElseThrow().controls());
        }
        int status = refused.orElse(RelayHandshake.UPGRADE);
        if (!request.connectionId().isEmpty()) {
            stats.record(request.connectionId(), status);
        }
        return new RelayHandshake(status, printer);
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
    private OptionalInt relayRefusal(RelayRequest request, Optional<AppConnection> connection,
                                     Optional<EmulatedPrinter> printer) {
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

    private RelayAnswer printerAnswer(RelayRequest request, AppConnection connection, EmulatedPrinter printer,
                                      PrinterControls controls) {
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
        Optional<WebcamAction> webcam = WebcamAction.of(request.method(), request.path(), request.query());
        if (webcam.isPresent() && !webcams.admitOnRelay(printer)) {
            return RelayAnswer.octoEverywhereError(609);
        }
        Optional<ScriptedResponse> script = scripts.find(printer.id(), request.method(), request.path());
        if (webcam.isPresent() && script.isEmpty()) {
            return RelayAnswer.webcam(WebcamView.relayed(webcam.get(), printer));
        }
        OctoPrintAnswer answer = script.map(ScriptedResponse::answer)
                .orElseGet(() -> OctoPrintApi.answer(request.toPrinter(), apiKeyRule(connection), printer,
                        printers.now()));
        if (answer.bodyLength() > controls.limits().maxDownloadFileSizeBytes()) {
            return RelayAnswer.octoEverywhereError(607);
        }
        return RelayAnswer.relayed(answer);
    }

    /** Only the connection's own key counts, and a connection issued without one is not checked. */
    private static ApiKeyRule apiKeyRule(AppConnection connection) {
        return connection.octoPrintApiKey().map(key -> ApiKeyRule.oneOf(List.of(key))).orElseGet(ApiKeyRule::unchecked);
    }
}
