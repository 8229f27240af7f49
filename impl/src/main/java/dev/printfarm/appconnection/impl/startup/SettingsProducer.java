package dev.printfarm.appconnection.impl.startup;

import dev.printfarm.appconnection.impl.appapi.InfoSettings;
import dev.printfarm.appconnection.impl.cluster.ClusterSettings;
import dev.printfarm.appconnection.impl.config.InvalidConfigurationException;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import dev.printfarm.appconnection.impl.fleet.FleetSettings;
import dev.printfarm.appconnection.impl.gadget.GadgetSettings;
import dev.printfarm.appconnection.impl.live.PushSettings;
import dev.printfarm.appconnection.impl.live.WebcamSettings;
import dev.printfarm.appconnection.impl.portal.PortalSettings;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import dev.printfarm.appconnection.impl.route.LanSettings;
import dev.printfarm.appconnection.impl.route.LimitSettings;
import dev.printfarm.appconnection.impl.store.StoreSettings;
import dev.printfarm.appconnection.impl.webhook.WebhookSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Holds the module's settings, read once from MicroProfile Config, and hands each area its record. The servlet
 * registrations (which run before CDI) and the {@link DeploymentGuard} (first thing once CDI is up) ask for them at
 * start, so a wrong configuration fails the deployment before any bean uses a value. The settings are kept per
 * application class loader, so both ask the same read; nothing is read again later: a change takes a restart.
 */
@ApplicationScoped
public class SettingsProducer {

    private static final Logger LOG = Logger.getLogger(SettingsProducer.class.getName());
    private static final Map<ClassLoader, ModuleSettings> LOADED = new WeakHashMap<>();

    /**
     * The settings of the application whose classes {@code loader} loads, read on the first call.
     *
     * @throws InvalidConfigurationException listing every problem (logged as well)
     */
    public static ModuleSettings settings(ClassLoader loader) {
        synchronized (LOADED) {
            ModuleSettings settings = LOADED.get(loader);
            if (settings == null) {
                try {
                    settings = ModuleSettings.load(ConfigProvider.getConfig(loader));
                } catch (InvalidConfigurationException e) {
                    // Logged here too: the server reports a failed start only as an incident.
                    LOG.severe(e.getMessage());
                    throw e;
                }
                LOADED.put(loader, settings);
            }
            return settings;
        }
    }

    private ModuleSettings settings;

    /** @throws InvalidConfigurationException listing every problem */
    public synchronized ModuleSettings settings() {
        if (settings == null) {
            settings = settings(Thread.currentThread().getContextClassLoader());
        }
        return settings;
    }

    @Produces
    ServiceSettings service() {
        return settings().service();
    }

    @Produces
    PortalSettings portal() {
        return settings().portal();
    }

    @Produces
    StoreSettings store() {
        return settings().store();
    }

    @Produces
    RelaySettings relay() {
        return settings().relay();
    }

    @Produces
    LanSettings lan() {
        return settings().lan();
    }

    @Produces
    LimitSettings limits() {
        return settings().limits();
    }

    @Produces
    InfoSettings info() {
        return settings().info();
    }

    @Produces
    ClusterSettings cluster() {
        return settings().cluster();
    }

    @Produces
    GadgetSettings gadget() {
        return settings().gadget();
    }

    @Produces
    WebcamSettings webcam() {
        return settings().webcam();
    }

    @Produces
    PushSettings push() {
        return settings().push();
    }

    @Produces
    FleetSettings fleet() {
        return settings().fleet();
    }

    @Produces
    WebhookSettings webhooks() {
        return settings().webhooks();
    }
}
