package dev.printfarm.appconnection.api;

/**
 * What {@link AppConnectionService#rotateSecrets()} did.
 *
 * @param reencrypted connections whose secrets were re-encrypted with the active key now
 * @param unreadable  connections left as they were because their key is not configured (or the row was
 *                    altered); retire no key while this is above zero
 */
public record SecretRotation(int reencrypted, int unreadable) {
    public SecretRotation {
        if (reencrypted < 0 || unreadable < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }
}
