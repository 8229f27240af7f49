package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.api.MoonrakerFile;
import dev.printfarm.appconnection.api.MoonrakerFileMetadata;
import dev.printfarm.appconnection.api.MoonrakerJob;
import dev.printfarm.appconnection.api.MoonrakerPrinterInfo;
import dev.printfarm.appconnection.api.MoonrakerServerInfo;
import dev.printfarm.appconnection.api.MoonrakerStatus;
import dev.printfarm.appconnection.api.MoonrakerUploadResult;
import dev.printfarm.appconnection.api.MoonrakerWebcam;
import dev.printfarm.appconnection.impl.live.WebcamPaths;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * Moonraker's answers as the api's records. Every answer is read tolerantly: the {@code result} wrapper is taken off
 * when present, unknown fields are ignored, a missing or mistyped field is absent, blank texts count as absent.
 */
final class MoonrakerJson {

    /** The printer objects a farm watches, with the attributes it reads of each (queries and subscriptions alike). */
    static final Map<String, List<String>> FARM_OBJECTS = farmObjects();

    private MoonrakerJson() {
    }

    private static Map<String, List<String>> farmObjects() {
        Map<String, List<String>> objects = new LinkedHashMap<>();
        objects.put("print_stats", List.of("filename", "state", "total_duration", "print_duration", "filament_used",
                "message", "info"));
        objects.put("virtual_sdcard", List.of("file_path", "progress", "is_active", "file_position", "file_size"));
        objects.put("extruder", List.of("temperature", "target", "power"));
        objects.put("heater_bed", List.of("temperature", "target", "power"));
        objects.put("display_status", List.of("progress", "message"));
        objects.put("webhooks", List.of("state", "state_message"));
        return java.util.Collections.unmodifiableMap(objects);
    }

    /** {@code {"<object>": ["<attribute>", …], …}}: what {@code printer.objects.query} and {@code subscribe} take. */
    static JsonObject farmObjectsJson() {
        JsonObjectBuilder objects = Json.createObjectBuilder();
        FARM_OBJECTS.forEach((name, attributes) -> {
            JsonArrayBuilder wanted = Json.createArrayBuilder();
            attributes.forEach(wanted::add);
            objects.add(name, wanted);
        });
        return objects.build();
    }

    /** The value inside Moonraker's {@code {"result": …}}; an answer without the wrapper is taken as it is. */
    static JsonValue result(JsonObject answer) {
        if (answer == null) {
            return JsonValue.NULL;
        }
        return answer.containsKey("result") ? answer.get("result") : answer;
    }

    static MoonrakerServerInfo serverInfo(JsonValue result) {
        JsonObject o = object(result);
        Optional<String> apiVersion = text(o, "api_version_string").or(() -> {
            if (!(o.get("api_version") instanceof JsonArray parts) || parts.isEmpty()) {
                return Optional.empty();
            }
            StringJoiner version = new StringJoiner(".");
            parts.forEach(part -> version.add(part instanceof JsonString s ? s.getString() : part.toString()));
            return Optional.of(version.toString());
        });
        return new MoonrakerServerInfo(flag(o, "klippy_connected").orElse(false), text(o, "klippy_state"),
                text(o, "moonraker_version"), apiVersion, strings(o, "components"), strings(o, "failed_components"),
                strings(o, "registered_directories"), strings(o, "warnings"), integer(o, "websocket_count"));
    }

    static MoonrakerPrinterInfo printerInfo(JsonValue result) {
        JsonObject o = object(result);
        return new MoonrakerPrinterInfo(text(o, "state"), text(o, "state_message"), text(o, "hostname"),
                text(o, "software_version"), text(o, "cpu_info"));
    }

    /** An object query's or subscription's result: {@code {"eventtime", "status": {…}}}. */
    static MoonrakerStatus queried(JsonValue result) {
        JsonObject o = object(result);
        return status(o.get("status") instanceof JsonObject status ? status : JsonValue.EMPTY_JSON_OBJECT,
                number(o, "eventtime"));
    }

