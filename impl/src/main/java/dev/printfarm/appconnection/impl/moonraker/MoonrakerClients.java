package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.api.moonraker.MoonrakerClient;
import dev.printfarm.appconnection.impl.route.RoutedClients;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Makes {@link MoonrakerClient}s and holds what they share: the transports, the guard, the websockets. */
@ApplicationScoped
public class MoonrakerClients extends RoutedClients {

    @Inject
    MoonrakerSockets sockets;

    public MoonrakerClient open(StoredConnection stored) {
        return new RoutedMoonrakerClient(stored.connection(), stored.secrets(), this);
    }

    public MoonrakerSockets sockets() {
        return sockets;
    }
}
