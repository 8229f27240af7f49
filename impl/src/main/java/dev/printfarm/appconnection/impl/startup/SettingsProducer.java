package dev.printfarm.appconnection.impl.startup;

import dev.printfarm.appconnection.impl.appapi.InfoSettings;
import dev.printfarm.appconnection.impl.cluster.ClusterSettings;
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
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Holds the module's settings, read once from MicroProfile Config, and hands each area its record. The
 * {@link DeploymentGuard} asks for them first thing at start, so a wrong configuration fails the deployment before
 * any bean uses a value. Nothing is read again later: a change takes a restart.
 */
@ApplicationScoped
public class SettingsProducer {

    private ModuleSettings settings;

    /** @throws dev.printfarm.appconnection.impl.config.InvalidConfigurationException listing every problem */
    public synchronized ModuleSettings settings() {
        if (settings == null) {
            settings = ModuleSettings.load(ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader()));
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