    /** The farm's objects out of a status object ({@code {"print_stats": {…}, …}}); others are ignored. */
    static MoonrakerStatus status(JsonObject objects, OptionalDouble eventtime) {
        return new MoonrakerStatus(eventtime,
                child(objects, "print_stats").map(o -> {
                    JsonObject info = child(o, "info").orElse(JsonValue.EMPTY_JSON_OBJECT);
                    return new MoonrakerStatus.PrintStats(text(o, "filename"), text(o, "state"),
                            number(o, "total_duration"), number(o, "print_duration"), number(o, "filament_used"),
                            text(o, "message"), integer(info, "current_layer"), integer(info, "total_layer"));
                }),
                child(objects, "virtual_sdcard").map(o -> new MoonrakerStatus.VirtualSdcard(text(o, "file_path"),
                        number(o, "progress"), flag(o, "is_active"), whole(o, "file_position"),
                        whole(o, "file_size"))),
                child(objects, "extruder").map(MoonrakerJson::heater),
                child(objects, "heater_bed").map(MoonrakerJson::heater),
                child(objects, "display_status").map(o -> new MoonrakerStatus.DisplayStatus(number(o, "progress"),
                        text(o, "message"))),
                child(objects, "webhooks").map(o -> new MoonrakerStatus.Webhooks(text(o, "state"),
                        text(o, "state_message"))));
    }

    private static MoonrakerStatus.Heater heater(JsonObject o) {
        return new MoonrakerStatus.Heater(number(o, "temperature"), number(o, "target"), number(o, "power"));
    }

    /** {@code server.files.list}: an array of file infos; entries without a path are left out. */
    static List<MoonrakerFile> files(JsonValue result) {
        List<MoonrakerFile> files = new ArrayList<>();
        if (result instanceof JsonArray entries) {
            for (JsonValue entry : entries) {
                if (entry instanceof JsonObject o) {
                    text(o, "path").ifPresent(path -> files.add(file(o, path)));
                }
            }
        }
        return files;
    }

    private static MoonrakerFile file(JsonObject o, String path) {
        Optional<String> permissions = o.get("permissions") instanceof JsonString s
                ? Optional.of(s.getString()) : Optional.empty();
        return new MoonrakerFile(path, whole(o, "size"), time(o, "modified"), permissions);
    }

    static MoonrakerFileMetadata metadata(JsonValue result, String requested) {
        JsonObject o = object(result);
        return new MoonrakerFileMetadata(text(o, "filename").orElse(requested), whole(o, "size"), time(o, "modified"),
                text(o, "slicer"), text(o, "slicer_version"), number(o, "estimated_time"), number(o, "object_height"),
                number(o, "layer_height"), number(o, "first_layer_height"), integer(o, "layer_count"),
                number(o, "nozzle_diameter"), text(o, "filament_name"), text(o, "filament_type"),
                number(o, "filament_total"), number(o, "filament_weight_total"), number(o, "first_layer_extr_temp"),
                number(o, "first_layer_bed_temp"), text(o, "job_id"), time(o, "print_start_time"));
    }

    /** The upload's answer, which Moonraker sends without the {@code result} wrapper (both are read). */
    static MoonrakerUploadResult upload(JsonObject answer, String requested) {
        JsonObject o = object(answer == null ? JsonValue.NULL : result(answer));
        JsonObject item = child(o, "item").orElse(JsonValue.EMPTY_JSON_OBJECT);
        return new MoonrakerUploadResult(file(item, text(item, "path").orElse(requested)),
                flag(o, "print_started").orElse(false), flag(o, "print_queued").orElse(false));
    }

    /** {@code server.history.list}: {@code {"count", "jobs": […]}}; jobs without an id or a file name are left out. */
    static List<MoonrakerJob> history(JsonValue result) {
        List<MoonrakerJob> jobs = new ArrayList<>();
        if (object(result).get("jobs") instanceof JsonArray entries) {
            for (JsonValue entry : entries) {
                if (!(entry instanceof JsonObject o)) {
                    continue;
                }
                Optional<String> id = text(o, "job_id");
                Optional<String> filename = text(o, "filename");
                if (id.isPresent() && filename.isPresent()) {
                    jobs.add(new MoonrakerJob(id.get(), filename.get(), text(o, "status"), time(o, "start_time"),
                            time(o, "end_time"), number(o, "print_duration"), number(o, "total_duration"),
                            number(o, "filament_used"), flag(o, "exists").orElse(false), text(o, "user")));
                }
            }
        }
        return jobs;
    }

