package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.api.MoonrakerClient;
import dev.printfarm.appconnection.impl.appapi.AppApiClient;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.relay.RelayGuard;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.RestClients;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Makes {@link MoonrakerClient}s and holds what they share: the transports, the guard, the websockets. */
@ApplicationScoped
public class MoonrakerClients {

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

    @Inject
    MoonrakerSockets sockets;

    public MoonrakerClient open(StoredConnection stored) {
        return new RoutedMoonrakerClient(stored.connection(), stored.secrets(), this);
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

    public MoonrakerSockets sockets() {
        return sockets;
    }
}
