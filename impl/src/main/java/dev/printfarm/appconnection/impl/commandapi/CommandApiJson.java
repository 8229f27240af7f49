package dev.printfarm.appconnection.impl.commandapi;

import dev.printfarm.appconnection.api.CommandFeature;
import dev.printfarm.appconnection.api.CommandFile;
import dev.printfarm.appconnection.api.CommandFileDetails;
import dev.printfarm.appconnection.api.CommandStatus;
import dev.printfarm.appconnection.api.CommandWebcam;
import dev.printfarm.appconnection.api.MaterialSystem;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The command API's JSON: its envelope {@code {"Status", "Error"?, "Result"?}} and what the results hold. Every field is
 * optional and unknown ones are ignored; names are matched as the plugin writes them.
 */
public final class CommandApiJson {

    private CommandApiJson() {
    }

    /** An envelope as read: the status, the error text when there is one, the result (empty object when none). */
    public record Envelope(int status, Optional<String> error, JsonObject result) {
    }

    /** Reads an envelope; a body that is no envelope is an {@link IllegalArgumentException}. */
    public static Envelope envelope(String body) {
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The command API answered something that is not JSON");
        }
        if (!(value instanceof JsonObject json)) {
            throw new IllegalArgumentException("The command API answered JSON without a Status");
        }
        return envelope(json);
    }

    /** Reads an envelope already parsed; one without a {@code Status} is an {@link IllegalArgumentException}. */
    public static Envelope envelope(JsonObject json) {
        if (!(json.get("Status") instanceof JsonNumber status)) {
            throw new IllegalArgumentException("The command API answered JSON without a Status");
        }
        JsonObject result = json.get("Result") instanceof JsonObject r ? r : JsonValue.EMPTY_JSON_OBJECT;
        return new Envelope(status.intValue(), string(json, "Error"), result);
    }

    public static CommandStatus status(JsonObject result) {
        JsonObject job = object(result, "JobStatus").orElse(JsonValue.EMPTY_JSON_OBJECT);
        List<CommandStatus.Light> lights = new ArrayList<>();
        for (JsonObject light : objects(job, "Lights")) {
            string(light, "Name").ifPresent(name -> lights.add(new CommandStatus.Light(name,
                    light.get("On") == JsonValue.TRUE)));
        }
        Optional<CommandStatus.Print> print = object(job, "CurrentPrint").map(CommandApiJson::print);
        return new CommandStatus(state(string(job, "State").orElse("")), string(job, "Error"), print, lights,
                CommandFeature.of(whole(result, "Features").orElse(0)), string(result, "PlatformVersion"),
                object(job, "MaterialSystem").map(CommandApiJson::materialSystem));
    }

    static CommandStatus.State state(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "idle" -> CommandStatus.State.IDLE;
            case "printing" -> CommandStatus.State.PRINTING;
            case "paused" -> CommandStatus.State.PAUSED;
            case "complete" -> CommandStatus.State.COMPLETE;
            case "cancelled" -> CommandStatus.State.CANCELLED;
            case "error" -> CommandStatus.State.ERROR;
            default -> CommandStatus.State.UNKNOWN;
        };
    }

    private static CommandStatus.Print print(JsonObject p) {
        JsonObject t = object(p, "Temps").orElse(JsonValue.EMPTY_JSON_OBJECT);
        return new CommandStatus.Print(string(p, "FileName"), decimal(p, "Progress").stream()
                .filter(v -> v >= 0 && v <= 100).findFirst(), seconds(p, "DurationSec"), seconds(p, "TimeLeftSec"),
                integer(p, "CurrentLayer"), integer(p, "TotalLayers"),
                new CommandStatus.Temperatures(decimal(t, "BedActual"), decimal(t, "BedTarget"), decimal(t, "HotendActual"),
                        decimal(t, "HotendTarget"), decimal(t, "ChamberActual"), decimal(t, "ChamberTarget")));
    }

    static MaterialSystem materialSystem(JsonObject m) {
        JsonObject c = object(m, "Capabilities").orElse(JsonValue.EMPTY_JSON_OBJECT);
        MaterialSystem.Capabilities capabilities = new MaterialSystem.Capabilities(flag(c, "SupportsMultiMaterial"),
                flag(c, "SupportsMultiTool"), flag(c, "SupportsSourceRouting"), flag(c, "SupportsDrying"));
        List<MaterialSystem.Source> sources = new ArrayList<>();
        for (JsonObject s : objects(m, "Sources")) {
            Optional<String> id = string(s, "Id");
            if (id.isEmpty()) {
                continue;
            }
            Optional<MaterialSystem.Material> material = object(s, "Material").map(x -> new MaterialSystem.Material(
                    string(x, "Type"), string(x, "Name"), string(x, "ColorHex"), decimal(x, "RemainingPercent"),
                    string(x, "Manufacturer")));
            sources.add(new MaterialSystem.Source(id.get(), integer(s, "Index").orElse(sources.size()),
                    string(s, "Name").orElse(id.get()), string(s, "UnitId"), flag(s, "IsEmpty"), material));
        }
        List<MaterialSystem.Tool> tools = new ArrayList<>();
        for (JsonObject t : objects(m, "Tools")) {
            string(t, "Id").ifPresent(id -> tools.add(new MaterialSystem.Tool(id, integer(t, "Index").orElse(tools.size()),
                    string(t, "Name").orElse(id), flag(t, "IsActive"), decimal(t, "ActualCelsius"),
                    decimal(t, "TargetCelsius"))));
        }
        List<MaterialSystem.Unit> units = new ArrayList<>();
        for (JsonObject u : objects(m, "Units")) {
            string(u, "Id").ifPresent(id -> units.add(new MaterialSystem.Unit(id, integer(u, "Index").orElse(units.size()),
                    string(u, "Name").orElse(id), decimal(u, "HumidityPercent"), decimal(u, "TemperatureCelsius"),
                    flag(u, "IsDrying"))));
        }
        List<MaterialSystem.Route> routes = new ArrayList<>();
        for (JsonObject r : objects(m, "Routes")) {
            Optional<String> source = string(r, "SourceId");
            Optional<String> tool = string(r, "ToolId");
            if (source.isPresent() && tool.isPresent()) {
                routes.add(new MaterialSystem.Route(source.get(), tool.get(), string(r, "State")));
            }
        }
        return new MaterialSystem(capabilities, sources, tools, units, routes);
    }

    static List<CommandWebcam> webcams(JsonObject result) {
        int defaultIndex = integer(result, "DefaultIndex").orElse(0);
        List<CommandWebcam> webcams = new ArrayList<>();
        List<JsonObject> list = objects(result, "Webcams");
        for (int i = 0; i < list.size(); i++) {
            JsonObject w = list.get(i);
            webcams.add(new CommandWebcam(i, string(w, "Name").orElse("Webcam " + i), i == defaultIndex,
                    w.get("Enabled") != JsonValue.FALSE, flag(w, "FlipH"), flag(w, "FlipV"), integer(w, "Rotation").orElse(0)));
        }
        return webcams;
    }

    /** The files of the {@code gcode} root, folders flattened, in the order listed. */
    static List<CommandFile> files(JsonObject result) {
        List<CommandFile> files = new ArrayList<>();
        for (JsonObject root : objects(result, "Root")) {
            if (string(root, "Name").filter("gcode"::equalsIgnoreCase).isPresent()
                    || string(root, "VirtualPath").filter("gcode"::equalsIgnoreCase).isPresent()) {
                collect(root, files);
            }
        }
        return files;
    }

    private static void collect(JsonObject folder, List<CommandFile> into) {
        for (JsonObject child : objects(folder, "Children")) {
            if ("folder".equalsIgnoreCase(string(child, "Type").orElse(""))) {
                collect(child, into);
            } else {
                file(child).ifPresent(into::add);
            }
        }
    }

    static Optional<CommandFile> file(JsonObject f) {
        Optional<String> path = string(f, "VirtualPath");
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String name = string(f, "Name").or(() -> string(f, "FileName"))
                .orElse(path.get().substring(path.get().lastIndexOf('/') + 1));
        return Optional.of(new CommandFile(name, path.get(), string(f, "PlatformPath"), whole(f, "SizeBytes"),
                whole(f, "ModifiedTimeSec").stream().mapToObj(Instant::ofEpochSecond).findFirst()));
    }

    static CommandFileDetails details(JsonObject d, String asked) {
        CommandFile file = file(d).orElseGet(() -> new CommandFile(asked.substring(asked.lastIndexOf('/') + 1), asked,
                Optional.empty(), OptionalLong.empty(), Optional.empty()));
        return new CommandFileDetails(file, seconds(d, "EstPrintTimeSec"), decimal(d, "EstFilamentUsedMm"),
                integer(d, "LayerCount"), decimal(d, "LayerHeightMm"), string(d, "FilamentType"), string(d, "Slicer"));
    }

    private static Optional<JsonObject> object(JsonObject json, String key) {
        return json.get(key) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    private static List<JsonObject> objects(JsonObject json, String key) {
        if (!(json.get(key) instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(v -> v instanceof JsonObject).map(JsonValue::asJsonObject).toList();
    }

    private static Optional<String> string(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static boolean flag(JsonObject json, String key) {
        return json.get(key) == JsonValue.TRUE;
    }

    private static OptionalDouble decimal(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    private static OptionalInt integer(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber n ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    private static OptionalLong whole(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }

    private static Optional<Duration> seconds(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber n && n.doubleValue() >= 0
                ? Optional.of(Duration.ofMillis(Math.round(n.doubleValue() * 1000))) : Optional.empty();
    }
}
