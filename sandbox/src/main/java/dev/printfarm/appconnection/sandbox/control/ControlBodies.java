package dev.printfarm.appconnection.sandbox.control;

import dev.printfarm.appconnection.sandbox.appapi.AppApiFault;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.outage.RelayOutage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Parses the control API's JSON bodies other than the printer update. */
final class ControlBodies {

    private static final Set<String> SCRIPT_FIELDS = Set.of("method", "path", "status", "body", "headers", "endless");
    private static final String SCRIPT_EXAMPLE =
            "{\"method\": \"GET\", \"path\": \"/api/job\", \"status\": 500, \"body\": \"...\", \"headers\": {}}";

    private ControlBodies() {}

    static JsonObject object(String body, String example) {
        if (body == null || body.isBlank()) {
            throw new InvalidControlException("The body must be a JSON object like " + example + ".");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonStructure structure = reader.read();
            if (structure.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidControlException("The body must be a JSON object like " + example + ".");
            }
            return structure.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidControlException("The body is not valid JSON; send an object like " + example + ".");
        }
    }

    /** {@code body} may be a string (sent as is) or any JSON value (sent as its JSON text). */
    static ScriptedResponse script(String text) {
        JsonObject json = object(text, SCRIPT_EXAMPLE);
        json.keySet().stream()
                .filter(key -> !SCRIPT_FIELDS.contains(key))
                .findFirst()
                .ifPresent(key -> {
                    throw new InvalidControlException("Unknown field \"" + key
                            + "\"; allowed are method, path, status, " + "body, headers, endless.");
                });
        if (!(json.get("method") instanceof JsonString method)
                || method.getString().isBlank()) {
            throw new InvalidControlException("method must be a string like \"GET\".");
        }
        if (!(json.get("path") instanceof JsonString path) || !path.getString().startsWith("/")) {
            throw new InvalidControlException("path must be a printer-side path starting with /, like \"/api/job\".");
        }
        JsonValue status = json.get("status");
        if (status == null) {
            throw new InvalidControlException("status is required, an integer from 100 to 999.");
        }
        int code = (int) ControlUpdate.integer(status, 100, 999, "status must be an integer from 100 to 999.");
        JsonValue body = json.getOrDefault("body", Json.createValue(""));
        String bodyText = body instanceof JsonString string
                ? string.getString()
                : body.getValueType() == JsonValue.ValueType.NULL ? "" : body.toString();
        Map<String, String> headers = new LinkedHashMap<>();
        JsonValue given = json.get("headers");
        if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
            if (given.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidControlException("headers must be an object of strings.");
            }
            given.asJsonObject().forEach((name, value) -> {
                if (!(value instanceof JsonString string)) {
                    throw new InvalidControlException("header " + name + " must be a string.");
                }
                headers.put(name, string.getString());
            });
        }
        JsonValue endless = json.getOrDefault("endless", JsonValue.FALSE);
        if (endless != JsonValue.TRUE && endless != JsonValue.FALSE) {
            throw new InvalidControlException("endless must be true or false.");
        }
        if (endless == JsonValue.TRUE && bodyText.isEmpty()) {
            throw new InvalidControlException("An endless answer needs a body to repeat.");
        }
        return new ScriptedResponse(
                method.getString(), path.getString(), code, bodyText, headers, endless == JsonValue.TRUE);
    }

    /** {@code PUT /control/printers}: exactly {@code {"latencyMs": n}}, validated as for one printer. */
    static long fleetLatencyMs(String text) {
        JsonObject json = object(text, "{\"latencyMs\": 200}");
        JsonValue latency = json.get("latencyMs");
        if (latency == null || json.size() != 1) {
            throw new InvalidControlException("The body must be {\"latencyMs\": n}: only latencyMs can be set for "
                    + "every printer at once; use PUT /control/printers/{printerId} for the other controls.");
        }
        return ControlUpdate.latencyMs(latency);
    }

    /** {@code POST /control/relay/outage}: exactly {@code {"seconds": n}}, n an integer from 0 to 300. */
    static long outageSeconds(String text) {
        String shape = "The body must be {\"seconds\": n} with n an integer from 0 to " + RelayOutage.MAX_SECONDS
                + " (0 ends the outage)";
        JsonObject json = object(text, "{\"seconds\": 30}");
        JsonValue seconds = json.get("seconds");
        if (seconds == null || json.size() != 1) {
            throw new InvalidControlException(shape + ".");
        }
        return ControlUpdate.integer(seconds, 0, RelayOutage.MAX_SECONDS, shape + ", got " + seconds + ".");
    }

    /**
     * {@code PUT /control/appapi}: {@code {"failWith": n}} (an integer from 500 to 699) with an optional
     * {@code "times": k} (1..1,000,000), or {@code {"failWith": null}} alone to end the failures.
     */
    static Optional<AppApiFault.Plan> appApiFault(String text) {
        String shape = "The body must be {\"failWith\": n} with n an integer from 500 to 699, optionally with"
                + " \"times\": k (1 to 1000000), or {\"failWith\": null}";
        JsonObject json = object(text, "{\"failWith\": 500}");
        if (!json.containsKey("failWith")
                || json.keySet().stream().anyMatch(k -> !k.equals("failWith") && !k.equals("times"))) {
            throw new InvalidControlException(shape + ".");
        }
        JsonValue failWith = json.get("failWith");
        if (failWith.getValueType() == JsonValue.ValueType.NULL) {
            if (json.size() != 1) {
                throw new InvalidControlException(shape + "; times goes with a status only.");
            }
            return Optional.empty();
        }
        int status = (int) ControlUpdate.integer(failWith, 500, 699, shape + ", got " + failWith + ".");
        JsonValue times = json.get("times");
        OptionalInt count = times == null || times.getValueType() == JsonValue.ValueType.NULL
                ? OptionalInt.empty()
                : OptionalInt.of(
                        (int) ControlUpdate.integer(times, 1, 1_000_000, shape + ", got times " + times + "."));
        return Optional.of(new AppApiFault.Plan(status, count));
    }

    static int count(String text) {
        JsonObject json = object(text, "{\"count\": 1}");
        JsonValue count = json.get("count");
        if (count == null || json.size() != 1) {
            throw new InvalidControlException("The body must be {\"count\": n}.");
        }
        return (int) ControlUpdate.integer(count, 0, 1_000_000, "count must be an integer from 0 to 1000000.");
    }
}
