package dev.printfarm.appconnection.it;

import dev.printfarm.appconnection.api.ConnectionCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every {@link ConnectionCreated} the module fires in a test deployment. */
@ApplicationScoped
public class CreatedEvents {

    private final List<String> ids = new CopyOnWriteArrayList<>();

    void on(@Observes ConnectionCreated event) {
        ids.add(event.connection().id());
    }

    public long count(String connectionId) {
        return ids.stream().filter(connectionId::equals).count();
    }
}
