package dev.printfarm.appconnection.impl.octoprint;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.JobStatus;
import dev.printfarm.appconnection.api.OctoPrintClient;
import dev.printfarm.appconnection.api.OctoPrintVersion;
import dev.printfarm.appconnection.api.PrinterStatus;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.relay.OctoEverywhereStatus;
import dev.printfarm.appconnection.impl.relay.RelayClients;
import dev.printfarm.appconnection.impl.relay.RelayGuard;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import jakarta.ws.rs.ProcessingException;
import java.util.function.Consumer;
import java.util.function.Function;

/** {@link OctoPrintClient} for one connection, through its relay URL. */
public final class RelayedOctoPrintClient implements OctoPrintClient {

    private final AppConnection connection;
    private final ConnectionSecrets secrets;
    private final RelayClients clients;
    private final RelayGuard guard;

    public RelayedOctoPrintClient(AppConnection connection, ConnectionSecrets secrets, RelayClients clients,
                                  RelayGuard guard) {
        this.connection = connection;
        this.secrets = secrets;
        this.clients = clients;
        this.guard = guard;
    }

    @Override
    public OctoPrintVersion version() {
        return read(api -> OctoPrintMapping.version(api.version()));
    }

    @Override
    public PrinterStatus printer() {
        return read(api -> OctoPrintMapping.printer(api.printer()));
    }

    @Override
    public JobStatus job() {
        return read(api -> OctoPrintMapping.job(api.job()));
    }

    @Override
    public void startJob() {
        command(api -> api.jobCommand(OctoPrintDtos.JobCommand.of("start")));
    }

    @Override
    public void cancelJob() {
        command(api -> api.jobCommand(OctoPrintDtos.JobCommand.of("cancel")));
    }

    @Override
    public void pauseJob() {
        command(api -> api.jobCommand(new OctoPrintDtos.JobCommand("pause", "pause")));
    }

    @Override
    public void resumeJob() {
        command(api -> api.jobCommand(new OctoPrintDtos.JobCommand("pause", "resume")));
    }

    private void command(Consumer<OctoPrintApi> request) {
        guard.call(connection, CallKind.COMMAND, () -> attempt(api -> {
            request.accept(api);
            return null;
        }));
    }

    private <R> R read(Function<OctoPrintApi, R> request) {
        return guard.call(connection, CallKind.READ, () -> attempt(request));
    }

    /** One attempt; everything that goes wrong leaves as an {@link AppConnectionException}. */
    private <R> R attempt(Function<OctoPrintApi, R> request) {
        try (var lease = clients.open(connection, secrets, OctoPrintApi.class)) {
            return request.apply(lease.client());
        } catch (ProcessingException e) {
            throw e.getCause() instanceof AppConnectionException ace
                    ? ace : OctoEverywhereStatus.unreachable(connection.id(), e.getCause() == null ? e : e.getCause());
        }
    }

    @Override
    public String toString() {
        return "RelayedOctoPrintClient[" + connection.id() + "]";
    }
}
