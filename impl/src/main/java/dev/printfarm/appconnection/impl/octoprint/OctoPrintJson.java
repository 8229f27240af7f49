package dev.printfarm.appconnection.impl.octoprint;

import static dev.printfarm.appconnection.impl.octoprint.Json.epochSeconds;
import static dev.printfarm.appconnection.impl.octoprint.Json.flag;
import static dev.printfarm.appconnection.impl.octoprint.Json.integer;
import static dev.printfarm.appconnection.impl.octoprint.Json.isTrue;
import static dev.printfarm.appconnection.impl.octoprint.Json.number;
import static dev.printfarm.appconnection.impl.octoprint.Json.object;
import static dev.printfarm.appconnection.impl.octoprint.Json.objects;
import static dev.printfarm.appconnection.impl.octoprint.Json.strings;
import static dev.printfarm.appconnection.impl.octoprint.Json.text;
import static dev.printfarm.appconnection.impl.octoprint.Json.whole;

import dev.printfarm.appconnection.api.FileListing;
import dev.printfarm.appconnection.api.FileLocation;
import dev.printfarm.appconnection.api.JobStatus;
import dev.printfarm.appconnection.api.OctoEverywherePlugin;
import dev.printfarm.appconnection.api.OctoPrintLogin;
import dev.printfarm.appconnection.api.OctoPrintServer;
import dev.printfarm.appconnection.api.OctoPrintSettings;
import dev.printfarm.appconnection.api.OctoPrintVersion;
import dev.printfarm.appconnection.api.PrinterFile;
import dev.printfarm.appconnection.api.PrinterProfile;
import dev.printfarm.appconnection.api.PrinterStatus;
import dev.printfarm.appconnection.api.SerialConnection;
import dev.printfarm.appconnection.api.SystemCommand;
import dev.printfarm.appconnection.api.Temperature;
import dev.printfarm.appconnection.api.TemperatureSample;
import dev.printfarm.appconnection.api.UploadResult;
import dev.printfarm.appconnection.api.WebcamSettings;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * From OctoPrint's JSON to the module's value types. Unknown keys are ignored and every value is optional;
 * where OctoPrint 1.x and 2.0 differ (file lists as arrays or maps, {@code sd} or {@code storage}, numbers as
 * strings, {@code sdcard} or {@code printer}, the webcam in {@code webcam} or the {@code classicwebcam} plugin)
 * both shapes are read. A {@code null} answer reads as an empty one.
 */
public final class OctoPrintJson {

    private static final JsonObject EMPTY = JsonValue.EMPTY_JSON_OBJECT;
    /** Folders nest; a hostile or broken answer must not overflow the stack. */
    private static final int MAX_DEPTH = 32;

    private OctoPrintJson() {
    }

    public static OctoPrintVersion version(JsonObject v) {
        JsonObject o = orEmpty(v);
        return new OctoPrintVersion(text(o, "server"), text(o, "api"), text(o, "text"));
    }

    public static OctoPrintServer server(JsonObject s) {
        JsonObject o = orEmpty(s);
        // OctoPrint sends the reason as a string, or null / false when not in safe mode.
        return new OctoPrintServer(text(o, "version"), text(o, "safemode"));
    }

    public static OctoPrintLogin login(JsonObject l) {
        JsonObject o = orEmpty(l);
        Set<String> groups = new LinkedHashSet<>(strings(o.get("groups")));
        boolean admin = isTrue(o, "admin") || groups.contains("admins");
        return new OctoPrintLogin(text(o, "name").orElse(""), text(o, "session"), flag(o, "active").orElse(true),
                admin, groups);
    }

    /**
     * 1.x: {@code current.port/baudrate/printerProfile}, {@code options.ports/baudrates/printerProfiles}; 2.0:
     * {@code current.parameters.port/baudrate} and {@code current.profile}, the choices per connector under
     * {@code options.connectors[].parameters} and {@code options.profiles}.
     */
    public static SerialConnection connection(JsonObject c) {
        JsonObject current = object(orEmpty(c), "current").orElse(EMPTY);
        JsonObject options = object(orEmpty(c), "options").orElse(EMPTY);
        JsonObject parameters = object(current, "parameters").orElse(EMPTY);
        Optional<String> connector = text(current, "connector");
        JsonObject choices = objects(options.get("connectors")).stream()
                .filter(k -> connector.isEmpty() || connector.equals(text(k, "connector")))
                .findFirst().flatMap(k -> object(k, "parameters")).orElse(EMPTY);
        List<Integer> baudrates = new ArrayList<>();
        JsonValue rates = options.containsKey("baudrates") ? options.get("baudrates") : choices.get("baudrate");
        if (rates instanceof jakarta.json.JsonArray array) {
            array.forEach(v -> integer(v).ifPresent(baudrates::add));
        }
        List<String> ports = strings(options.containsKey("ports") ? options.get("ports") : choices.get("port"));
        List<String> profiles = new ArrayList<>();
        JsonValue known = options.containsKey("printerProfiles") ? options.get("printerProfiles") : options.get("profiles");
        for (JsonObject profile : objects(known)) {
            text(profile, "id").ifPresent(profiles::add);
        }
        return new SerialConnection(text(current, "state").orElse(""),
                text(current, "port").or(() -> text(parameters, "port")),
                current.containsKey("baudrate") ? integer(current, "baudrate") : integer(parameters, "baudrate"),
                text(current, "printerProfile").or(() -> text(current, "profile")), ports, baudrates, profiles,
                isTrue(options, "autoconnect"));
    }

