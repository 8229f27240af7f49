package dev.printfarm.appconnection.impl.octoprint;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.JobStatus;
import dev.printfarm.appconnection.api.OctoPrintClient;
import dev.printfarm.appconnection.api.OctoPrintVersion;
import dev.printfarm.appconnection.api.PrinterStatus;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.relay.OctoEverywhereStatus;
import dev.printfarm.appconnection.impl.relay.RelayClients;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import jakarta.ws.rs.ProcessingException;
import java.util.function.Function;

/** {@link OctoPrintClient} for one connection, through its relay URL. */
public final class RelayedOctoPrintClient implements OctoPrintClient {

    private final AppConnection connection;
    private final ConnectionSecrets secrets;
    private final RelayClients clients;
    private final CallOutcomes outcomes;

    public RelayedOctoPrintClient(AppConnection connection, ConnectionSecrets secrets, RelayClients clients,
                                  CallOutcomes outcomes) {
        this.connection = connection;
        this.secrets = secrets;
        this.clients = clients;
        this.outcomes = outcomes;
    }

    @Override
    public OctoPrintVersion version() {
        return call(api -> OctoPrintMapping.version(api.version()));
    }

    @Override
    public PrinterStatus printer() {
        return call(api -> OctoPrintMapping.printer(api.printer()));
    }

    @Override
    public JobStatus job() {
        return call(api -> OctoPrintMapping.job(api.job()));
    }

    private <R> R call(Function<OctoPrintApi, R> request) {
        try (var lease = clients.open(connection, secrets, OctoPrintApi.class)) {
            R result = request.apply(lease.client());
            outcomes.succeeded(connection.id());
            return result;
        } catch (AppConnectionException e) {
            outcomes.failed(connection.id(), e);
            throw e;
        } catch (ProcessingException e) {
            AppConnectionException failure = e.getCause() instanceof AppConnectionException ace
                    ? ace : OctoEverywhereStatus.unreachable(connection.id(), e.getCause() == null ? e : e.getCause());
            outcomes.failed(connection.id(), failure);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "RelayedOctoPrintClient[" + connection.id() + "]";
    }
}
