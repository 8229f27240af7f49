package dev.printfarm.appconnection.api.spi;

import dev.printfarm.appconnection.api.AppConnectionService;

/**
 * Encrypts an application's own secrets with the module's keys ({@code appconnection.store.keys}, AES-GCM), for
 * values that belong with the application's records rather than with a connection: e.g. the OctoPrint API key of a
 * printer the farm reaches on the LAN before it has an App Connection. An application-scoped CDI bean:
 * {@code @Inject SecretSealer sealer;}.
 *
 * <p>A sealed value names the key that sealed it, so it opens as long as that key is in the ring; re-seal values
 * the application keeps when it rotates keys ({@link AppConnectionService#rotateSecrets()} rotates only the
 * module's own rows). The {@code context} is authenticated, not encrypted: a value sealed for one record fails to
 * open for another.
 */
public interface SecretSealer {

    /**
     * Seals {@code secret} for {@code context} with the active key. The result is printable ASCII, at most about
     * 4/3 × (the secret's UTF-8 length + 28) + 70 characters.
     *
     * @param context what the value belongs to, e.g. {@code "lan-printer/42"}: 1–200 characters
     */
    String seal(String secret, String context);

    /**
     * Opens a value this sealer sealed for {@code context}.
     *
     * @throws IllegalArgumentException when the value was not sealed for this context, was altered, or its key is
     *                                  no longer configured (the message names the key id, never key material)
     */
    String open(String sealed, String context);
}
