package dev.printfarm.appconnection.impl.octoprint;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reading OctoPrint's JSON without trusting its shape: a missing key, a {@code null}, or a value of another type
 * than expected all read as "absent"; numbers may come as JSON numbers or as strings (OctoPrint versions differ).
 */
final class Json {

    private Json() {
    }

    static Optional<JsonObject> object(JsonValue value) {
        return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    static Optional<JsonObject> object(JsonObject parent, String key) {
        return parent == null ? Optional.empty() : object(parent.get(key));
    }

    /** The objects of an array, or the values of an object used as a map; anything else is empty. */
    static List<JsonObject> objects(JsonValue value) {
        List<JsonObject> found = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> object(v).ifPresent(found::add));
        } else if (value instanceof JsonObject map) {
            map.values().forEach(v -> object(v).ifPresent(found::add));
        }
        return found;
    }

    static List<String> strings(JsonValue value) {
        List<String> found = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> text(v).ifPresent(found::add));
        }
        return found;
    }

    static Optional<String> text(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString().isBlank() ? Optional.empty() : Optional.of(s.getString());
        }
        if (value instanceof JsonNumber n) {
            return Optional.of(n.toString());
        }
        return Optional.empty();
    }

    static Optional<String> text(JsonObject parent, String key) {
        return parent == null ? Optional.empty() : text(parent.get(key));
    }

    /** A key matched without regard to case (the OctoEverywhere plugin's keys have changed case over time). */
    static Optional<String> textIgnoringCase(JsonObject parent, String key) {
        if (parent == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonValue> e : parent.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                Optional<String> found = text(e.getValue());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static OptionalDouble number(JsonValue value) {
        Optional<BigDecimal> decimal = decimal(value);
        if (decimal.isEmpty()) {
            return OptionalDouble.empty();
        }
        double d = decimal.get().doubleValue();
        return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    }

    static OptionalDouble number(JsonObject parent, String key) {
        return parent == null ? OptionalDouble.empty() : number(parent.get(key));
    }

    static OptionalLong whole(JsonObject parent, String key) {
        Optional<BigDecimal> decimal = parent == null ? Optional.empty() : decimal(parent.get(key));
        try {
            return decimal.map(d -> OptionalLong.of(d.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()))
                    .orElse(OptionalLong.empty());
        } catch (ArithmeticException tooLarge) {
            return OptionalLong.empty();
        }
    }

    static OptionalInt integer(JsonValue value) {
        Optional<BigDecimal> decimal = decimal(value);
        try {
            return decimal.map(d -> OptionalInt.of(d.intValueExact())).orElse(OptionalInt.empty());
        } catch (ArithmeticException notAnInt) {
            return OptionalInt.empty();
        }
    }

    static OptionalInt integer(JsonObject parent, String key) {
        return parent == null ? OptionalInt.empty() : integer(parent.get(key));
    }

    static Optional<Boolean> flag(JsonObject parent, String key) {
        JsonValue value = parent == null ? null : parent.get(key);
        if (value == JsonValue.TRUE) {
            return Optional.of(true);
        }
        if (value == JsonValue.FALSE) {
            return Optional.of(false);
        }
        if (value instanceof JsonString s && ("true".equalsIgnoreCase(s.getString()) || "false".equalsIgnoreCase(s.getString()))) {
            return Optional.of(Boolean.parseBoolean(s.getString()));
        }
        return Optional.empty();
    }

    static boolean isTrue(JsonObject parent, String key) {
        return flag(parent, key).orElse(false);
    }

    /** Seconds since the epoch (OctoPrint's dates), as a number or a numeric string. */
    static Optional<Instant> epochSeconds(JsonObject parent, String key) {
        OptionalDouble seconds = number(parent, key);
        if (seconds.isEmpty() || seconds.getAsDouble() < 0 || seconds.getAsDouble() > 32_503_680_000d) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Math.round(seconds.getAsDouble() * 1000)));
    }

    private static Optional<BigDecimal> decimal(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return Optional.of(n.bigDecimalValue());
        }
        if (value instanceof JsonString s) {
            String text = s.getString().strip();
            if (text.isEmpty() || text.length() > 40) {
                return Optional.empty();
            }
            try {
                return Optional.of(new BigDecimal(text));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