    /** {@code server.webcams.list}: {@code {"webcams": […]}}; cameras without a name are left out. */
    static List<MoonrakerWebcam> webcams(JsonValue result) {
        List<MoonrakerWebcam> cams = new ArrayList<>();
        if (object(result).get("webcams") instanceof JsonArray entries) {
            for (JsonValue entry : entries) {
                if (!(entry instanceof JsonObject o) || text(o, "name").isEmpty()) {
                    continue;
                }
                Optional<String> stream = text(o, "stream_url");
                Optional<String> snapshot = text(o, "snapshot_url");
                int rotation = integer(o, "rotation").orElse(0);
                cams.add(new MoonrakerWebcam(text(o, "name").get(), text(o, "service"),
                        flag(o, "enabled").orElse(true), stream, snapshot,
                        stream.flatMap(WebcamPaths::onPrinter), snapshot.flatMap(WebcamPaths::onPrinter),
                        flag(o, "flip_horizontal").orElse(false), flag(o, "flip_vertical").orElse(false),
                        Math.floorMod(rotation, 360), text(o, "aspect_ratio"), text(o, "uid")));
            }
        }
        return cams;
    }

    /** A database item's value when it is a text: {@code {"namespace", "key", "value"}}. */
    static Optional<String> itemText(JsonValue result) {
        return text(object(result), "value");
    }

    /**
     * Moonraker's explanation of an error answer ({@code {"error": {"code", "message"}}}), on one line; empty when the
     * body has none (e.g. a proxy's HTML page).
     */
    static Optional<String> errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonValue error;
        try (var reader = Json.createReader(new StringReader(body))) {
            if (!(reader.readValue() instanceof JsonObject o)) {
                return Optional.empty();
            }
            error = o.get("error");
        } catch (JsonException | IllegalStateException notJson) {
            return Optional.empty();
        }
        Optional<String> message = error instanceof JsonObject e ? text(e, "message")
                : error instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
        return message.map(MoonrakerJson::oneLine).filter(m -> !m.isEmpty());
    }

    /** Klipper's messages span lines (its shutdown message has five); an exception message should not. */
    static String oneLine(String text) {
        String joined = String.join(" ", text.strip().split("\\s*\\R\\s*"));
        return joined.length() <= 500 ? joined : joined.substring(0, 497) + "...";
    }

    // ------------------------------------------------------------------ tolerant field readers

    static JsonObject object(JsonValue value) {
        return value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static Optional<JsonObject> child(JsonObject o, String key) {
        return o.get(key) instanceof JsonObject child ? Optional.of(child) : Optional.empty();
    }

    static Optional<String> text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString())
                : Optional.empty();
    }

    static OptionalDouble number(JsonObject o, String key) {
        JsonValue value = o.get(key);
        if (value instanceof JsonNumber n) {
            return OptionalDouble.of(n.doubleValue());
        }
        if (value instanceof JsonString s) {
            try {
                double parsed = Double.parseDouble(s.getString().strip());
                return Double.isFinite(parsed) ? OptionalDouble.of(parsed) : OptionalDouble.empty();
            } catch (NumberFormatException notANumber) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    private static OptionalInt integer(JsonObject o, String key) {
        OptionalDouble n = number(o, key);
        return n.isPresent() && Math.abs(n.getAsDouble()) <= Integer.MAX_VALUE
                ? OptionalInt.of((int) Math.round(n.getAsDouble())) : OptionalInt.empty();
    }

    private static OptionalLong whole(JsonObject o, String key) {
        OptionalDouble n = number(o, key);
        return n.isPresent() ? OptionalLong.of(Math.round(n.getAsDouble())) : OptionalLong.empty();
    }

    private static Optional<Boolean> flag(JsonObject o, String key) {
        JsonValue value = o.get(key);
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.getValueType()) {
            case TRUE -> Optional.of(true);
            case FALSE -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Unix time in seconds (a float in Moonraker) as an instant; 0 and below count as absent. */
    private static Optional<Instant> time(JsonObject o, String key) {
        OptionalDouble seconds = number(o, key);
        if (seconds.isEmpty() || seconds.getAsDouble() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Math.round(seconds.getAsDouble() * 1000)));
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> values = new ArrayList<>();
        if (o.get(key) instanceof JsonArray array) {
            array.forEach(v -> {
                if (v instanceof JsonString s) {
                    values.add(s.getString());
                }
            });
        }
        return values;
    }
}
