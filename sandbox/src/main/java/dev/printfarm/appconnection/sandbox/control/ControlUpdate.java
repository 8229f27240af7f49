package dev.printfarm.appconnection.sandbox.control;

import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A partial change of a printer's controls, as sent to {@code PUT /control/printers/{id}}.
 *
 * @param failWith empty when not mentioned; holding an empty {@code OptionalInt} when sent as {@code null}
 */
public record ControlUpdate(Optional<Boolean> online, Optional<OptionalInt> failWith, Optional<Long> latencyMs,
                            Optional<Boolean> lan, Optional<Boolean> plugin) {

    private static final Set<String> FIELDS = Set.of("online", "failWith", "latencyMs", "lan", "plugin");
    private static final String EXAMPLE =
            "{\"online\": true, \"failWith\": null, \"latencyMs\": 0, \"lan\": true, \"plugin\": true}";

    public static ControlUpdate parse(String body) {
        JsonObject json = object(body);
        json.keySet().stream().filter(key -> !FIELDS.contains(key)).findFirst().ifPresent(key -> {
            throw new InvalidControlException(
                    "Unknown field \"" + key + "\"; allowed are online, failWith, latencyMs, lan, plugin.");
        });
        return new ControlUpdate(
                Optional.ofNullable(json.get("online")).map(value -> bool("online", value)),
                Optional.ofNullable(json.get("failWith")).map(ControlUpdate::failWith),
                Optional.ofNullable(json.get("latencyMs")).map(ControlUpdate::latencyMs),
                Optional.ofNullable(json.get("lan")).map(value -> bool("lan", value)),
                Optional.ofNullable(json.get("plugin")).map(value -> bool("plugin", value)));
    }

    public PrinterControls applyTo(PrinterControls current) {
        return new PrinterControls(
                online.orElse(current.online()),
                failWith.orElse(current.failWith()),
                latencyMs.orElse(current.latencyMs()),
                lan.orElse(current.lan()),
                plugin.orElse(current.plugin()));
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidControlException("The body must be a JSON object like " + EXAMPLE + ".");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonStructure structure = reader.read();
            if (structure.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidControlException("The body must be a JSON object like " + EXAMPLE + ".");
            }
            return structure.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidControlException("The body is not valid JSON; send an object like " + EXAMPLE + ".");
        }
    }

    private static boolean bool(String field, JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new InvalidControlException(field + " must be true or false, got " + value + ".");
    }

    private static OptionalInt failWith(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) integer(value, PrinterControls.MIN_FAILURE, PrinterControls.MAX_FAILURE,
                "failWith must be null or an integer from " + PrinterControls.MIN_FAILURE + " to "
                        + PrinterControls.MAX_FAILURE + ", got " + value + "."));
    }

    private static long latencyMs(JsonValue value) {
        return integer(value, 0, PrinterControls.MAX_LATENCY_MS,
                "latencyMs must be an integer from 0 to " + PrinterControls.MAX_LATENCY_MS + ", got " + value + ".");
    }

    private static long integer(JsonValue value, long min, long max, String problem) {
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new InvalidControlException(problem);
        }
        BigDecimal number = ((JsonNumber) value).bigDecimalValue();
        if (number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(min)) < 0
                || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidControlException(problem);
        }
        return number.longValueExact();
    }
}
