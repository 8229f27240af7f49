package dev.printfarm.appconnection.api.event;

import dev.printfarm.appconnection.api.AppConnection;
import java.util.Objects;

/** CDI event fired after a new App Connection has been committed to the store. Carries no secret. */
public record ConnectionCreated(AppConnection connection) {
    public ConnectionCreated {
        Objects.requireNonNull(connection, "connection");
    }
}
