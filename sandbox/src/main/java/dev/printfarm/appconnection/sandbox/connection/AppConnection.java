package dev.printfarm.appconnection.sandbox.connection;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An issued App Connection with all its secrets; {@link #toString()} hides them so a stray log line leaks nothing. */
public record AppConnection(
        String id,
        String printerId,
        String appId,
        String url,
        String authBasicHttpUser,
        String authBasicHttpPassword,
        String authBearerToken,
        String appApiToken,
        Optional<String> octoPrintApiKey,
        Instant createdAt) {

    public AppConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(printerId, "printerId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(authBasicHttpUser, "authBasicHttpUser");
        Objects.requireNonNull(authBasicHttpPassword, "authBasicHttpPassword");
        Objects.requireNonNull(authBearerToken, "authBearerToken");
        Objects.requireNonNull(appApiToken, "appApiToken");
        Objects.requireNonNull(octoPrintApiKey, "octoPrintApiKey");
        Objects.requireNonNull(createdAt, "createdAt");
        if (authBasicHttpUser.indexOf(':') >= 0) {
            throw new IllegalArgumentException("A Basic user name cannot contain ':'");
        }
    }

    @Override
    public String toString() {
        return "AppConnection[id=" + id + ", printerId=" + printerId + ", appId=" + appId + ", url=" + url
                + ", authBasicHttpUser=***, authBasicHttpPassword=***, authBearerToken=***, appApiToken=***"
                + ", octoPrintApiKey=" + octoPrintApiKey.map(key -> "***").orElse("none")
                + ", createdAt=" + createdAt + "]";
    }
}
