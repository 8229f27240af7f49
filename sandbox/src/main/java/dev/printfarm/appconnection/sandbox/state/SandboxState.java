package dev.printfarm.appconnection.sandbox.state;

import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sandbox keeps across a restart: the issued App Connections with their secrets, which of them are revoked,
 * their webhook registrations, and each printer's user API key. {@link #toString()} shows counts, never a secret.
 *
 * @param revoked     ids of revoked connections
 * @param userApiKeys by printer id
 */
public record SandboxState(
        List<AppConnection> connections,
        Set<String> revoked,
        List<WebhookRegistration> webhooks,
        Map<String, String> userApiKeys) {

    public static final SandboxState EMPTY = new SandboxState(List.of(), Set.of(), List.of(), Map.of());

    public SandboxState {
        connections = List.copyOf(connections);
        revoked = Set.copyOf(revoked);
        webhooks = List.copyOf(webhooks);
        userApiKeys = Collections.unmodifiableMap(new LinkedHashMap<>(userApiKeys));
    }

    @Override
    public String toString() {
        return "SandboxState[connections=" + connections.size() + ", revoked=" + revoked.size() + ", webhooks="
                + webhooks.size() + ", userApiKeys=" + userApiKeys.size() + "]";
    }
}
