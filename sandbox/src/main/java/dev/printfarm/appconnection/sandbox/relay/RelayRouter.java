package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.octoprint.ApiKeyRule;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintApi;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Decides what the relay answers, in OctoEverywhere's order: connection, credentials, printer, then OctoPrint. */
@ApplicationScoped
public class RelayRouter {

    private final ConnectionRegistry connections;
    private final PrinterRegistry printers;
    private final RelayStats stats;

    protected RelayRouter() {
        this(null, null, null);
    }

    @Inject
    public RelayRouter(ConnectionRegistry connections, PrinterRegistry printers, RelayStats stats) {
        this.connections = connections;
        this.printers = printers;
        this.stats = stats;
    }

    public RelayAnswer answer(RelayRequest request) {
        RelayAnswer answer = decide(request);
        if (!request.connectionId().isEmpty()) {
            stats.record(request.connectionId(), answer.status());
        }
        return answer;
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
        if (printer.isEmpty()) {
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
        if (!controls.online()) {
            return RelayAnswer.octoEverywhereError(601);
        }
        return RelayAnswer.relayed(OctoPrintApi.answer(request.method(), request.path(), request.octoPrintApiKey(),
                apiKeyRule(connection), printer.octoPrintAt(printers.now())));
    }

    /** Only the connection's own key counts, and a connection issued without one is not checked. */
    private static ApiKeyRule apiKeyRule(AppConnection connection) {
        return connection.octoPrintApiKey().map(key -> ApiKeyRule.oneOf(List.of(key))).orElseGet(ApiKeyRule::unchecked);
    }
}
