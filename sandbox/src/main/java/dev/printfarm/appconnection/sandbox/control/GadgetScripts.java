package dev.printfarm.appconnection.sandbox.control;

import dev.printfarm.appconnection.sandbox.gadget.GadgetScript;
import dev.printfarm.appconnection.sandbox.gadget.GadgetStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code PUT /control/printers/{printerId}/gadget}: {@code {"failWith": 610}} (500 or 600..699) alone, or
 * {@code {"state": 0..4, "status": "...", "color": "g|y|r|w", "rating": 1..10}} with {@code state} required and the
 * rest defaulting per state (see {@link GadgetStatus}).
 */
final class GadgetScripts {

    private static final Set<String> FIELDS = Set.of("state", "status", "color", "rating", "failWith");
    private static final String EXAMPLE =
            "{\"state\": 3, \"status\": \"Looking good\", \"color\": \"g\", \"rating\": 8} or {\"failWith\": 610}";

    private GadgetScripts() {}

    static GadgetScript parse(String body) {
        JsonObject json = ControlBodies.object(body, EXAMPLE);
        json.keySet().stream().filter(key -> !FIELDS.contains(key)).findFirst().ifPresent(key -> {
            throw new InvalidControlException(
                    "Unknown field \"" + key + "\"; allowed are state, status, color, " + "rating, or failWith alone.");
        });
        JsonValue failWith = json.get("failWith");
        if (failWith != null) {
            if (json.size() != 1) {
                throw new InvalidControlException("failWith goes alone: {\"failWith\": 610}.");
            }
            int status = (int) ControlUpdate.integer(
                    failWith, 500, 699, "failWith must be 500 or an integer from 600 to 699, got " + failWith + ".");
            if (!GadgetScript.Failure.allowed(status)) {
                throw new InvalidControlException(
                        "failWith must be 500 or an integer from 600 to 699, got " + failWith + ".");
            }
            return new GadgetScript.Failure(status);
        }
        JsonValue stateValue = json.get("state");
        if (stateValue == null) {
            throw new InvalidControlException("state is required (0..4), or failWith; send " + EXAMPLE + ".");
        }
        int state = (int) ControlUpdate.integer(
                stateValue, 0, 4, "state must be an integer from 0 to 4, got " + stateValue + ".");
        JsonValue ratingValue = json.get("rating");
        int rating = ratingValue == null
                ? GadgetStatus.defaultRating(state)
                : (int) ControlUpdate.integer(
                        ratingValue, 1, 10, "rating must be an integer from 1 to 10, got " + ratingValue + ".");
        String status = string(json, "status").orElse(GadgetStatus.defaultStatus(state));
        if (status.length() > GadgetStatus.MAX_STATUS_LENGTH) {
            throw new InvalidControlException(
                    "status must be at most " + GadgetStatus.MAX_STATUS_LENGTH + " characters.");
        }
        String color = string(json, "color").orElse(GadgetStatus.defaultColor(state, rating));
        if (!GadgetStatus.COLORS.contains(color)) {
            throw new InvalidControlException("color must be \"g\", \"y\", \"r\" or \"w\", got \"" + color + "\".");
        }
        return new GadgetScript.Answer(new GadgetStatus(state, status, color, rating));
    }

    static JsonObject json(Optional<GadgetScript> script) {
        if (script.isEmpty()) {
            return Json.createObjectBuilder().addNull("script").build();
        }
        JsonObject shown;
        if (script.get() instanceof GadgetScript.Failure failure) {
            shown = Json.createObjectBuilder().add("failWith", failure.status()).build();
        } else {
            GadgetStatus status = ((GadgetScript.Answer) script.get()).status();
            shown = Json.createObjectBuilder()
                    .add("state", status.state())
                    .add("status", status.status())
                    .add("color", status.color())
                    .add("rating", status.rating())
                    .build();
        }
        return Json.createObjectBuilder().add("script", shown).build();
    }

    private static Optional<String> string(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw new InvalidControlException(field + " must be a string, got " + value + ".");
        }
        return Optional.of(text.getString());
    }
}
