package dev.printfarm.appconnection.sandbox.moonraker;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;

/** What {@code notify_status_update} carries: per object, only the attributes whose value changed. Pure. */
final class StatusDelta {

    private StatusDelta() {}

    /**
     * The attributes of {@code now} that {@code before} did not have with the same value; an object {@code before}
     * did not have comes whole. Empty when nothing changed.
     */
    static JsonObject changes(Map<String, JsonObject> before, JsonObject now) {
        JsonObjectBuilder delta = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> object : now.entrySet()) {
            JsonObject current = object.getValue().asJsonObject();
            JsonObject previous = before.get(object.getKey());
            if (previous == null) {
                delta.add(object.getKey(), current);
                continue;
            }
            JsonObjectBuilder changed = Json.createObjectBuilder();
            boolean any = false;
            for (Map.Entry<String, JsonValue> attribute : current.entrySet()) {
                if (!attribute.getValue().equals(previous.get(attribute.getKey()))) {
                    changed.add(attribute.getKey(), attribute.getValue());
                    any = true;
                }
            }
            if (any) {
                delta.add(object.getKey(), changed);
            }
        }
        return delta.build();
    }
}
