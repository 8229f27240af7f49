package dev.printfarm.appconnection.api.appapi;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A connection's notification webhook as the module registered it with OctoEverywhere. The receiver URL carries a
 * secret token and is never shown.
 *
 * @param events       the event types asked for; empty means every type
 * @param registeredAt when OctoEverywhere last accepted the registration (it lives 180 days)
 * @param renewAt      when the module registers it again
 */
public record WebhookRegistration(
        String connectionId, Set<NotificationEvent> events, Instant registeredAt, Instant renewAt) {
    public WebhookRegistration {
        Objects.requireNonNull(connectionId, "connectionId");
        events = Set.copyOf(Objects.requireNonNull(events, "events"));
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(renewAt, "renewAt");
    }
}
