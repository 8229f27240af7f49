package dev.printfarm.appconnection.sandbox.control;

import dev.printfarm.appconnection.sandbox.printer.CommandFeatures;
import dev.printfarm.appconnection.sandbox.printer.FileStore;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.printer.PrinterLimits;
import dev.printfarm.appconnection.sandbox.printer.WebcamBackToBack;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A partial change of a printer's controls, as sent to {@code PUT /control/printers/{id}}.
 *
 * @param failWith     empty when not mentioned; holding an empty {@code OptionalInt} when sent as {@code null}
 * @param limits       empty when not mentioned; {@code null} restores the default limits, an object changes the
 *                     fields it names
 * @param storageBytes empty when not mentioned; holding an empty {@code OptionalLong} when sent as {@code null}
 *                     (back to {@code sandbox.upload-limit-bytes}). Not a control but the size of the printer's file
 *                     store, see {@link #applyStorageTo(FileStore)}
 * @param webcamBackToBack empty when not mentioned; holding an empty {@code Optional} when sent as {@code null} (no
 *                     limit, the default)
 * @param cutBodyAfterBytes empty when not mentioned; holding an empty {@code OptionalLong} when sent as {@code null}
 *                     (whole answers, the default)
 * @param kind         empty when not mentioned
 * @param features     empty when not mentioned; holding an empty {@code OptionalInt} when sent as {@code null} (the
 *                     kind's default bits)
 */
public record ControlUpdate(
        Optional<Boolean> online,
        Optional<OptionalInt> failWith,
        Optional<Long> latencyMs,
        Optional<Boolean> lan,
        Optional<Boolean> plugin,
        Optional<Boolean> supporter,
        Optional<JsonValue> limits,
        Optional<OctoPrintVersion> octoprintVersion,
        Optional<OptionalLong> storageBytes,
        Optional<Optional<WebcamBackToBack>> webcamBackToBack,
        Optional<OptionalLong> cutBodyAfterBytes,
        Optional<PrinterKind> kind,
        Optional<OptionalInt> features) {

    private static final Set<String> FIELDS = Set.of(
            "online",
            "failWith",
            "latencyMs",
            "lan",
            "plugin",
            "supporter",
            "limits",
            "octoprintVersion",
            "storageBytes",
            "webcamBackToBack",
            "cutBodyAfterBytes",
            "kind",
            "features");
    private static final Set<String> BACK_TO_BACK_FIELDS = Set.of("max", "windowSeconds");
    private static final String BACK_TO_BACK_SHAPE = "webcamBackToBack must be null (no limit) or "
            + "{\"max\": n, \"windowSeconds\": s} with max an integer from 0 to " + WebcamBackToBack.MAX_MAX
            + " and windowSeconds an integer from 1 to " + WebcamBackToBack.MAX_WINDOW_SECONDS;
    private static final Set<String> LIMIT_FIELDS = Set.of("maxDownloadBytes", "maxUploadBytes", "maxWebcamSeconds");
    private static final String EXAMPLE = "{\"online\": true, \"failWith\": null, \"latencyMs\": 0, \"lan\": true, "
            + "\"plugin\": true, \"supporter\": true}";

    public static ControlUpdate parse(String body) {
        JsonObject json = ControlBodies.object(body, EXAMPLE);
        json.keySet().stream().filter(key -> !FIELDS.contains(key)).findFirst().ifPresent(key -> {
            throw new InvalidControlException("Unknown field \"" + key + "\"; allowed are online, failWith, "
                    + "latencyMs, lan, plugin, supporter, limits, octoprintVersion, storageBytes, webcamBackToBack, "
                    + "cutBodyAfterBytes, kind, features.");
        });
        Optional<JsonValue> limits = Optional.ofNullable(json.get("limits"));
        limits.ifPresent(value -> limitsApplied(value, PrinterLimits.DEFAULT));
        return new ControlUpdate(
                Optional.ofNullable(json.get("online")).map(value -> bool("online", value)),
                Optional.ofNullable(json.get("failWith")).map(ControlUpdate::failWith),
                Optional.ofNullable(json.get("latencyMs")).map(ControlUpdate::latencyMs),
                Optional.ofNullable(json.get("lan")).map(value -> bool("lan", value)),
                Optional.ofNullable(json.get("plugin")).map(value -> bool("plugin", value)),
                Optional.ofNullable(json.get("supporter")).map(value -> bool("supporter", value)),
                limits,
                Optional.ofNullable(json.get("octoprintVersion")).map(ControlUpdate::version),
                Optional.ofNullable(json.get("storageBytes")).map(ControlUpdate::storageBytes),
                Optional.ofNullable(json.get("webcamBackToBack")).map(ControlUpdate::backToBack),
                Optional.ofNullable(json.get("cutBodyAfterBytes")).map(ControlUpdate::cutBodyAfterBytes),
                Optional.ofNullable(json.get("kind")).map(ControlUpdate::kind),
                Optional.ofNullable(json.get("features")).map(ControlUpdate::features));
    }

    public PrinterControls applyTo(PrinterControls current) {
        return new PrinterControls(
                online.orElse(current.online()),
                failWith.orElse(current.failWith()),
                latencyMs.orElse(current.latencyMs()),
                lan.orElse(current.lan()),
                plugin.orElse(current.plugin()),
                supporter.orElse(current.supporter()),
                limits.map(value -> limitsApplied(value, current.limits())).orElse(current.limits()),
                octoprintVersion.orElse(current.octoprintVersion()),
                webcamBackToBack.orElse(current.webcamBackToBack()),
                cutBodyAfterBytes.orElse(current.cutBodyAfterBytes()),
                kind.orElse(current.kind()),
                features.orElse(current.features()));
    }

    /**
     * Resizes the printer's file store when {@code storageBytes} was sent ({@code null}: back to its default). Files
     * already stored stay even when they take more than the new size; see {@link FileStore}.
     */
    public void applyStorageTo(FileStore files) {
        storageBytes.ifPresent(size -> size.ifPresentOrElse(files::limitTo, files::restoreDefaultLimit));
    }

    private static PrinterLimits limitsApplied(JsonValue value, PrinterLimits current) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return PrinterLimits.DEFAULT;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidControlException(
                    "limits must be null or an object with maxDownloadBytes, " + "maxUploadBytes, maxWebcamSeconds.");
        }
        JsonObject limits = value.asJsonObject();
        limits.keySet().stream()
                .filter(key -> !LIMIT_FIELDS.contains(key))
                .findFirst()
                .ifPresent(key -> {
                    throw new InvalidControlException("Unknown limit \"" + key + "\"; allowed are maxDownloadBytes, "
                            + "maxUploadBytes, maxWebcamSeconds.");
                });
        return new PrinterLimits(
                limit(limits, "maxDownloadBytes", current.maxDownloadFileSizeBytes()),
                limit(limits, "maxUploadBytes", current.maxUploadFileSizeBytes()),
                limit(limits, "maxWebcamSeconds", current.maxSingleWebcamStreamLengthSeconds()));
    }

    private static long limit(JsonObject limits, String name, long current) {
        JsonValue value = limits.get(name);
        return value == null
                ? current
                : integer(value, 0, Long.MAX_VALUE, name + " must be a non-negative integer, got " + value + ".");
    }

    private static OctoPrintVersion version(JsonValue value) {
        String text = value instanceof JsonString string ? string.getString() : value.toString();
        return OctoPrintVersion.of(text)
                .orElseThrow(() ->
                        new InvalidControlException("octoprintVersion must be \"1\" or \"2\", got " + value + "."));
    }

    private static boolean bool(String field, JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new InvalidControlException(field + " must be true or false, got " + value + ".");
    }

    private static OptionalInt failWith(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) integer(
                value,
                PrinterControls.MIN_FAILURE,
                PrinterControls.MAX_FAILURE,
                "failWith must be null or an integer from " + PrinterControls.MIN_FAILURE + " to "
                        + PrinterControls.MAX_FAILURE + ", got " + value + "."));
    }

    private static Optional<WebcamBackToBack> backToBack(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidControlException(BACK_TO_BACK_SHAPE + ", got " + value + ".");
        }
        JsonObject rule = value.asJsonObject();
        if (!rule.keySet().equals(BACK_TO_BACK_FIELDS)) {
            throw new InvalidControlException(BACK_TO_BACK_SHAPE + " (both fields, nothing else), got " + value + ".");
        }
        String problem = BACK_TO_BACK_SHAPE + ", got " + value + ".";
        int max = (int) integer(rule.get("max"), 0, WebcamBackToBack.MAX_MAX, problem);
        long windowSeconds = integer(rule.get("windowSeconds"), 1, WebcamBackToBack.MAX_WINDOW_SECONDS, problem);
        return Optional.of(new WebcamBackToBack(max, Duration.ofSeconds(windowSeconds)));
    }

    private static OptionalLong storageBytes(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(integer(
                value,
                0,
                Long.MAX_VALUE,
                "storageBytes must be null (the default size) or a non-negative integer of bytes, got " + value + "."));
    }

    private static OptionalLong cutBodyAfterBytes(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(integer(
                value,
                0,
                Long.MAX_VALUE,
                "cutBodyAfterBytes must be null (whole answers) or "
                        + "a non-negative integer, the body bytes sent before the connection is cut, got " + value
                        + "."));
    }

    private static PrinterKind kind(JsonValue value) {
        return (value instanceof JsonString string ? PrinterKind.of(string.getString()) : Optional.<PrinterKind>empty())
                .orElseThrow(() -> new InvalidControlException(
                        "kind must be \"octoprint\", \"moonraker\" or \"other\", got " + value + "."));
    }

    private static OptionalInt features(JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) integer(
                value,
                0,
                CommandFeatures.ALL,
                "features must be null (the kind's "
                        + "default) or an integer from 0 to " + CommandFeatures.ALL + " (1 light, 2 axis, 4 homing, "
                        + "8 extrusion, 16 temperature, 32 print start), got " + value + "."));
    }

    static long latencyMs(JsonValue value) {
        return integer(
                value,
                0,
                PrinterControls.MAX_LATENCY_MS,
                "latencyMs must be an integer from 0 to " + PrinterControls.MAX_LATENCY_MS + ", got " + value + ".");
    }

    static long integer(JsonValue value, long min, long max, String problem) {
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new InvalidControlException(problem);
        }
        BigDecimal number = ((JsonNumber) value).bigDecimalValue();
        if (number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(min)) < 0
                || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidControlException(problem);
        }
        return number.longValueExact();
    }
}
