package dev.printfarm.appconnection.impl.startup;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.naming.NamingException;

/**
 * Fires {@link ModuleStarting} once per application: at CDI's start of the application when the server has its naming
 * in place then (Liberty: before the application's own start observers, so the module's refusal is the one reported),
 * else when the web module starts ({@link ModuleStartRegistration}; an EAR whose library holds the module starts that
 * listener in each of its web modules).
 */
@ApplicationScoped
public class ModuleStart {

    private static final Logger LOG = Logger.getLogger(ModuleStart.class.getName());

    @Inject
    Event<ModuleStarting> starting;

    private final AtomicBoolean started = new AtomicBoolean();

    void atCdiStart(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object application) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        try {
            starting.fire(new ModuleStarting());
        } catch (RuntimeException e) {
            if (!namingNotReady(e)) {
                throw e;
            }
            // Payara: a library's beans hear CDI's start before java:comp exists; the web module's start follows.
            started.set(false);
            LOG.fine(() -> "The module starts with its web module: no naming at CDI's start (" + e + ")");
        }
    }

    void begin() {
        if (started.compareAndSet(false, true)) {
            starting.fire(new ModuleStarting());
        }
    }

    private static boolean namingNotReady(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NamingException || t.getClass().getSimpleName().equals("InjectionException")) {
                return true;
            }
        }
        return false;
    }
}
