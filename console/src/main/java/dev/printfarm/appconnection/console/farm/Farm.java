package dev.printfarm.appconnection.console.farm;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.console.ConsoleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The operator's farm ({@code console.farm}): the one owner whose connections the console shows and acts on. A
 * connection of another owner is, to every console endpoint, one that does not exist.
 */
@ApplicationScoped
public class Farm {

    private ConsoleSettings settings;
    private AppConnectionService connections;

    @Inject
    public Farm(ConsoleSettings settings, AppConnectionService connections) {
        this.settings = settings;
        this.connections = connections;
    }

    /** For the container's client proxy. */
    protected Farm() {}

    /** The owner key of the farm's connections. */
    public String owner() {
        return settings.farm();
    }

    public boolean owns(AppConnection connection) {
        return connection.owner().equals(owner());
    }

    /** One of the farm's connections as stored now; empty for an unknown id and for another owner's alike. */
    public Optional<AppConnection> connection(String id) {
        return connections.connection(id).filter(this::owns);
    }
}
