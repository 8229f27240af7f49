package dev.printfarm.appconnection.sandbox.push;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Optional;

/** What a client sends on the push socket, as far as the emulation cares. */
public sealed interface ClientMessage {

    /**
     * {@code {"auth": "user:session"}}; {@code user} and {@code session} are empty when the value is not a string
     * or has no colon, which no session matches.
     */
    record Auth(String user, String session) implements ClientMessage {}

    /** {@code {"throttle": n}} with a whole number n ≥ 1. */
    record Throttle(int factor) implements ClientMessage {}

    /** Anything else: not JSON, not an object, unknown keys, a throttle that is not a whole number ≥ 1. */
    record Ignored() implements ClientMessage {}

    int MAX_THROTTLE = 1000;

    static ClientMessage parse(String text) {
        Optional<JsonObject> json = object(text);
        if (json.isEmpty()) {
            return new Ignored();
        }
        JsonValue auth = json.get().get("auth");
        if (auth != null) {
            return auth(auth);
        }
        JsonValue throttle = json.get().get("throttle");
        if (throttle instanceof JsonNumber number) {
            return factor(number.bigDecimalValue())
                    .<ClientMessage>map(Throttle::new)
                    .orElseGet(Ignored::new);
        }
        return new Ignored();
    }

    private static ClientMessage auth(JsonValue value) {
        if (!(value instanceof JsonString string)) {
            return new Auth("", "");
        }
        String text = string.getString();
        int colon = text.indexOf(':');
        return colon < 0 ? new Auth("", "") : new Auth(text.substring(0, colon), text.substring(colon + 1));
    }

    private static Optional<Integer> factor(BigDecimal number) {
        if (number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.ONE) < 0
                || number.compareTo(BigDecimal.valueOf(MAX_THROTTLE)) > 0) {
            return Optional.empty();
        }
        return Optional.of(number.intValueExact());
    }

    private static Optional<JsonObject> object(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonStructure structure = reader.read();
            return structure instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException | IllegalStateException notJson) {
            return Optional.empty();
        }
    }
}
