package dev.printfarm.appconnection.sandbox.live;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The body of {@code createfromappconnection}: {@code ExpirationHours} 1..17520 (24 when absent or null),
 * {@code EndWhenCurrentPrintIsComplete} (false when absent or null).
 */
public record LiveLinkOptions(int expirationHours, boolean endWhenCurrentPrintIsComplete) {

    public static final int MIN_HOURS = 1;
    public static final int MAX_HOURS = 17_520;
    public static final int DEFAULT_HOURS = 24;

    public LiveLinkOptions {
        if (expirationHours < MIN_HOURS || expirationHours > MAX_HOURS) {
            throw new IllegalArgumentException("ExpirationHours must be an integer from " + MIN_HOURS + " to "
                    + MAX_HOURS + ", got " + expirationHours + ".");
        }
    }

    /** @throws IllegalArgumentException with a message for the caller: a value out of range or of a wrong type */
    public static LiveLinkOptions of(Optional<JsonValue> expirationHours, Optional<JsonValue> endWhenComplete) {
        return new LiveLinkOptions(
                expirationHours
                        .filter(value -> value.getValueType() != JsonValue.ValueType.NULL)
                        .map(LiveLinkOptions::hours)
                        .orElse(DEFAULT_HOURS),
                endWhenComplete
                        .filter(value -> value.getValueType() != JsonValue.ValueType.NULL)
                        .map(LiveLinkOptions::bool)
                        .orElse(false));
    }

    private static int hours(JsonValue value) {
        String problem =
                "ExpirationHours must be an integer from " + MIN_HOURS + " to " + MAX_HOURS + ", got " + value + ".";
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new IllegalArgumentException(problem);
        }
        BigDecimal number = ((JsonNumber) value).bigDecimalValue();
        if (number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(MIN_HOURS)) < 0
                || number.compareTo(BigDecimal.valueOf(MAX_HOURS)) > 0) {
            throw new IllegalArgumentException(problem);
        }
        return number.intValueExact();
    }

    private static boolean bool(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default ->
                throw new IllegalArgumentException(
                        "EndWhenCurrentPrintIsComplete must be true or false, got " + value + ".");
        };
    }
}
