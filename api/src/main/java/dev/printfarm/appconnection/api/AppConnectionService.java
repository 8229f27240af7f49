package dev.printfarm.appconnection.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The module's entry point, an application-scoped CDI bean: {@code @Inject AppConnectionService service;}.
 * Thread-safe. Failures surface as {@link AppConnectionException} subtypes.
 */
public interface AppConnectionService {

    /**
     * The OctoEverywhere portal URL that starts a new App Connection; redirect the user's browser to it.
     * The portal comes back to the module's callback, which stores the connection.
     *
     * @throws IllegalStateException when the module's configuration is incomplete (the message names the key)
     */
    URI portalUrl(PortalRequest request);

    /** Every stored connection, newest first. Never contains a secret. */
    List<AppConnection> connections();

    /** The stored connection with this id, if any. */
    Optional<AppConnection> connection(String connectionId);

    /**
     * A typed OctoPrint client for one connection's printer. Each call goes through the connection's
     * current route with its credentials.
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    OctoPrintClient octoPrint(String connectionId);
}
