package dev.printfarm.appconnection.impl.appapi;

import dev.printfarm.appconnection.api.GadgetStatus;
import dev.printfarm.appconnection.api.LiveLink;
import dev.printfarm.appconnection.api.PrinterInfo;
import dev.printfarm.appconnection.api.TransferLimits;
import dev.printfarm.appconnection.api.WebhookTest;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** From the App APIs' JSON to the module's values; keys matched without regard to case, every value optional. */
public final class AppApiJson {

    private AppApiJson() {
    }

    public static PrinterInfo info(JsonObject answer) {
        JsonObject o = answer == null ? JsonValue.EMPTY_JSON_OBJECT : answer;
        JsonObject limits = value(o, "PrinterLimits") instanceof JsonObject l ? l : JsonValue.EMPTY_JSON_OBJECT;
        return new PrinterInfo(text(o, "PrinterName"), text(o, "PrinterLocalIp"), value(o, "IsOnline") == JsonValue.TRUE,
                instant(o, "LastConnectionTimeUtc"), instant(o, "LastDisconnectTimeUtc"),
                text(o, "UserFacingPrinterUrl").flatMap(AppApiJson::httpUrl),
                new TransferLimits(positive(limits, "MaxDownloadFileSizeBytes"), positive(limits, "MaxUploadFileSizeBytes"),
                        positive(limits, "MaxSingleWebcamStreamLengthSeconds")));
    }

    /** Empty when the answer names no link (nothing usable to give the caller). */
    public static java.util.Optional<LiveLink> liveLink(JsonObject answer) {
        JsonObject o = answer == null ? JsonValue.EMPTY_JSON_OBJECT : answer;
        Optional<URI> url = text(o, "Url").flatMap(AppApiJson::httpUrl);
        Optional<String> id = text(o, "LiveId");
        if (url.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LiveLink(id.get(), url.get(), text(o, "ShortUrl").flatMap(AppApiJson::httpUrl)));
    }

    public static GadgetStatus gadget(JsonObject answer) {
        JsonObject o = answer == null ? JsonValue.EMPTY_JSON_OBJECT : answer;
        JsonValue state = value(o, "State");
        int code = state instanceof JsonNumber n && n.isIntegral() ? n.intValue() : -1;
        GadgetStatus.State s = switch (code) {
            case 0 -> GadgetStatus.State.DISABLED;
            case 1 -> GadgetStatus.State.DISABLED_FOR_CURRENT_PRINT;
            case 2 -> GadgetStatus.State.IDLE;
            case 3 -> GadgetStatus.State.ACTIVE;
            case 4 -> GadgetStatus.State.PAUSED_DUE_TO_FAILURE;
            default -> GadgetStatus.State.UNKNOWN;
        };
        GadgetStatus.Color color = switch (text(o, "StatusColor").orElse("w").toLowerCase(java.util.Locale.ROOT)) {
            case "g" -> GadgetStatus.Color.GREEN;
            case "y" -> GadgetStatus.Color.YELLOW;
            case "r" -> GadgetStatus.Color.RED;
            default -> GadgetStatus.Color.WHITE;
        };
        JsonValue rating = value(o, "Rating");
        java.util.OptionalInt r = rating instanceof JsonNumber n && n.isIntegral() && n.intValue() >= 1 && n.intValue() <= 10
                ? java.util.OptionalInt.of(n.intValue()) : java.util.OptionalInt.empty();
        return new GadgetStatus(s, text(o, "Status"), color, r);
    }

    /** The value under {@code key}, matched exactly or else ignoring case; null when absent. */
    public static JsonValue value(JsonObject o, String key) {
        JsonValue exact = o.get(key);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A non-blank string value, stripped. */
    public static Optional<String> text(JsonObject o, String key) {
        return value(o, key) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString().strip())
                : Optional.empty();
    }

    private static OptionalLong positive(JsonObject o, String key) {
        JsonValue v = value(o, key);
        try {
            long n = v instanceof JsonNumber number ? number.longValueExact()
                    : v instanceof JsonString s ? Long.parseLong(s.getString().strip()) : -1;
            return n > 0 ? OptionalLong.of(n) : OptionalLong.empty();
        } catch (ArithmeticException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** ISO-8601 in UTC, with or without an offset (a bare date-time is UTC, as documented). */
    public static Optional<Instant> instant(JsonObject o, String key) {
        return text(o, key).flatMap(t -> {
            try {
                return Optional.of(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return Optional.of(java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC));
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
        });
    }

    public static Optional<URI> httpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code TestWebhook}'s answer: the status the webhook URL gave, or why it gave none. */
    public static WebhookTest webhookTest(JsonObject answer) {
        JsonObject o = answer == null ? JsonValue.EMPTY_JSON_OBJECT : answer;
        OptionalDouble status = number(o, "StatusCode");
        OptionalInt code = status.isPresent() && status.getAsDouble() == Math.rint(status.getAsDouble())
                && status.getAsDouble() >= 100 && status.getAsDouble() <= 999
                ? OptionalInt.of((int) status.getAsDouble()) : OptionalInt.empty();
        return new WebhookTest(code, text(o, "Error"));
    }

    /** A number, also when sent as a string; empty when absent, null or not a finite number. */
    public static OptionalDouble number(JsonObject o, String key) {
        JsonValue v = value(o, key);
        try {
            double d = v instanceof JsonNumber n ? n.doubleValue()
                    : v instanceof JsonString s ? Double.parseDouble(s.getString().strip()) : Double.NaN;
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
