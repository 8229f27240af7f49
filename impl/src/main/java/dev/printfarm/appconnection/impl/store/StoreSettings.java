package dev.printfarm.appconnection.impl.store;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import java.util.Optional;

/**
 * The keys that encrypt connection secrets at rest. Without keys only demo mode may go on, with the public demo key;
 * outside demo mode neither a missing ring nor the demo key's material in it is accepted (not judged when the service
 * URL, which decides demo mode, was refused). {@link #toString()} names the key ids only.
 *
 * @param usesDemoKey whether the ring is the built-in demo key because none was configured
 */
public record StoreSettings(SecretKeyRing ring, boolean usesDemoKey) {

    public static final String KEYS = "appconnection.store.keys";
    public static final String ACTIVE_KEY = "appconnection.store.active-key";

    private static final String KEYS_ALLOWED =
            "id:base64key[,id:base64key...], each key 16, 24 or 32 bytes, the active" + " key among them";

    public static StoreSettings read(ConfigReader in, ServiceSettings service) {
        boolean demoMode = service.demoMode() || in.refused(ServiceSettings.SERVICE_URL);
        Optional<String> spec = in.secret(KEYS, KEYS_ALLOWED);
        Optional<String> activeId = in.optional(ACTIVE_KEY, "the id of one of the keys in " + KEYS);
        if (spec.isEmpty()) {
            if (!demoMode) {
                in.problem(KEYS + " is not set and has no default outside demo mode; set it to the key(s) that"
                        + " encrypt App Connection secrets at rest, written id:base64key (32 random bytes, e.g."
                        + " `openssl rand -base64 32`). Only a sandbox on this machine (" + ServiceSettings.SERVICE_URL
                        + " on localhost) may use the built-in demo key.");
            }
            return new StoreSettings(SecretKeyRing.demo(), true);
        }
        SecretKeyRing ring;
        try {
            ring = SecretKeyRing.parse(spec.get(), activeId);
        } catch (IllegalArgumentException e) {
            in.refuse(
                    KEYS,
                    e.getMessage() + " (with " + ACTIVE_KEY + " "
                            + activeId.map(id -> "\"" + id + "\"").orElse("not set") + "); allowed: " + KEYS_ALLOWED);
            return new StoreSettings(SecretKeyRing.demo(), true);
        }
        if (!demoMode && ring.holdsDemoKey()) {
            in.refuse(
                    KEYS,
                    "it lists the built-in demo key, which is public: outside demo mode set keys of your own"
                            + " (32 random bytes each, e.g. `openssl rand -base64 32`)");
        }
        return new StoreSettings(ring, false);
    }
}
