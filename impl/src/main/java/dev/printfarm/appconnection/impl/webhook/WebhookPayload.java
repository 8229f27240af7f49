package dev.printfarm.appconnection.impl.webhook;

import dev.printfarm.appconnection.api.NotificationEvent;
import dev.printfarm.appconnection.api.PrinterNotification;
import dev.printfarm.appconnection.impl.appapi.AppApiJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * OctoEverywhere's notification payload (reference §4.1) as a {@link PrinterNotification}. Keys are matched ignoring
 * case, every value is optional and may come as a number or a string; keys this version does not know are kept as
 * JSON text. {@code SecretKey} (only user webhooks carry one) is dropped, never passed on.
 */
public final class WebhookPayload {

    private static final Set<String> KNOWN = Set.of("printerid", "secretkey", "printid", "eventtype", "printername",
            "snapshoturl", "quickviewurl", "filename", "durationsec", "progress", "timeremainingsec", "zoffsetmm",
            "currentlayer", "totallayers", "error", "platformerrorcode");

    private WebhookPayload() {
    }

    /**
     * @throws IllegalArgumentException when the payload has no usable {@code EventType} (the one thing a notification
     *                                  cannot do without)
     */
    public static PrinterNotification parse(String connectionId, JsonObject o, Instant receivedAt) {
        OptionalInt code = whole(o, "EventType");
        if (code.isEmpty()) {
            throw new IllegalArgumentException("the payload has no EventType number");
        }
        Map<String, String> extra = new TreeMap<>();
        o.forEach((key, value) -> {
            if (!KNOWN.contains(key.toLowerCase(Locale.ROOT))) {
                extra.put(key, value.toString());
            }
        });
        OptionalDouble progress = AppApiJson.number(o, "Progress");
        if (progress.isPresent() && !(progress.getAsDouble() >= 0 && progress.getAsDouble() <= 100)) {
            progress = OptionalDouble.empty();
        }
        return new PrinterNotification(connectionId, NotificationEvent.of(code.getAsInt()), code.getAsInt(), receivedAt,
                text(o, "PrinterId"), text(o, "PrintId"), text(o, "PrinterName"), text(o, "FileName"), progress,
                seconds(o, "DurationSec"), seconds(o, "TimeRemainingSec"), whole(o, "CurrentLayer"),
                whole(o, "TotalLayers"), AppApiJson.number(o, "ZOffsetMM"), text(o, "Error"), text(o, "PlatformErrorCode"),
                AppApiJson.text(o, "SnapshotUrl").flatMap(AppApiJson::httpUrl),
                AppApiJson.text(o, "QuickViewUrl").flatMap(AppApiJson::httpUrl), extra);
    }

    /** A string, or a number written as text (an id may come either way). */
    private static Optional<String> text(JsonObject o, String key) {
        JsonValue v = AppApiJson.value(o, key);
        if (v instanceof JsonNumber n) {
            return Optional.of(n.toString());
        }
        return v instanceof JsonString ? AppApiJson.text(o, key) : Optional.empty();
    }

    private static OptionalInt whole(JsonObject o, String key) {
        OptionalDouble d = AppApiJson.number(o, key);
        if (d.isEmpty() || d.getAsDouble() != Math.rint(d.getAsDouble())
                || Math.abs(d.getAsDouble()) > Integer.MAX_VALUE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) d.getAsDouble());
    }

    private static Optional<Duration> seconds(JsonObject o, String key) {
        OptionalDouble d = AppApiJson.number(o, key);
        if (d.isEmpty() || d.getAsDouble() < 0 || d.getAsDouble() > Long.MAX_VALUE / 1_000_000_000L) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(d.getAsDouble() * 1000)));
    }
}
