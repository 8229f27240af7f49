package dev.printfarm.appconnection.impl.moonraker;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The JSON-RPC 2.0 frames of Moonraker's websocket that a subscription needs: the {@code printer.objects.subscribe}
 * request going out, and what comes back read as {@link Message}s. Other notifications (G-code responses, process
 * statistics, file list changes, …) are {@link Other}. Pure.
 */
final class MoonrakerRpc {

    static final String SUBSCRIBE = "printer.objects.subscribe";

    private MoonrakerRpc() {
    }

    /** What one incoming JSON-RPC object means to a subscription. */
    sealed interface Message permits Answer, Failure, StatusUpdate, KlippyReady, KlippyDown, Other {
    }

    /** A successful reply to request {@code id}. */
    record Answer(long id, JsonValue result) implements Message {
    }

    /** An error reply; {@code id} is empty when Moonraker could not tell which request failed. */
    record Failure(OptionalLong id, int code, String message) implements Message {
    }

    /** {@code notify_status_update}: per object, the attributes that changed. */
    record StatusUpdate(JsonObject changes, OptionalDouble eventtime) implements Message {
    }

    /** {@code notify_klippy_ready}: Klippy (re)started; subscriptions made before are gone. */
    record KlippyReady() implements Message {
    }

    /**
     * {@code notify_klippy_disconnected} ({@code state} "disconnected": Moonraker dropped every subscription and
     * reports nothing until {@code notify_klippy_ready}) or {@code notify_klippy_shutdown} ("shutdown": Klippy halted).
     */
    record KlippyDown(String state) implements Message {
    }

    record Other() implements Message {
    }

    /** The subscribe request for the farm's objects, as a text frame. */
    static String subscribe(long id) {
        return Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("method", SUBSCRIBE)
                .add("params", Json.createObjectBuilder().add("objects", MoonrakerJson.farmObjectsJson()))
                .add("id", id)
                .build().toString();
    }

    /** The messages of one frame: one, several for a batch, none for a frame that is not JSON-RPC. */
    static List<Message> parse(String frame) {
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(frame))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException notJson) {
            return List.of();
        }
        List<Message> messages = new ArrayList<>();
        if (value instanceof JsonArray batch) {
            batch.forEach(item -> messages.add(message(item)));
        } else {
            messages.add(message(value));
        }
        return messages;
    }

    private static Message message(JsonValue value) {
        if (!(value instanceof JsonObject o)) {
            return new Other();
        }
        if (o.get("method") instanceof JsonString method) {
            return switch (method.getString()) {
                case "notify_status_update" -> statusUpdate(o.get("params"));
                case "notify_klippy_ready" -> new KlippyReady();
                case "notify_klippy_disconnected" -> new KlippyDown("disconnected");
                case "notify_klippy_shutdown" -> new KlippyDown("shutdown");
                default -> new Other();
            };
        }
        OptionalLong id = o.get("id") instanceof JsonNumber n && n.isIntegral()
                ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
        if (o.get("error") instanceof JsonObject error) {
            int code = error.get("code") instanceof JsonNumber n ? n.intValue() : -32603;
            String message = MoonrakerJson.text(error, "message").map(MoonrakerJson::oneLine).orElse("no message");
            return new Failure(id, code, message);
        }
        if (id.isPresent() && o.containsKey("result")) {
            return new Answer(id.getAsLong(), o.get("result"));
        }
        return new Other();
    }

    /** {@code params}: {@code [{changes}, eventtime]}. */
    private static Message statusUpdate(JsonValue params) {
        if (!(params instanceof JsonArray list) || list.isEmpty() || !(list.get(0) instanceof JsonObject changes)) {
            return new Other();
        }
        OptionalDouble eventtime = list.size() > 1 && list.get(1) instanceof JsonNumber n
                ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
        return new StatusUpdate(changes, eventtime);
    }

    /**
     * The HTTP status a JSON-RPC error code stands for: Moonraker sends the endpoint's HTTP status as the code, except
     * 404 (as -32601) and 401 (as -32602); the protocol's own codes are client errors, -32603 a server error.
     */
    static int httpStatus(int code) {
        return switch (code) {
            case -32601 -> 404;
            case -32600, -32602, -32700 -> 400;
            default -> code >= 400 && code <= 599 ? code : 500;
        };
    }
}
