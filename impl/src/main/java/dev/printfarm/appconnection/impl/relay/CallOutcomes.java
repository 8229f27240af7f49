package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Keeps each connection's state in step with what its calls learn. */
@ApplicationScoped
public class CallOutcomes {

    private static final Logger LOG = Logger.getLogger(CallOutcomes.class.getName());

    @Inject
    ConnectionStore store;

    public void succeeded(String connectionId) {
        record(connectionId, ConnectionState.ONLINE);
    }

    public void failed(String connectionId, AppConnectionException failure) {
        OctoEverywhereStatus.stateAfter(failure).ifPresent(state -> record(connectionId, state));
    }

    private void record(String connectionId, ConnectionState state) {
        if (store.markState(connectionId, state)) {
            LOG.info(() -> "App Connection " + connectionId + " is now " + state);
        }
    }
}
