package dev.printfarm.appconnection.sandbox.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One App Connection's notification webhook, as set by {@code SetNotificationWebhook}; {@link #toString()} masks the
 * URL, which may carry a token.
 *
 * @param url          called exactly as given, query string and all
 * @param eventTypes   the {@code InclusiveEventTypesFilter}; empty means every event type
 * @param base         the sandbox's base URL as the registering client saw it; payload URLs live under it
 */
public record WebhookRegistration(
        String connectionId,
        String printerId,
        String url,
        SortedSet<Integer> eventTypes,
        Instant registeredAt,
        String base) {

    /** How long OctoEverywhere keeps a registration; the app must register again before then. */
    public static final Duration LIFETIME = Duration.ofDays(180);

    public WebhookRegistration {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(printerId, "printerId");
        Objects.requireNonNull(url, "url");
        eventTypes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(eventTypes));
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(base, "base");
    }

    public static WebhookRegistration of(
            String connectionId,
            String printerId,
            String url,
            Set<Integer> eventTypes,
            Instant registeredAt,
            String base) {
        return new WebhookRegistration(connectionId, printerId, url, new TreeSet<>(eventTypes), registeredAt, base);
    }

    public boolean admits(int eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }

    public Instant expiresAt() {
        return registeredAt.plus(LIFETIME);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt());
    }

    public String maskedUrl() {
        return WebhookUrls.masked(url);
    }

    @Override
    public String toString() {
        return "WebhookRegistration[connectionId=" + connectionId + ", printerId=" + printerId + ", url=" + maskedUrl()
                + ", eventTypes=" + eventTypes + ", registeredAt=" + registeredAt + "]";
    }
}
