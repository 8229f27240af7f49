package dev.printfarm.appconnection.impl.store;

import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The configured key ring, checked when the application starts: with no usable key the application does
 * not start at all, rather than fail on the first portal callback with a secret in hand.
 */
@ApplicationScoped
public class SecretKeys {

    private static final Logger LOG = Logger.getLogger(SecretKeys.class.getName());

    @Inject
    ModuleConfig config;

    private volatile SecretKeyRing ring;

    void checkOnStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        SecretKeyRing checked = ring();
        LOG.info(() -> "App Connection secrets are encrypted with key '" + checked.activeId() + "'");
    }

    public SecretKeyRing ring() {
        SecretKeyRing current = ring;
        if (current == null) {
            current = load();
            ring = current;
        }
        return current;
    }

    private SecretKeyRing load() {
        return resolve(config.storeKeys(), config.storeActiveKey(), config.demoMode());
    }

    /**
     * The ring the configuration asks for. Without keys only demo mode may go on, with the public demo key; outside
     * demo mode neither a missing ring nor the demo key's material in it is accepted.
     *
     * @throws IllegalStateException naming the configuration key, never key material
     */
    static SecretKeyRing resolve(Optional<String> spec, Optional<String> activeId, boolean demoMode) {
        if (spec.isEmpty()) {
            if (demoMode) {
                LOG.warning("Demo mode (" + ModuleConfig.SERVICE_URL + " is a sandbox on this machine): secrets are"
                        + " encrypted with the built-in, public demo key. Set " + ModuleConfig.STORE_KEYS
                        + " before storing real connections.");
                return SecretKeyRing.demo();
            }
            throw new IllegalStateException("Missing configuration " + ModuleConfig.STORE_KEYS
                    + ": the key(s) that encrypt App Connection secrets at rest, written id:base64key"
                    + " (32 random bytes, e.g. `openssl rand -base64 32`). The module will not store secrets without one"
                    + " (only a sandbox on this machine may use the built-in demo key).");
        }
        SecretKeyRing ring;
        try {
            ring = SecretKeyRing.parse(spec.get(), activeId);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid configuration " + ModuleConfig.STORE_KEYS + " / "
                    + ModuleConfig.STORE_ACTIVE_KEY + ": " + e.getMessage(), e);
        }
        if (!demoMode && ring.holdsDemoKey()) {
            throw new IllegalStateException("Configuration " + ModuleConfig.STORE_KEYS + " lists the built-in demo key,"
                    + " which is public: outside demo mode set keys of your own (32 random bytes each, e.g."
                    + " `openssl rand -base64 32`).");
        }
        return ring;
    }
}
