package dev.printfarm.appconnection.sandbox.moonraker;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The printer objects a query or subscription asks for: each with its attributes, or all of them (empty).
 *
 * @param objects in the order asked
 */
record ObjectQuery(Map<String, Optional<Set<String>>> objects) {

    ObjectQuery {
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    }

    /** {@code ?print_stats&extruder=target,temperature}: every parameter names an object. */
    static ObjectQuery fromQueryString(Map<String, List<String>> query) {
        Map<String, Optional<Set<String>>> objects = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            String attributes = values.isEmpty() ? "" : values.get(0).strip();
            objects.put(name, attributes.isEmpty() ? Optional.empty() : Optional.of(attributes(attributes)));
        });
        if (objects.isEmpty()) {
            throw MoonrakerError.missing("objects");
        }
        return new ObjectQuery(objects);
    }

    /** {@code {"print_stats": null, "extruder": ["target", "temperature"]}}, as JSON bodies and JSON-RPC send it. */
    static ObjectQuery fromJson(JsonValue value) {
        if (value == null) {
            throw MoonrakerError.missing("objects");
        }
        if (!(value instanceof JsonObject json)) {
            throw new MoonrakerError(400, "Invalid argument 'objects': an object of printer objects is expected");
        }
        Map<String, Optional<Set<String>>> objects = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
            JsonValue wanted = entry.getValue();
            if (wanted.getValueType() == JsonValue.ValueType.NULL) {
                objects.put(entry.getKey(), Optional.empty());
            } else if (wanted instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
                Set<String> attributes = new LinkedHashSet<>();
                array.forEach(item -> attributes.add(((JsonString) item).getString()));
                objects.put(entry.getKey(), Optional.of(attributes));
            } else if (wanted instanceof JsonString text) {
                objects.put(entry.getKey(), Optional.of(attributes(text.getString())));
            } else {
                throw new MoonrakerError(
                        400,
                        "Invalid argument 'objects': the attributes of " + entry.getKey()
                                + " must be null or a list of names");
            }
        }
        return new ObjectQuery(objects);
    }

    boolean isEmpty() {
        return objects.isEmpty();
    }

    private static Set<String> attributes(String list) {
        Set<String> attributes = new LinkedHashSet<>();
        Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .forEach(attributes::add);
        return attributes;
    }
}
