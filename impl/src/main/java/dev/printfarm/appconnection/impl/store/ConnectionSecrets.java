package dev.printfarm.appconnection.impl.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The once-only secrets of an App Connection. {@link #toString()} never prints them.
 */
public record ConnectionSecrets(
        Optional<String> basicUser,
        Optional<String> basicPassword,
        Optional<String> bearerToken,
        String appApiToken,
        Optional<String> octoPrintApiKey) {

    public ConnectionSecrets {
        Objects.requireNonNull(basicUser, "basicUser");
        Objects.requireNonNull(basicPassword, "basicPassword");
        Objects.requireNonNull(bearerToken, "bearerToken");
        Objects.requireNonNull(appApiToken, "appApiToken");
        Objects.requireNonNull(octoPrintApiKey, "octoPrintApiKey");
        if (basicUser.isPresent() != basicPassword.isPresent()) {
            throw new IllegalArgumentException("Basic relay credentials need both a user and a password");
        }
        if (basicUser.isEmpty() && bearerToken.isEmpty()) {
            throw new IllegalArgumentException("A connection needs Basic or Bearer relay credentials");
        }
    }

    @Override
    public String toString() {
        return "ConnectionSecrets[basic=" + (basicUser.isPresent() ? "***" : "none")
                + ", bearer=" + (bearerToken.isPresent() ? "***" : "none")
                + ", appApiToken=***, octoPrintApiKey=" + (octoPrintApiKey.isPresent() ? "***" : "none") + "]";
    }
}
