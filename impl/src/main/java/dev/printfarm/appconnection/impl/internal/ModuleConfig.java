package dev.printfarm.appconnection.impl.internal;

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
import dev.printfarm.appconnection.impl.startup.ModuleSettings;
import dev.printfarm.appconnection.impl.startup.SettingsProducer;
import dev.printfarm.appconnection.impl.store.StoredWebhook;
import dev.printfarm.appconnection.impl.webhook.WebhookSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The module's settings under their former getters, while the beans move to the settings records of their areas
 * ({@link ModuleSettings}). Every value was read and checked once, at start.
 */
@ApplicationScoped
public class ModuleConfig {

    public static final String APP_ID = ServiceSettings.APP_ID;
    public static final String SERVICE_URL = ServiceSettings.SERVICE_URL;
    public static final String PUBLIC_BASE_URL = ServiceSettings.PUBLIC_BASE_URL;
    public static final String CALLBACK_PATH = PortalSettings.CALLBACK_PATH;
    public static final String FLOW_PURGE_INTERVAL = PortalSettings.PURGE_INTERVAL;
    public static final String RELAY_ALLOWED_HOSTS = RelaySettings.ALLOWED_HOSTS;
    public static final String LAN_ALLOWED_RANGES = LanSettings.ALLOWED_RANGES;
    public static final String INFO_REFRESH_INTERVAL = InfoSettings.REFRESH_INTERVAL;
    public static final String FLEET_CYCLE = FleetSettings.CYCLE;
    public static final String WEBHOOK_PATH = WebhookSettings.PATH;

    public static final Duration GADGET_MIN_POLL_INTERVAL = GadgetSettings.MIN_POLL_INTERVAL;
    public static final Duration WEBHOOK_LIFETIME = StoredWebhook.LIFETIME;
    public static final String DEFAULT_RELAY_HOSTS = RelaySettings.DEFAULT_HOSTS;
    public static final String DEFAULT_LAN_RANGES = LanSettings.DEFAULT_RANGES;

    @Inject
    SettingsProducer producer;

    public ModuleSettings settings() {
        return producer.settings();
    }

    public String appId() {
        return settings().service().appId();
    }

    public URI serviceUrl() {
        return settings().service().serviceUrl();
    }

    public URI publicBaseUrl() {
        return settings().service().publicBaseUrl();
    }

    public boolean demoMode() {
        return settings().service().demoMode();
    }

    public String callbackPath() {
        return settings().portal().callbackPath();
    }

    public String landingPath() {
        return settings().portal().landingPath();
    }

    public Duration flowTtl() {
        return settings().portal().stateTtl();
    }

    public Duration flowPurgeInterval() {
        return settings().portal().purgeInterval();
    }

    public Duration connectTimeout() {
        return settings().relay().connectTimeout();
    }

    public Duration readTimeout() {
        return settings().relay().readTimeout();
    }

    public int retryMaxAttempts() {
        return settings().relay().maxAttempts();
    }

    public Duration retryInitialBackoff() {
        return settings().relay().initialBackoff();
    }

    public Duration retryMaxBackoff() {
        return settings().relay().maxBackoff();
    }

    public Duration retryMaxDuration() {
        return settings().relay().maxRetryDuration();
    }

    public int relayMaxConcurrent() {
        return settings().relay().maxConcurrent();
    }

    public int breakerFailureThreshold() {
        return settings().relay().breakerThreshold();
    }

    public Duration breakerOpenDuration() {
        return settings().relay().breakerOpenDuration();
    }

    public boolean preferBearer() {
        return settings().relay().preferBearer();
    }

    public LanSettings lan() {
        return settings().lan();
    }

    public Duration lanTimeout() {
        return settings().lan().timeout();
    }

    public Duration infoCacheTtl() {
        return settings().info().cacheTtl();
    }

    public Duration clusterLeaseTtl() {
        return settings().cluster().leaseTtl();
    }

    public Optional<Boolean> clusterShareState() {
        return settings().cluster().shareState();
    }

    public Duration infoRefreshInterval() {
        return settings().info().refreshInterval();
    }

    public int infoRefreshConcurrency() {
        return settings().info().refreshConcurrency();
    }

    public Duration gadgetPollInterval() {
        return settings().gadget().pollInterval();
    }

    public Duration gadgetDisabledPollInterval() {
        return settings().gadget().disabledPollInterval();
    }

    public Duration gadgetPrintCheckInterval() {
        return settings().gadget().printCheckInterval();
    }

    public Duration webcamLimitMargin() {
        return settings().webcam().limitMargin();
    }

    public Duration webcamBackoffInitial() {
        return settings().webcam().backoffInitial();
    }

    public Duration webcamBackoffMax() {
        return settings().webcam().backoffMax();
    }

    public Duration pushReconnectInitial() {
        return settings().push().reconnectInitial();
    }

    public Duration pushReconnectMax() {
        return settings().push().reconnectMax();
    }

    public Duration pushKeepAlive() {
        return settings().push().keepAlive();
    }

    public int pushThrottle() {
        return settings().push().throttle();
    }

    public Duration fleetCycle() {
        return settings().fleet().cycle();
    }

    public int fleetConcurrency() {
        return settings().fleet().concurrency();
    }

    public Duration fleetOfflineBackoffMax() {
        return settings().fleet().offlineBackoffMax();
    }

    public BodyLimits bodyLimits() {
        return settings().limits().bodies();
    }

    public Duration webhookRenewAfter() {
        return settings().webhooks().renewAfter();
    }

    public Duration webhookRenewalCheckInterval() {
        return settings().webhooks().renewalCheckInterval();
    }

    public Duration webhookPreviousTokenGrace() {
        return settings().webhooks().previousTokenGrace();
    }

    public String webhookPath() {
        return settings().webhooks().path();
    }

    /** Read before CDI is up (servlet registration), hence static; checks the whole configuration. */
    public static String webhookPath(ClassLoader loader) {
        return ModuleSettings.load(ConfigProvider.getConfig(loader)).webhooks().path();
    }

    /** Read before CDI is up (servlet registration), hence static; checks the whole configuration. */
    public static String callbackPath(ClassLoader loader) {
        return ModuleSettings.load(ConfigProvider.getConfig(loader)).portal().callbackPath();
    }
}
