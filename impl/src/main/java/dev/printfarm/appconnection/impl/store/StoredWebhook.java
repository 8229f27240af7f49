package dev.printfarm.appconnection.impl.store;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A webhook registration as stored: no token, only where the receiver is and what was asked for. */
public record StoredWebhook(
        String connectionId, URI receiverUrl, Set<Integer> eventTypes, Instant registeredAt, Instant renewAt) {

    /** How long OctoEverywhere keeps a webhook registration. */
    public static final Duration LIFETIME = Duration.ofDays(180);

    public StoredWebhook {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(receiverUrl, "receiverUrl");
        eventTypes = Set.copyOf(eventTypes);
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(renewAt, "renewAt");
    }
}
