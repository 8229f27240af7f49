package dev.printfarm.appconnection.sandbox.control;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.webhook.PrintEvent;
import dev.printfarm.appconnection.sandbox.webhook.Webhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** {@code POST /control/printers/{printerId}/webhook}: a notification on demand, from the printer's current job. */
final class ControlWebhooks {

    private ControlWebhooks() {}

    /**
     * {@code {"eventType", "repeat", "queued": [connectionId], "filteredOut": [connectionId]}}; empty when no
     * connection of the printer (or not the one named) has a webhook receiving notifications.
     */
    static Optional<JsonObject> fire(Webhooks webhooks, EmulatedPrinter printer, WebhookTrigger trigger, Instant now) {
        boolean anyTarget = webhooks.targets(printer.id()).stream()
                .anyMatch(target -> trigger.connectionId().isEmpty()
                        || trigger.connectionId().get().equals(target.connectionId()));
        if (!anyTarget) {
            return Optional.empty();
        }
        PrintEvent event =
                PrintEvent.of(trigger.eventType(), printer.octoPrintAt(now).job());
        Webhooks.Dispatch dispatch =
                webhooks.notify(printer, event, trigger.overrides(), trigger.repeat(), trigger.connectionId());
        return Optional.of(Json.createObjectBuilder()
                .add("eventType", trigger.eventType())
                .add("repeat", trigger.repeat())
                .add("queued", ControlJson.strings(dispatch.queued()))
                .add("filteredOut", ControlJson.strings(dispatch.filteredOut()))
                .build());
    }
}
