package dev.printfarm.appconnection.impl.store;

import dev.printfarm.appconnection.impl.config.ServiceSettings;
import dev.printfarm.appconnection.impl.startup.ModuleStarting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The configured key ring ({@link StoreSettings}, checked when the module starts: with no usable key the application
 * does not start at all, rather than fail on the first portal callback with a secret in hand).
 */
@ApplicationScoped
public class SecretKeys {

    private static final Logger LOG = Logger.getLogger(SecretKeys.class.getName());

    @Inject
    StoreSettings settings;

    void checkOnStart(@Observes ModuleStarting started) {
        if (settings.usesDemoKey()) {
            LOG.warning("Demo mode (" + ServiceSettings.SERVICE_URL + " is a sandbox on this machine): secrets are"
                    + " encrypted with the built-in, public demo key. Set " + StoreSettings.KEYS
                    + " before storing real connections.");
        }
        LOG.info(() -> "App Connection secrets are encrypted with key '"
                + settings.ring().activeId() + "'");
    }

    public SecretKeyRing ring() {
        return settings.ring();
    }
}
