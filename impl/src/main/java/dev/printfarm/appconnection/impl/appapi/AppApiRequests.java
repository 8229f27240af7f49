package dev.printfarm.appconnection.impl.appapi;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The bodies this module sends the App APIs, with their key names. */
public final class AppApiRequests {

    private AppApiRequests() {}

    /** A call without arguments: {@code {}}. */
    public record None() {}

    /** {@code SetNotificationWebhook}; an empty filter is every event. */
    public record Webhook(
            @JsonbProperty("WebhookUrl") String webhookUrl,
            @JsonbProperty("InclusiveEventTypesFilter") List<Integer> inclusiveEventTypesFilter) {}

    /** {@code createfromappconnection}. */
    public record LiveLink(
            @JsonbProperty("ExpirationHours") int expirationHours,
            @JsonbProperty("EndWhenCurrentPrintIsComplete") boolean endWhenCurrentPrintIsComplete) {}
}
