package dev.printfarm.appconnection.impl.store;

import dev.printfarm.appconnection.api.AppConnection;
import java.util.Objects;

/** A connection and its opened secrets, read together. {@link #toString()} prints no secret. */
public record StoredConnection(AppConnection connection, ConnectionSecrets secrets) {
    public StoredConnection {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(secrets, "secrets");
    }
}
