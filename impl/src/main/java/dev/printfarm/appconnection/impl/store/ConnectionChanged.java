package dev.printfarm.appconnection.impl.store;

import java.util.Objects;

/**
 * A connection's row changed in this server's store (state, secrets, LAN address, or the row is gone): what was read of
 * it before is stale. Fired by {@link ConnectionStore}; {@link OpenedConnections} forgets its opened form.
 */
public record ConnectionChanged(String connectionId) {
    public ConnectionChanged {
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
