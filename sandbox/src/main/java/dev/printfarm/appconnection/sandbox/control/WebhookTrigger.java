package dev.printfarm.appconnection.sandbox.control;

import dev.printfarm.appconnection.sandbox.webhook.Webhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /control/printers/{printerId}/webhook}: {@code eventType} (required, any integer),
 * {@code repeat} (1..100, default 1: that many identical deliveries), {@code connectionId} (optional: only that
 * connection's webhook), and any other field as a payload key to replace or add ({@code "Progress": 55},
 * {@code "Error": "Nozzle clog"}, {@code "NewKey": 1}); {@code EventType} is set through {@code eventType} only.
 */
record WebhookTrigger(int eventType, int repeat, Optional<String> connectionId, JsonObject overrides) {

    private static final Set<String> CONTROL_FIELDS = Set.of("eventType", "repeat", "connectionId");
    private static final String EXAMPLE = "{\"eventType\": 3, \"repeat\": 1, \"Error\": \"Nozzle clog\"}";

    static WebhookTrigger parse(String body) {
        JsonObject json = ControlBodies.object(body, EXAMPLE);
        JsonValue eventType = json.get("eventType");
        if (eventType == null) {
            throw new InvalidControlException("eventType is required, an integer (unknown numbers such as 99 too).");
        }
        int type = (int) ControlUpdate.integer(
                eventType,
                Integer.MIN_VALUE,
                Integer.MAX_VALUE,
                "eventType must be an integer, got " + eventType + ".");
        JsonValue repeat = json.get("repeat");
        int times = repeat == null
                ? 1
                : (int) ControlUpdate.integer(
                        repeat,
                        1,
                        Webhooks.MAX_REPEAT,
                        "repeat must be an integer from 1 to " + Webhooks.MAX_REPEAT + ", got " + repeat + ".");
        JsonValue connection = json.get("connectionId");
        if (connection != null && !(connection instanceof JsonString)) {
            throw new InvalidControlException("connectionId must be a string.");
        }
        if (json.containsKey("EventType")) {
            throw new InvalidControlException("Set the event type with eventType, not EventType.");
        }
        JsonObjectBuilder overrides = Json.createObjectBuilder();
        json.forEach((key, value) -> {
            if (!CONTROL_FIELDS.contains(key)) {
                overrides.add(key, value);
            }
        });
        return new WebhookTrigger(
                type,
                times,
                Optional.ofNullable(connection).map(value -> ((JsonString) value).getString()),
                overrides.build());
    }
}
