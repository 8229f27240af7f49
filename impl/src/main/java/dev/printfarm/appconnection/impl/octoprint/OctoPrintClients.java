package dev.printfarm.appconnection.impl.octoprint;

import dev.printfarm.appconnection.api.ConnectionRemoved;
import dev.printfarm.appconnection.api.OctoPrintClient;
import dev.printfarm.appconnection.impl.appapi.AppApiClient;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.relay.RelayGuard;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.RestClients;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Makes {@link OctoPrintClient}s and holds what they share: the transports, the guard, and each printer's OctoPrint generation. */
@ApplicationScoped
public class OctoPrintClients {

    @Inject
    ModuleConfig config;

    @Inject
    RestClients restClients;

    @Inject
    HttpTransport transport;

    @Inject
    RouteTable routes;

    @Inject
    RelayGuard guard;

    @Inject
    AppApiClient appApi;

    /** Whether a connection's OctoPrint is 2.0 or later (it names the printer's storage {@code printer}, not {@code sdcard}). */
    private final Map<String, Boolean> twoOrLater = new ConcurrentHashMap<>();

    public OctoPrintClient open(StoredConnection stored) {
        return new RoutedOctoPrintClient(stored.connection(), stored.secrets(), this);
    }

    // Methods, not fields: this bean is reached through its CDI proxy, whose own fields are empty.
    public ModuleConfig config() {
        return config;
    }

    public RestClients restClients() {
        return restClients;
    }

    public HttpTransport transport() {
        return transport;
    }

    public RouteTable routes() {
        return routes;
    }

    public RelayGuard guard() {
        return guard;
    }

    public AppApiClient appApi() {
        return appApi;
    }

    public Boolean knownTwoOrLater(String connectionId) {
        return twoOrLater.get(connectionId);
    }

    public void rememberTwoOrLater(String connectionId, boolean value) {
        twoOrLater.put(connectionId, value);
    }

    void forget(@Observes ConnectionRemoved removed) {
        twoOrLater.remove(removed.connectionId());
    }
}