    public static PrinterStatus printer(JsonObject p) {
        JsonObject o = orEmpty(p);
        JsonObject state = object(o, "state").orElse(EMPTY);
        JsonObject flags = object(state, "flags").orElse(EMPTY);
        JsonObject temperature = object(o, "temperature").orElse(EMPTY);
        List<Temperature> temperatures = heaters(temperature);
        List<TemperatureSample> history = new ArrayList<>();
        for (JsonObject sample : objects(temperature.get("history") instanceof jakarta.json.JsonArray a ? a : null)) {
            epochSeconds(sample, "time").ifPresent(time -> history.add(new TemperatureSample(time, heaters(sample))));
        }
        history.sort(Comparator.comparing(TemperatureSample::time));
        return new PrinterStatus(text(state, "text"), isTrue(flags, "operational"), isTrue(flags, "printing"),
                isTrue(flags, "paused") || isTrue(flags, "pausing"), isTrue(flags, "error"), temperatures,
                storageReady(o), history);
    }

    /** 1.x: {@code sd.ready}; 2.0: {@code storage.printer.ready} (or {@code storage.ready}). */
    private static Optional<Boolean> storageReady(JsonObject printer) {
        Optional<Boolean> sd = object(printer, "sd").flatMap(sdCard -> flag(sdCard, "ready"));
        if (sd.isPresent()) {
            return sd;
        }
        Optional<JsonObject> storage = object(printer, "storage");
        return storage.flatMap(s -> object(s, "printer")).flatMap(s -> flag(s, "ready"))
                .or(() -> storage.flatMap(s -> flag(s, "ready")));
    }

    /** Heaters of a {@code temperature} object ({@code tool0}, {@code bed}, ...), by name. */
    public static List<Temperature> heaters(JsonObject temperature) {
        List<Temperature> heaters = new ArrayList<>();
        for (Map.Entry<String, JsonValue> e : temperature.entrySet()) {
            if (!"history".equals(e.getKey()) && !"time".equals(e.getKey()) && e.getValue() instanceof JsonObject heater) {
                heaters.add(new Temperature(e.getKey(), number(heater, "actual"), number(heater, "target"),
                        number(heater, "offset")));
            }
        }
        heaters.sort(Comparator.comparing(Temperature::heater));
        return heaters;
    }

    public static JobStatus job(JsonObject j) {
        JsonObject o = orEmpty(j);
        JsonObject file = object(o, "job").flatMap(job -> object(job, "file")).orElse(EMPTY);
        JsonObject progress = object(o, "progress").orElse(EMPTY);
        OptionalDouble completion = number(progress, "completion");
        if (completion.isPresent()) {
            completion = OptionalDouble.of(Math.max(0, Math.min(100, completion.getAsDouble())));
        }
        return new JobStatus(text(o, "state"), text(file, "name").or(() -> text(file, "display")), completion,
                seconds(number(progress, "printTime")), seconds(number(progress, "printTimeLeft")));
    }

