package dev.printfarm.appconnection.impl.octoprint;

import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import dev.printfarm.appconnection.impl.route.RoutedClients;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Makes {@link OctoPrintClient}s and holds what they share: the transports, the guard, and each printer's OctoPrint generation. */
@ApplicationScoped
public class OctoPrintClients extends RoutedClients {

    /** Whether a connection's OctoPrint is 2.0 or later (it names the printer's storage {@code printer}, not {@code sdcard}). */
    private final Map<String, Boolean> twoOrLater = new ConcurrentHashMap<>();

    public OctoPrintClient open(StoredConnection stored) {
        return new RoutedOctoPrintClient(stored.connection(), stored.secrets(), this);
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
