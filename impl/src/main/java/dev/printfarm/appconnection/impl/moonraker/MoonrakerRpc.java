package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.impl.json.Optionals;
import dev.printfarm.appconnection.impl.json.UnreadableJsonException;
import dev.printfarm.appconnection.impl.json.WireJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The JSON-RPC 2.0 frames of Moonraker's websocket that a subscription needs: the {@code printer.objects.subscribe}
 * request going out, and what comes back read as {@link Message}s. Other notifications (G-code responses, process
 * statistics, file list changes, …) are {@link Other}. Frames are read by the module's JSON policy. Pure.
 */
final class MoonrakerRpc {

    static final String SUBSCRIBE = "printer.objects.subscribe";

    private MoonrakerRpc() {}

    /** What one incoming JSON-RPC object means to a subscription. */
    sealed interface Message permits Answer, Failure, StatusUpdate, KlippyReady, KlippyDown, Other {}

    /** A successful reply to request {@code id}: the subscribed objects (empty when none came) and the clock. */
    record Answer(long id, JsonObject status, OptionalDouble eventtime) implements Message {}

    /** An error reply; {@code id} is empty when Moonraker could not tell which request failed. */
    record Failure(OptionalLong id, int code, String message) implements Message {}

    /** {@code notify_status_update}: per object, the attributes that changed. */
    record StatusUpdate(JsonObject changes, OptionalDouble eventtime) implements Message {}

    /** {@code notify_klippy_ready}: Klippy (re)started; subscriptions made before are gone. */
    record KlippyReady() implements Message {}

    /**
     * {@code notify_klippy_disconnected} ({@code state} "disconnected": Moonraker dropped every subscription and
     * reports nothing until {@code notify_klippy_ready}) or {@code notify_klippy_shutdown} ("shutdown": Klippy halted).
     */
    record KlippyDown(String state) implements Message {}

    record Other() implements Message {}

    /** The subscribe request for the farm's objects, as a text frame. */
    static String subscribe(long id) {
        return WireJson.write(new Request("2.0", SUBSCRIBE, MoonrakerMapper.farmObjectsRequest(), id));
    }

    /** A JSON-RPC request. */
    public record Request(String jsonrpc, String method, MoonrakerRequests.Objects params, long id) {}

    /** The messages of one frame: one, several for a batch, none for a frame that is not JSON-RPC. */
    static List<Message> parse(String frame) {
        try {
            return WireJson.read(MoonrakerRpcFrame.Batch.asBatch(frame), MoonrakerRpcFrame.Batch.class)
                    .frames()
                    .stream()
                    .map(MoonrakerRpc::message)
                    .toList();
        } catch (UnreadableJsonException notJson) {
            return List.of();
        }
    }

    private static Message message(MoonrakerRpcFrame o) {
        if (o.method() != null) {
            return switch (o.method()) {
                case "notify_status_update" -> statusUpdate(o.params());
                case "notify_klippy_ready" -> new KlippyReady();
                case "notify_klippy_disconnected" -> new KlippyDown("disconnected");
                case "notify_klippy_shutdown" -> new KlippyDown("shutdown");
                default -> new Other();
            };
        }
        OptionalLong id = o.id() == null ? OptionalLong.empty() : OptionalLong.of(o.id());
        if (o.error() != null) {
            return new Failure(
                    id,
                    Objects.requireNonNullElse(o.error().code(), -32603),
                    Optional.ofNullable(o.error().message())
                            .map(MoonrakerMapper::oneLine)
                            .orElse("no message"));
        }
        if (id.isPresent() && o.result() != null) {
            MoonrakerRpcFrame.SubscribeResult result = o.result() instanceof JsonObject r
                    ? WireJson.read(r.toString(), MoonrakerRpcFrame.SubscribeResult.class)
                    : new MoonrakerRpcFrame.SubscribeResult(null, null);
            return new Answer(
                    id.getAsLong(),
                    result.status() instanceof JsonObject status ? status : JsonValue.EMPTY_JSON_OBJECT,
                    Optionals.of(result.eventtime()));
        }
        return new Other();
    }

    /** {@code params}: {@code [{changes}, eventtime]}. */
    private static Message statusUpdate(List<JsonValue> params) {
        if (params.isEmpty() || !(params.get(0) instanceof JsonObject changes)) {
            return new Other();
        }
        OptionalDouble eventtime = params.size() > 1 && params.get(1) instanceof JsonNumber n
                ? OptionalDouble.of(n.doubleValue())
                : OptionalDouble.empty();
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
