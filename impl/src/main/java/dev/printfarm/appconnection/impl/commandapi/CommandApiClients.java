package dev.printfarm.appconnection.impl.commandapi;

import dev.printfarm.appconnection.api.command.PrinterCommands;
import dev.printfarm.appconnection.impl.route.RoutedClients;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** Makes {@link PrinterCommands} for connections and holds what they share. */
@ApplicationScoped
public class CommandApiClients extends RoutedClients {

    public PrinterCommands open(StoredConnection stored) {
        return new RoutedPrinterCommands(stored.connection(), stored.secrets(), this);
    }
}