    private static OptionalLong seconds(OptionalDouble d) {
        return d.isEmpty() || d.getAsDouble() < 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(d.getAsDouble()));
    }

    /**
     * {@code GET /api/files} or {@code /api/files/{location}}. Read in every shape seen: {@code files} as an array
     * (1.x, and 2.0 without an API version header), as a map by file name, or grouped by storage (2.0:
     * {@code {"local": {"key", "files": [...], "usage": {"free", "total"}}, "printer": {...}}}, at the top or under
     * {@code files}); {@code free}/{@code total} as numbers or strings, at the top or in the local storage's {@code usage}.
     */
    public static FileListing files(JsonObject listing, Optional<FileLocation> location) {
        JsonObject o = orEmpty(listing);
        JsonValue files = o.get("files");
        if (isStorage(o)) {
            return storages(List.of(Map.entry(text(o, "key").orElse(""), o)), location);
        }
        if (files instanceof JsonObject map && isStorageMap(map)) {
            return storages(new ArrayList<>(map.entrySet()), location);
        }
        if (files == null && isStorageMap(o)) {
            return storages(new ArrayList<>(o.entrySet()), location);
        }
        return new FileListing(entries(files, location, 0), whole(o, "free"), whole(o, "total"));
    }

    private static FileListing storages(List<Map.Entry<String, JsonValue>> storages, Optional<FileLocation> requested) {
        List<PrinterFile> files = new ArrayList<>();
        OptionalLong free = OptionalLong.empty();
        OptionalLong total = OptionalLong.empty();
        for (Map.Entry<String, JsonValue> e : storages) {
            JsonObject storage = (JsonObject) e.getValue();
            Optional<FileLocation> location = text(storage, "key").or(() -> Optional.of(e.getKey()))
                    .flatMap(OctoPrintLocations::parse).or(() -> requested);
            files.addAll(entries(storage.get("files"), location, 0));
            Optional<JsonObject> usage = object(storage, "usage");
            if (usage.isPresent() && (free.isEmpty() || location.equals(Optional.of(FileLocation.LOCAL)))) {
                free = whole(usage.get(), "free");
                total = whole(usage.get(), "total");
            }
        }
        return new FileListing(files, free, total);
    }

    private static boolean isStorage(JsonObject o) {
        return o.get("files") instanceof jakarta.json.JsonArray
                && (o.containsKey("key") || o.containsKey("usage") || o.containsKey("capabilities"));
    }

    private static boolean isStorageMap(JsonObject map) {
        return !map.isEmpty() && map.values().stream().allMatch(v -> v instanceof JsonObject s && isStorage(s));
    }

    /** One entry ({@code GET /api/files/{location}/{path}}); empty when the answer has no name. */
    public static Optional<PrinterFile> file(JsonObject entry, FileLocation location) {
        return entry(orEmpty(entry), Optional.of(location), 0);
    }

    public static UploadResult upload(JsonObject answer, FileLocation location) {
        JsonObject o = orEmpty(answer);
        Optional<PrinterFile> file = object(o, "file").flatMap(entry -> entry(entry, Optional.of(location), 0));
        Optional<JsonObject> files = file.isPresent() ? Optional.empty() : object(o, "files");
        if (files.isPresent()) {
            for (String key : OctoPrintLocations.names(location)) {
                file = object(files.get(), key).flatMap(entry -> entry(entry, Optional.of(location), 0));
                if (file.isPresent()) {
                    break;
                }
            }
            if (file.isEmpty()) {
                file = objects(files.get()).stream().findFirst().flatMap(entry -> entry(entry, Optional.of(location), 0));
            }
        }
        return new UploadResult(file, flag(o, "done").orElse(true), isTrue(o, "effectiveSelect"),
                isTrue(o, "effectivePrint"));
    }

    private static List<PrinterFile> entries(JsonValue files, Optional<FileLocation> location, int depth) {
        List<PrinterFile> entries = new ArrayList<>();
        if (depth > MAX_DEPTH) {
            return entries;
        }
        for (JsonObject entry : objects(files)) {
            entry(entry, location, depth).ifPresent(entries::add);
        }
        return entries;
    }

    private static Optional<PrinterFile> entry(JsonObject o, Optional<FileLocation> context, int depth) {
        Optional<String> name = text(o, "name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        FileLocation location = text(o, "origin").flatMap(OctoPrintLocations::parse)
                .or(() -> context).orElse(FileLocation.LOCAL);
        List<PrinterFile> children = entries(o.get("children"), Optional.of(location), depth + 1);
        PrinterFile.Type type = type(text(o, "type"), !children.isEmpty() || o.get("children") instanceof JsonObject
                || o.get("children") instanceof jakarta.json.JsonArray, name.get());
        OptionalDouble estimate = object(o, "gcodeAnalysis").map(a -> number(a, "estimatedPrintTime"))
                .orElse(OptionalDouble.empty());
        return Optional.of(new PrinterFile(name.get(), text(o, "path").orElse(name.get()), text(o, "display"),
                location, type, whole(o, "size"), epochSeconds(o, "date"), estimate, children));
    }

    /** Upload answers carry no {@code type}: then a folder has children and G-code is known by its extension. */
    private static PrinterFile.Type type(Optional<String> type, boolean hasChildren, String name) {
        if (type.isEmpty()) {
            String lower = name.toLowerCase(Locale.ROOT);
            return hasChildren ? PrinterFile.Type.FOLDER
                    : lower.endsWith(".gcode") || lower.endsWith(".gco") || lower.endsWith(".g")
                    ? PrinterFile.Type.MACHINECODE : PrinterFile.Type.OTHER;
        }
        return switch (type.get().toLowerCase(Locale.ROOT)) {
            case "folder" -> PrinterFile.Type.FOLDER;
            case "machinecode" -> PrinterFile.Type.MACHINECODE;
            case "model" -> PrinterFile.Type.MODEL;
            default -> PrinterFile.Type.OTHER;
        };
    }

    public static OctoPrintSettings settings(JsonObject s) {
        JsonObject o = orEmpty(s);
        JsonObject appearance = object(o, "appearance").orElse(EMPTY);
        JsonObject plugins = object(o, "plugins").orElse(EMPTY);
        return new OctoPrintSettings(text(appearance, "name"), text(appearance, "color"), webcam(o, plugins),
                plugins.keySet());
    }

    /** 1.x: {@code webcam.streamUrl/snapshotUrl}; later: {@code plugins.classicwebcam.stream/snapshot}. */
    private static Optional<WebcamSettings> webcam(JsonObject settings, JsonObject plugins) {
        JsonObject webcam = object(settings, "webcam").orElse(EMPTY);
        Optional<JsonObject> classic = object(plugins, "classicwebcam");
        Optional<String> stream = text(webcam, "streamUrl").or(() -> classic.flatMap(c -> text(c, "stream")));
        Optional<String> snapshot = text(webcam, "snapshotUrl").or(() -> classic.flatMap(c -> text(c, "snapshot")));
        if (stream.isEmpty() && snapshot.isEmpty() && webcam.isEmpty() && classic.isEmpty()) {
            return Optional.empty();
        }
        JsonObject orientation = webcam.containsKey("flipH") ? webcam : classic.orElse(webcam);
        boolean enabled = flag(webcam, "webcamEnabled").or(() -> flag(webcam, "enabled")).orElse(stream.isPresent());
        return Optional.of(new WebcamSettings(enabled, stream, snapshot, isTrue(orientation, "flipH"),
                isTrue(orientation, "flipV"), isTrue(orientation, "rotate90")));
    }

    public static List<PrinterProfile> printerProfiles(JsonObject p) {
        List<PrinterProfile> profiles = new ArrayList<>();
        for (JsonObject profile : objects(orEmpty(p).get("profiles"))) {
            Optional<String> id = text(profile, "id");
            if (id.isEmpty()) {
                continue;
            }
            JsonObject volume = object(profile, "volume").orElse(EMPTY);
            OptionalInt extruders = object(profile, "extruder").map(e -> integer(e, "count")).orElse(OptionalInt.empty());
            profiles.add(new PrinterProfile(id.get(), text(profile, "name").orElse(id.get()), text(profile, "model"),
                    isTrue(profile, "current"), isTrue(profile, "default"), isTrue(profile, "heatedBed"),
                    isTrue(profile, "heatedChamber"), Math.max(0, extruders.orElse(1)), number(volume, "width"),
                    number(volume, "depth"), number(volume, "height")));
        }
        profiles.sort(Comparator.comparing(PrinterProfile::id));
        return profiles;
    }

    public static List<SystemCommand> systemCommands(JsonObject c) {
        JsonObject o = orEmpty(c);
        List<SystemCommand> commands = new ArrayList<>();
        for (Map.Entry<String, JsonValue> group : o.entrySet()) {
            for (JsonObject command : objects(group.getValue() instanceof jakarta.json.JsonArray a ? a : null)) {
                Optional<String> action = text(command, "action");
                if (action.isPresent() && !isDivider(command, action.get())) {
                    String source = text(command, "source").orElse(group.getKey());
                    commands.add(new SystemCommand(source, action.get(), text(command, "name").orElse(action.get()),
                            text(command, "confirm")));
                }
            }
        }
        return commands;
    }

    /**
     * A separator of OctoPrint's system menu: a custom entry configured as {@code action: divider}, listed as
     * {@code divider_1}, {@code divider_2}, ... without a name. It has nothing to run.
     */
    private static boolean isDivider(JsonObject command, String action) {
        return text(command, "name").isEmpty() && action.matches("divider(_\\d+)?");
    }

    public static Optional<OctoEverywherePlugin> plugin(JsonObject p) {
        JsonObject o = orEmpty(p);
        return Json.textIgnoringCase(o, "PrinterId")
                .map(id -> new OctoEverywherePlugin(id, Json.textIgnoringCase(o, "PluginVersion")));
    }

    /** An epoch-seconds value of an answer, for callers that need one field. */
    static Optional<Instant> instant(JsonObject o, String key) {
        return epochSeconds(orEmpty(o), key);
    }

    private static JsonObject orEmpty(JsonObject o) {
        return o == null ? EMPTY : o;
    }
}
