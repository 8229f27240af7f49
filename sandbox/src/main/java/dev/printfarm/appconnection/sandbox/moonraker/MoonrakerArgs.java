package dev.printfarm.appconnection.sandbox.moonraker;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A request's arguments as Moonraker gathers them: the query string and the JSON body together, the body winning;
 * JSON-RPC params as they come. A query parameter's type hint ({@code limit:int}) is dropped from its name; its value
 * stays a string, converted when an endpoint reads it.
 */
final class MoonrakerArgs {

    private final Map<String, JsonValue> values;

    private MoonrakerArgs(Map<String, JsonValue> values) {
        this.values = values;
    }

    static MoonrakerArgs of(Map<String, List<String>> query, Optional<JsonObject> body) {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        query.forEach((name, given) -> {
            int hint = name.indexOf(':');
            values.put(
                    hint < 0 ? name : name.substring(0, hint), Json.createValue(given.isEmpty() ? "" : given.get(0)));
        });
        body.ifPresent(values::putAll);
        return new MoonrakerArgs(values);
    }

    static MoonrakerArgs of(JsonObject params) {
        return new MoonrakerArgs(new LinkedHashMap<>(params));
    }

    static MoonrakerArgs none() {
        return new MoonrakerArgs(Map.of());
    }

    Optional<JsonValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A string argument; numbers and booleans are taken as their text. */
    Optional<String> string(String name) {
        return get(name)
                .filter(value -> value.getValueType() != JsonValue.ValueType.NULL)
                .map(value -> value instanceof JsonString text ? text.getString() : value.toString());
    }

    String required(String name) {
        return string(name).orElseThrow(() -> MoonrakerError.missing(name));
    }

    long integer(String name, long absent) {
        Optional<JsonValue> value = get(name);
        if (value.isEmpty()) {
            return absent;
        }
        try {
            if (value.get() instanceof JsonNumber number) {
                return number.longValueExact();
            }
            return Long.parseLong(string(name).orElseThrow().strip());
        } catch (ArithmeticException | NumberFormatException | NoSuchElementException e) {
            throw new MoonrakerError(400, "Unable to convert argument '" + name + "' to int");
        }
    }

    Optional<Double> decimal(String name) {
        Optional<JsonValue> value = get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.get() instanceof JsonNumber number) {
                return Optional.of(number.doubleValue());
            }
            return Optional.of(Double.parseDouble(string(name).orElseThrow().strip()));
        } catch (NumberFormatException | NoSuchElementException e) {
            throw new MoonrakerError(400, "Unable to convert argument '" + name + "' to float");
        }
    }

    boolean flag(String name) {
        return get(name)
                .map(value -> value.getValueType() == JsonValue.ValueType.TRUE
                        || (value instanceof JsonString text
                                && "true".equalsIgnoreCase(text.getString().strip())))
                .orElse(false);
    }
}
