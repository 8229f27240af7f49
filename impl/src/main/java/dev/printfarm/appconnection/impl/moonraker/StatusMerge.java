package dev.printfarm.appconnection.impl.moonraker;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Keeps a subscription's full status current: a {@code notify_status_update} carries, per object, only the attributes
 * whose value changed. Klipper compares attributes as wholes, so a changed attribute replaces the old value whole
 * (a nested value such as {@code print_stats.info} included); an attribute the update does not name keeps its value,
 * an object the status did not have yet is added. Pure.
 */
final class StatusMerge {

    private StatusMerge() {}

    /** {@code current} with {@code changes} applied; entries of {@code changes} that are not objects are ignored. */
    static JsonObject merge(JsonObject current, JsonObject changes) {
        JsonObjectBuilder merged = Json.createObjectBuilder(current);
        for (Map.Entry<String, JsonValue> object : changes.entrySet()) {
            if (!(object.getValue() instanceof JsonObject changed)) {
                continue;
            }
            JsonObjectBuilder attributes = current.get(object.getKey()) instanceof JsonObject known
                    ? Json.createObjectBuilder(known)
                    : Json.createObjectBuilder();
            changed.forEach(attributes::add);
            merged.add(object.getKey(), attributes);
        }
        return merged.build();
    }
}
