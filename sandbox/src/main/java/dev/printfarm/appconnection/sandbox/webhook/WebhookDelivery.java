package dev.printfarm.appconnection.sandbox.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One attempt to call a webhook, as the control API lists it.
 *
 * @param url    masked, see {@link WebhookUrls#masked(String)}
 * @param status the status the webhook answered; empty when there was no answer
 * @param error  why there was no answer (refused, timed out, not loopback, queue full)
 */
public record WebhookDelivery(
        String connectionId,
        String printerId,
        String url,
        int eventType,
        OptionalInt status,
        Optional<String> error,
        Instant time) {}
