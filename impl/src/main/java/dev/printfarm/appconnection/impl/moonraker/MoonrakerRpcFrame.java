package dev.printfarm.appconnection.impl.moonraker;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * One JSON-RPC 2.0 object of Moonraker's websocket. {@code params} and {@code result} stay JSON trees: what they hold
 * depends on the method or request, and status updates are merged into the subscription's status attribute by
 * attribute ({@link StatusMerge}).
 */
public record MoonrakerRpcFrame(String method, List<JsonValue> params, Long id, Error error, JsonValue result) {

    /** An error reply. */
    public record Error(Integer code, String message) {}

    /** The answer to {@code printer.objects.subscribe}: Klipper's clock and every subscribed object now. */
    public record SubscribeResult(Double eventtime, JsonValue status) {}

    /** Several objects in one frame. */
    public record Batch(List<MoonrakerRpcFrame> frames) {

        /** The frame's text as a batch, whether it is one (an array) or a single object. */
        static String asBatch(String frame) {
            String text = frame == null ? "" : frame.strip();
            return "{\"frames\": " + (text.startsWith("[") ? text : "[" + text + "]") + "}";
        }
    }
}
