package dev.printfarm.appconnection.impl.store;

import dev.printfarm.appconnection.api.spi.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;

/** {@link SecretSealer} on the module's key ring: {@code v1:<key id>:<base64 of iv || ciphertext+tag>}. */
@ApplicationScoped
public class ModuleSecretSealer implements SecretSealer {

    private static final String PREFIX = "v1:";

    @Inject
    SecretKeys keys;

    @Override
    public String seal(String secret, String context) {
        Objects.requireNonNull(secret, "secret");
        checkContext(context);
        SecretKeyRing ring = keys.ring();
        return PREFIX + ring.activeId() + ":" + SecretBox.sealText(secret, context, ring.activeId(), ring.active());
    }

    @Override
    public String open(String sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        checkContext(context);
        int split = sealed.indexOf(':', PREFIX.length());
        if (!sealed.startsWith(PREFIX) || split < 0) {
            throw new IllegalArgumentException("Not a value sealed by the module's SecretSealer");
        }
        String keyId = sealed.substring(PREFIX.length(), split);
        var key = keys.ring()
                .key(keyId)
                .orElseThrow(() -> new IllegalArgumentException(
                        "The key '" + keyId + "' that sealed this value is not configured any more"));
        return SecretBox.openText(sealed.substring(split + 1), context, keyId, key)
                .orElseThrow(() -> new IllegalArgumentException(
                        "The value was not sealed for '" + context + "' with key '" + keyId + "', or was altered"));
    }

    private static void checkContext(String context) {
        Objects.requireNonNull(context, "context");
        if (context.isEmpty() || context.length() > 200) {
            throw new IllegalArgumentException("context must be 1-200 characters");
        }
    }
}
