package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The configured {@link RelayUrlPolicy}, read once. */
@ApplicationScoped
public class RelayUrls {

    @Inject
    ModuleConfig config;

    private volatile RelayUrlPolicy policy;

    /** A fixed policy instead of the configured one (unit tests have no configuration). */
    public static RelayUrls of(RelayUrlPolicy policy) {
        RelayUrls fixed = new RelayUrls();
        fixed.policy = policy;
        return fixed;
    }

    /** @throws IllegalStateException naming the key, the value and the forms allowed */
    public RelayUrlPolicy policy() {
        RelayUrlPolicy current = policy;
        if (current == null) {
            current = configured(config.relayAllowedHosts(), config.relayAllowHttp());
            policy = current;
        }
        return current;
    }

    /** @throws IllegalStateException naming the key, the value and the forms allowed */
    static RelayUrlPolicy configured(String hosts, boolean allowHttp) {
        try {
            return RelayUrlPolicy.of(hosts, allowHttp);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Configuration " + ModuleConfig.RELAY_ALLOWED_HOSTS + " is wrong: "
                    + e.getMessage() + "; was \"" + hosts + "\". List host names, *.domain or IP literals, each"
                    + " optionally with :port, separated by commas (default " + ModuleConfig.DEFAULT_RELAY_HOSTS + ").", e);
        }
    }
}
