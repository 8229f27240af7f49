package dev.printfarm.appconnection.sandbox.appapi;

import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One App API call as received: the {@code AppToken} header, the JSON body (an empty body counts as {@code {}}), and
 * the sandbox's base URL as the caller sees it. Body fields are looked up by exact name first, then ignoring case.
 *
 * @param bodyProblem why the body is not a JSON object; {@link #body()} is then empty
 */
public record AppApiRequest(Optional<String> headerToken, JsonObject body, Optional<String> bodyProblem, String base) {

    /** Bodies are small JSON objects; anything longer is refused with 400. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public AppApiRequest {
        headerToken = headerToken.map(String::strip).filter(token -> !token.isEmpty());
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bodyProblem, "bodyProblem");
        Objects.requireNonNull(base, "base");
    }

    public static AppApiRequest get(Optional<String> headerToken, String base) {
        return new AppApiRequest(headerToken, JsonValue.EMPTY_JSON_OBJECT, Optional.empty(), base);
    }

    public static AppApiRequest post(Optional<String> headerToken, ReceivedBody received, String base) {
        if (received.truncated()) {
            return new AppApiRequest(
                    headerToken,
                    JsonValue.EMPTY_JSON_OBJECT,
                    Optional.of("The body is over " + MAX_BODY_BYTES + " bytes."),
                    base);
        }
        String text = new String(received.bytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new AppApiRequest(headerToken, JsonValue.EMPTY_JSON_OBJECT, Optional.empty(), base);
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return new AppApiRequest(
                        headerToken, JsonValue.EMPTY_JSON_OBJECT, Optional.of("The body must be a JSON object."), base);
            }
            return new AppApiRequest(headerToken, value.asJsonObject(), Optional.empty(), base);
        } catch (JsonException | IllegalStateException e) {
            return new AppApiRequest(
                    headerToken, JsonValue.EMPTY_JSON_OBJECT, Optional.of("The body is not valid JSON."), base);
        }
    }

    /** The header's token, else a non-blank string {@code AppToken} in the body. */
    public Optional<String> token() {
        return headerToken.or(() -> field("AppToken")
                .filter(value -> value instanceof JsonString)
                .map(value -> ((JsonString) value).getString().strip())
                .filter(token -> !token.isEmpty()));
    }

    public Optional<JsonValue> field(String name) {
        JsonValue exact = body.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return body.keySet().stream().filter(name::equalsIgnoreCase).findFirst().map(body::get);
    }
}
