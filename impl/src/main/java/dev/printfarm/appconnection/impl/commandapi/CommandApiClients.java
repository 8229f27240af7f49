package dev.printfarm.appconnection.impl.commandapi;

import dev.printfarm.appconnection.api.PrinterCommands;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.relay.RelayGuard;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Makes {@link PrinterCommands} for connections and holds what they share. */
@ApplicationScoped
public class CommandApiClients {

    @Inject
    ModuleConfig config;

    @Inject
    HttpTransport transport;

    @Inject
    RouteTable routes;

    @Inject
    RelayGuard guard;

    public PrinterCommands open(StoredConnection stored) {
        return new RoutedPrinterCommands(stored.connection(), stored.secrets(), this);
    }

    // Methods, not fields: this bean is reached through its CDI proxy, whose own fields are empty.
    public ModuleConfig config() {
        return config;
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
}
