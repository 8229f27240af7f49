package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.Heaters;
import dev.printfarm.appconnection.sandbox.printer.JobFile;
import dev.printfarm.appconnection.sandbox.printer.JobState;
import dev.printfarm.appconnection.sandbox.printer.OctoEverywherePlugin;
import dev.printfarm.appconnection.sandbox.printer.PrintJobs;
import dev.printfarm.appconnection.sandbox.printer.StoredFile;
import dev.printfarm.appconnection.sandbox.web.QueryString;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Moonraker (Klipper) endpoints an emulated {@code moonraker} printer answers, in Moonraker's documented shapes:
 * every answer wrapped in {@code {"result": …}} (the upload excepted, as in Moonraker), every error
 * {@code {"error": {"code", "message"}}} with that HTTP status. Relay and LAN alike; JSON-RPC calls reach the same
 * endpoints through {@link #call}. Pure but for the printer state it reads and changes.
 */
public final class MoonrakerApi {

    /** The JSON-RPC socket's path. */
    public static final String WEBSOCKET_PATH = "/websocket";

    static final String UPLOAD_PATH = "/server/files/upload";
    static final String FILES_PREFIX = "/server/files/";
    static final String MOONRAKER_VERSION = "v0.9.3-68-g8a9f4e4";
    static final String KLIPPER_VERSION = "v0.12.0-396-g2f4c5e3d";
    static final String OK = "ok";
    /** Where the OctoEverywhere plugin keeps what an app may read (the printer id, the plugin version). */
    static final String PLUGIN_NAMESPACE = "octoeverywhere";

    private MoonrakerApi() {}

    /** Answers an HTTP request; {@code websockets} is how many Moonraker sockets the printer has open. */
    public static OctoPrintAnswer answer(
            OctoPrintRequest request, EmulatedPrinter printer, Instant now, int websockets) {
        Host host = new Host(printer, now, websockets, request.baseUrl());
        try {
            if (UPLOAD_PATH.equals(request.path())) {
                return "POST".equals(request.method()) ? MoonrakerFiles.upload(request, host) : notAllowed();
            }
            Optional<Endpoint> endpoint = Endpoint.atPath(request.path());
            if (endpoint.isEmpty()) {
                return byFilePath(request, host);
            }
            if (!endpoint.get().allows(request.method())) {
                return notAllowed();
            }
            MoonrakerArgs args = MoonrakerArgs.of(request.query(), body(request));
            Optional<ObjectQuery> objects = endpoint.get() == Endpoint.OBJECTS_QUERY
                    ? Optional.of(
                            args.get("objects").isPresent() && "POST".equals(request.method())
                                    ? ObjectQuery.fromJson(args.get("objects").get())
                                    : ObjectQuery.fromQueryString(request.query()))
                    : Optional.empty();
            return result(call(endpoint.get(), args, objects, host));
        } catch (MoonrakerError refused) {
            return error(refused.status(), refused.getMessage());
        }
    }

    /**
     * One endpoint's result, for HTTP and JSON-RPC alike; a {@link MoonrakerError} when refused. {@code objects} is
     * what a query asks for (required for {@link Endpoint#OBJECTS_QUERY}).
     */
    static JsonValue call(Endpoint endpoint, MoonrakerArgs args, Optional<ObjectQuery> objects, Host host) {
        EmulatedPrinter printer = host.printer();
        return switch (endpoint) {
            case SERVER_INFO -> serverInfo(host);
            case PRINTER_INFO -> printerInfo(host);
            case OBJECTS_LIST ->
                Json.createObjectBuilder()
                        .add(
                                "objects",
                                strings(MoonrakerObjects.all(Machine.of(printer, host.now()))
                                        .keySet()))
                        .build();
            case OBJECTS_QUERY -> query(objects.orElseThrow(() -> MoonrakerError.missing("objects")), host);
            case PRINT_START -> start(args, host);
            case PRINT_PAUSE -> jobCommand(host, job -> PrintJobs.pause(job, PrintJobs.PauseAction.PAUSE, host.now()));
            case PRINT_RESUME ->
                jobCommand(host, job -> PrintJobs.pause(job, PrintJobs.PauseAction.RESUME, host.now()));
            case PRINT_CANCEL -> jobCommand(host, job -> PrintJobs.cancel(job, host.now()));
            case EMERGENCY_STOP -> {
                printer.setConnected(false, host.now());
                printer.changeHeaters(heaters -> Heaters.OFF);
                yield Json.createValue(OK);
            }
            case RESTART, FIRMWARE_RESTART -> {
                printer.setConnected(true, host.now());
                yield Json.createValue(OK);
            }
            case GCODE_SCRIPT -> {
                requireReady(host);
                printer.gcode().record(Arrays.asList(args.required("script").split("\n")));
                yield Json.createValue(OK);
            }
            case FILES_LIST -> MoonrakerFiles.list(args, host);
            case FILES_METADATA -> MoonrakerFiles.metadata(args.required("filename"), host);
            case FILES_DELETE -> MoonrakerFiles.delete(args.required("path"), host);
            case HISTORY_LIST -> MoonrakerHistory.list(args, host);
            case WEBCAMS_LIST -> webcams(host);
            case DATABASE_ITEM -> databaseItem(args, host);
        };
    }

    static OctoPrintAnswer result(JsonValue value) {
        return OctoPrintAnswer.ok(
                Json.createObjectBuilder().add("result", value).build());
    }

    /** Moonraker's error shape, sent with {@code status} as the HTTP status. */
    static OctoPrintAnswer error(int status, String message) {
        return new OctoPrintAnswer(
                status,
                Json.createObjectBuilder()
                        .add(
                                "error",
                                Json.createObjectBuilder().add("code", status).add("message", message))
                        .build());
    }

    /** What Moonraker answers a path it has no endpoint for, e.g. OctoPrint's {@code /api/version}. */
    public static OctoPrintAnswer notFound() {
        return error(404, "Not Found");
    }

    static OctoPrintAnswer notAllowed() {
        return error(405, "Method Not Allowed");
    }

    /** Print commands need Klippy ready; after an emergency stop Klipper answers each with its shutdown message. */
    static void requireReady(Host host) {
        if (!host.printer().octoPrintAt(host.now()).connected()) {
            throw new MoonrakerError(400, Machine.SHUTDOWN_MESSAGE);
        }
    }

    private static JsonObject query(ObjectQuery objects, Host host) {
        Machine machine = Machine.of(host.printer(), host.now());
        return Json.createObjectBuilder()
                .add("eventtime", machine.eventtime())
                .add("status", MoonrakerObjects.select(MoonrakerObjects.all(machine), objects))
                .build();
    }

    /** {@code SDCARD_PRINT_FILE}: the file must be in the gcodes root; a print already under way is "SD busy". */
    private static JsonValue start(MoonrakerArgs args, Host host) {
        requireReady(host);
        String filename = args.required("filename").replaceFirst("^/+", "");
        EmulatedPrinter printer = host.printer();
        StoredFile file = printer.files()
                .find(MoonrakerFiles.GCODES_LOCATION, filename)
                .orElseThrow(() -> new MoonrakerError(400, "Unable to open file"));
        PrintJobs.Outcome outcome = printer.changeJob(
                job -> PrintJobs.select(job, JobFile.of(file), true, host.now(), printer.jobDuration()));
        if (outcome.conflict().isPresent()) {
            throw new MoonrakerError(400, "SD busy");
        }
        return Json.createValue(OK);
    }

    /** Klipper's PAUSE, RESUME and CANCEL_PRINT only log a message when there is nothing to do; the answer is ok. */
    private static JsonValue jobCommand(Host host, Function<JobState, PrintJobs.Outcome> command) {
        requireReady(host);
        host.printer().changeJob(command);
        return Json.createValue(OK);
    }

    private static JsonObject serverInfo(Host host) {
        Machine machine = Machine.of(host.printer(), host.now());
        return Json.createObjectBuilder()
                .add("klippy_connected", true)
                .add("klippy_state", machine.klippyState())
                .add(
                        "components",
                        strings(List.of(
                                "database",
                                "file_manager",
                                "klippy_apis",
                                "machine",
                                "data_store",
                                "shell_command",
                                "proc_stats",
                                "job_state",
                                "history",
                                "webcam",
                                "websockets",
                                "authorization")))
                .add("failed_components", Json.createArrayBuilder())
                .add("registered_directories", strings(MoonrakerFiles.ROOTS))
                .add("warnings", Json.createArrayBuilder())
                .add("websocket_count", host.websockets())
                .add("moonraker_version", MOONRAKER_VERSION)
                .add("api_version", Json.createArrayBuilder().add(1).add(5).add(0))
                .add("api_version_string", "1.5.0")
                .build();
    }

    private static JsonObject printerInfo(Host host) {
        Machine machine = Machine.of(host.printer(), host.now());
        return Json.createObjectBuilder()
                .add("state", machine.klippyState())
                .add("state_message", machine.stateMessage())
                .add("hostname", "klipper-" + host.printer().number())
                .add("klipper_path", "/home/pi/klipper")
                .add("python_path", "/home/pi/klippy-env/bin/python")
                .add("process_id", 1000 + host.printer().number())
                .add("user_id", 1000)
                .add("group_id", 1000)
                .add("log_file", "/home/pi/printer_data/logs/klippy.log")
                .add("config_file", "/home/pi/printer_data/config/printer.cfg")
                .add("software_version", KLIPPER_VERSION)
                .add("cpu_info", "4 core ARMv8 Processor rev 3 (v8l)")
                .build();
    }

    /** The printer's one camera, mjpg-streamer (crowsnest) at {@code /webcam/}, as configured in moonraker.conf. */
    private static JsonObject webcams(Host host) {
        return Json.createObjectBuilder()
                .add(
                        "webcams",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("name", "webcam")
                                        .add("location", "printer")
                                        .add("service", "mjpegstreamer")
                                        .add("enabled", true)
                                        .add("icon", "mdiWebcam")
                                        .add("target_fps", 15)
                                        .add("target_fps_idle", 5)
                                        .add("stream_url", "/webcam/?action=stream")
                                        .add("snapshot_url", "/webcam/?action=snapshot")
                                        .add("flip_horizontal", false)
                                        .add("flip_vertical", false)
                                        .add("rotation", 0)
                                        .add("aspect_ratio", "4:3")
                                        .add("extra_data", JsonValue.EMPTY_JSON_OBJECT)
                                        .add("source", "config")
                                        .add(
                                                "uid",
                                                UUID.nameUUIDFromBytes(("webcam-"
                                                                        + host.printer()
                                                                                .id())
                                                                .getBytes(StandardCharsets.UTF_8))
                                                        .toString())))
                .build();
    }

    /**
     * {@code server.database.get_item}: only the OctoEverywhere plugin's namespace exists (while the plugin is
     * installed), {@code {"public": {"printerId", "pluginVersion"}}}; a key is a dotted path into it.
     */
    private static JsonObject databaseItem(MoonrakerArgs args, Host host) {
        String namespace = args.required("namespace");
        EmulatedPrinter printer = host.printer();
        if (!PLUGIN_NAMESPACE.equals(namespace) || !printer.controls().plugin()) {
            throw new MoonrakerError(404, "Namespace '" + namespace + "' not found");
        }
        JsonObject stored = Json.createObjectBuilder()
                .add(
                        "public",
                        Json.createObjectBuilder()
                                .add("printerId", printer.id())
                                .add("pluginVersion", OctoEverywherePlugin.VERSION))
                .build();
        Optional<String> key = args.string("key");
        JsonValue value = stored;
        if (key.isPresent()) {
            for (String part : key.get().split("\\.")) {
                if (!(value instanceof JsonObject object) || !object.containsKey(part)) {
                    throw new MoonrakerError(404, "Key '" + key.get() + "' in namespace '" + namespace + "' not found");
                }
                value = object.get(part);
            }
        }
        JsonObjectBuilder item = Json.createObjectBuilder().add("namespace", namespace);
        item.add("key", key.<JsonValue>map(Json::createValue).orElse(JsonValue.NULL));
        return item.add("value", value).build();
    }

    /** {@code GET} (download) and {@code DELETE} of {@code /server/files/{root}/{path}}; any other path is 404. */
    private static OctoPrintAnswer byFilePath(OctoPrintRequest request, Host host) {
        if (!request.path().startsWith(FILES_PREFIX)) {
            return notFound();
        }
        String rest = request.path().substring(FILES_PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return notFound();
        }
        return switch (request.method()) {
            case "GET" -> MoonrakerFiles.download(rest.substring(0, slash), rest.substring(slash + 1), host);
            case "DELETE" -> result(MoonrakerFiles.delete(rest, host));
            default -> notAllowed();
        };
    }

    /** A JSON object body, or a form body's fields; nothing for any other body. */
    private static Optional<JsonObject> body(OctoPrintRequest request) {
        boolean form = request.contentType()
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
        if (!form) {
            return request.json();
        }
        Map<String, List<String>> fields =
                QueryString.parse(new String(request.body().bytes(), StandardCharsets.UTF_8));
        JsonObjectBuilder json = Json.createObjectBuilder();
        fields.forEach((name, values) -> json.add(name, values.isEmpty() ? "" : values.get(0)));
        return Optional.of(json.build());
    }

    static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        new ArrayList<>(values).forEach(array::add);
        return array;
    }
}
