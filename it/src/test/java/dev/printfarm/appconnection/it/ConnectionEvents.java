package dev.printfarm.appconnection.it;

import dev.printfarm.appconnection.api.event.ConnectionCreated;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the connection events the module fires in a test deployment. */
@ApplicationScoped
public class ConnectionEvents {

    private final List<String> created = new CopyOnWriteArrayList<>();
    private final List<String> removed = new CopyOnWriteArrayList<>();

    void on(@Observes ConnectionCreated event) {
        created.add(event.connection().id());
    }

    void on(@Observes ConnectionRemoved event) {
        removed.add(event.connectionId());
    }

    public long created(String connectionId) {
        return created.stream().filter(connectionId::equals).count();
    }

    public long removed(String connectionId) {
        return removed.stream().filter(connectionId::equals).count();
    }
}
