package dev.printfarm.appconnection.sandbox.relay;

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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Decides what the relay answers, in OctoEverywhere's order: connection, credentials, revocation, printer
 * (failWith, supporter, online), scheduled resets, upload limit, then OctoPrint (or a scripted answer), then the
 * download limit.
 */
@ApplicationScoped
public class RelayRouter {

    private final ConnectionRegistry connections;
    private final PrinterRegistry printers;
    private final RelayStats stats;
    private final ScriptedResponses scripts;
    private final ConnectionResets resets;

    protected RelayRouter() {
        this(null, null, null, null, null);
    }

    public RelayRouter(ConnectionRegistry connections, PrinterRegistry printers, RelayStats stats) {
        this(connections, printers, stats, new ScriptedResponses(), new ConnectionResets());
    }

    @Inject
    public RelayRouter(ConnectionRegistry connections, PrinterRegistry printers, RelayStats stats,
                       ScriptedResponses scripts, ConnectionResets resets) {
        this.connections = connections;
        this.printers = printers;
        this.stats = stats;
        this.scripts = scripts;
        this.resets = resets;
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

    private RelayAnswer decide(RelayRequest request) {
        Optional<AppConnection> found = connections.find(request.connectionId());
        if (found.isEmpty()) {
            return RelayAnswer.octoEverywhereError(603);
        }
        AppConnection connection = found.get();
        if (!RelayCredentials.accepted(request.authorization(), connection)) {
            return RelayAnswer.octoEverywhereError(606);
        }
        Optional<EmulatedPrinter> printer = printers.find(connection.printerId());
        if (printer.isEmpty() || connections.isRevoked(connection.id())) {
            return RelayAnswer.octoEverywhereError(604);
        }
        PrinterControls controls = printer.get().controls();
        return printerAnswer(request, connection, printer.get(), controls).delayedBy(controls.latencyMs());
    }

    private RelayAnswer printerAnswer(RelayRequest request, AppConnection connection, EmulatedPrinter printer,
                                      PrinterControls controls) {
        if (controls.failWith().isPresent()) {
            return RelayAnswer.octoEverywhereError(controls.failWith().getAsInt());
        }
        if (!controls.supporter()) {
            return RelayAnswer.octoEverywhereError(605);
        }
        if (!controls.online()) {
            return RelayAnswer.octoEverywhereError(601);
        }
        if (resets.takeOne(printer.id())) {
            return RelayAnswer.connectionReset();
        }
        if (request.uploadSize() > controls.limits().maxUploadFileSizeBytes()) {
            return RelayAnswer.octoEverywhereError(608);
        }
        OctoPrintAnswer answer = scripts.find(printer.id(), request.method(), request.path())
                .map(ScriptedResponse::answer)
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
