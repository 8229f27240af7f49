package dev.printfarm.appconnection.api.event;

import java.util.Objects;

/** CDI event fired after a connection was deleted from the local store. */
public record ConnectionRemoved(String connectionId) {
    public ConnectionRemoved {
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
