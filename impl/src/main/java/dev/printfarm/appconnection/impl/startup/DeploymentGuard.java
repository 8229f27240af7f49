package dev.printfarm.appconnection.impl.startup;

import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.relay.RelayUrls;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.store.SecretKeys;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;

/**
 * Fails the deployment, before anything touches the store, when the configuration is wrong or, outside demo mode,
 * unsafe. Its observer runs first: {@link #PRIORITY} is below every other start observer of the module.
 */
@ApplicationScoped
public class DeploymentGuard {

    /** Before {@code StoreStartup}, the first observer that opens the store. */
    public static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE;

    private static final Logger LOG = Logger.getLogger(DeploymentGuard.class.getName());

    @Inject
    ModuleConfig config;

    @Inject
    SecretKeys keys;

    @Inject
    RelayUrls relayUrls;

    @Inject
    RouteTable routes;

    void check(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        DeploymentRules rules = new DeploymentRules();
        rules.removedDemoKey(config.removedDemoSetting());
        boolean demoMode = rules.read(config::demoMode).orElse(false);
        rules.read(keys::ring);
        rules.read(config::publicBaseUrl).ifPresent(url -> rules.publicBaseUrl(demoMode, url));
        rules.read(relayUrls::policy).ifPresent(policy -> rules.relayUrls(demoMode, policy));
        rules.read(routes::lanPolicy).ifPresent(policy -> rules.lanRanges(demoMode, policy));
        rules.read(config::bodyLimits);
        rules.read(config::flowPurgeInterval);
        rules.enforce();
        config.removedDedupeWindowSetting().ifPresent(v -> LOG.warning(() -> "Configuration "
                + ModuleConfig.REMOVED_WEBHOOK_DEDUPE_WINDOW + " is no longer used and can go: a webhook delivery is now"
                + " remembered for as long as the token that delivered it is accepted."));
        if (demoMode) {
            LOG.warning(() -> "App Connections demo mode: " + ModuleConfig.SERVICE_URL + " is a sandbox on this machine,"
                    + " so the demo key, plain-http relays and loopback printers are allowed. Never store real connections.");
        }
    }
}
