package dev.printfarm.appconnection.impl.startup;

import dev.printfarm.appconnection.impl.config.ServiceSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;

/**
 * Fails the deployment, before anything touches the store, when the configuration is wrong or, outside demo mode,
 * unsafe: it reads the module's settings ({@link SettingsProducer}) first thing at start, which checks every key and
 * reports every problem at once. Its observer runs first: {@link #PRIORITY} is below every other start observer of
 * the module.
 */
@ApplicationScoped
public class DeploymentGuard {

    /** Before {@code StoreStartup}, the first observer that opens the store. */
    public static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE;

    private static final Logger LOG = Logger.getLogger(DeploymentGuard.class.getName());

    @Inject
    SettingsProducer producer;

    void check(@Observes @Priority(PRIORITY) ModuleStarting started) {
        ModuleSettings settings = producer.settings();
        settings.notices().forEach(LOG::warning);
        if (settings.service().demoMode()) {
            LOG.warning(() -> "App Connections demo mode: " + ServiceSettings.SERVICE_URL + " is a sandbox on this"
                    + " machine, so the demo key, plain-http relays and loopback printers are allowed. Never store real"
                    + " connections.");
        }
    }
}
