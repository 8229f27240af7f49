package dev.printfarm.appconnection.impl.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fires {@link ModuleStarting} once per application, however many of its web modules start (an EAR whose library holds
 * the module starts the listener in each of them).
 */
@ApplicationScoped
public class ModuleStart {

    @Inject
    Event<ModuleStarting> starting;

    private final AtomicBoolean started = new AtomicBoolean();

    void begin() {
        if (started.compareAndSet(false, true)) {
            starting.fire(new ModuleStarting());
        }
    }
}
