package dev.printfarm.appconnection.impl.store;

import java.util.Objects;

/** Module-internal CDI event: a connection's stored secrets changed, so copies held in memory are stale. */
public record SecretsReplaced(String connectionId) {
    public SecretsReplaced {
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
