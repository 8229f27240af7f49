package dev.printfarm.appconnection.impl.live;

import dev.printfarm.appconnection.api.JobStatus;
import dev.printfarm.appconnection.api.PushMessage;
import dev.printfarm.appconnection.api.Temperature;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintJson;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * OctoPrint's push frames as {@link PushMessage}s: {@code connected}, {@code current}, {@code history}, {@code event},
 * {@code plugin}; other keys (e.g. {@code reauthRequired}, {@code timelapse}, {@code slicingProgress}) and unknown
 * fields are ignored. The state frames carry the {@code /api/job} fields, with {@code state} as an object.
 */
public final class PushJson {

    private PushJson() {
    }

    /** The messages of one frame (usually one); empty for a frame that is not a JSON object. */
    public static List<PushMessage> parse(String frame, Instant receivedAt) {
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(frame))) {
            if (!(reader.readValue() instanceof JsonObject object)) {
                return List.of();
            }
            o = object;
        } catch (JsonException | IllegalStateException e) {
            return List.of();
        }
        List<PushMessage> messages = new ArrayList<>();
        o.forEach((key, value) -> {
            if (!(value instanceof JsonObject body)) {
                return;
            }
            switch (key) {
                case "connected" -> messages.add(new PushMessage.Connected(text(body, "display_version")
                        .or(() -> text(body, "version"))));
                case "current", "history" -> messages.add(state(key.equals("history"), body, receivedAt));
                case "event" -> text(body, "type").ifPresent(type -> messages.add(new PushMessage.Event(type,
                        body.get("payload") instanceof JsonObject payload ? flatten(payload) : Map.of())));
                case "plugin" -> text(body, "plugin").ifPresent(plugin -> messages.add(new PushMessage.Plugin(plugin,
                        body.containsKey("data") ? body.get("data").toString() : "null")));
                default -> {
                }
            }
        });
        return messages;
    }

    private static PushMessage.State state(boolean history, JsonObject body, Instant receivedAt) {
        JsonValue state = body.get("state");
        Optional<String> stateText = state instanceof JsonObject s ? text(s, "text")
                : state instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
        var asJob = Json.createObjectBuilder();
        stateText.ifPresent(t -> asJob.add("state", t));
        if (body.get("job") instanceof JsonObject job) {
            asJob.add("job", job);
        }
        if (body.get("progress") instanceof JsonObject progress) {
            asJob.add("progress", progress);
        }
        JobStatus job = OctoPrintJson.job(asJob.build());
        List<Temperature> temperatures = List.of();
        if (body.get("temps") instanceof JsonArray temps && !temps.isEmpty()
                && temps.get(temps.size() - 1) instanceof JsonObject latest) {
            temperatures = OctoPrintJson.heaters(latest);
        }
        OptionalDouble z = body.get("currentZ") instanceof JsonNumber n ? OptionalDouble.of(n.doubleValue())
                : OptionalDouble.empty();
        return new PushMessage.State(history, job, temperatures, z, receivedAt);
    }

    private static Map<String, String> flatten(JsonObject payload) {
        Map<String, String> values = new TreeMap<>();
        payload.forEach((k, v) -> values.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        return values;
    }

    private static Optional<String> text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }
}
