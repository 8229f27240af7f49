package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.octoprint.files.Multipart;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.FileStore;
import dev.printfarm.appconnection.sandbox.printer.JobFile;
import dev.printfarm.appconnection.sandbox.printer.PrintHistory;
import dev.printfarm.appconnection.sandbox.printer.PrintJobs;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import dev.printfarm.appconnection.sandbox.printer.StoredFile;
import dev.printfarm.appconnection.sandbox.web.RawBody;
import dev.printfarm.appconnection.sandbox.webhook.WebhookPayload;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Moonraker's file manager over the printer's shared file store: the {@code gcodes} root is the store's local
 * files (what OctoPrint calls {@code local}); {@code config} and {@code logs} exist but are empty and read-only here.
 */
final class MoonrakerFiles {

    static final String GCODES_LOCATION = "local";
    static final String GCODES = "gcodes";
    static final List<String> ROOTS = List.of("config", GCODES, "logs");

    private MoonrakerFiles() {}

    /** {@code server.files.list}: the root's files, paths relative to it. */
    static JsonValue list(MoonrakerArgs args, Host host) {
        String root = args.string("root").orElse(GCODES);
        if (!ROOTS.contains(root)) {
            throw new MoonrakerError(400, "Failed to build file list, invalid path: " + root + ": None");
        }
        JsonArrayBuilder files = Json.createArrayBuilder();
        if (GCODES.equals(root)) {
            host.printer()
                    .files()
                    .in(GCODES_LOCATION)
                    .forEach(file -> files.add(Json.createObjectBuilder()
                            .add("path", file.path())
                            .add("modified", unixTime(file.date()))
                            .add("size", file.size())
                            .add("permissions", "rw")));
        }
        return files.build();
    }

    /**
     * {@code server.files.metadata} for a file in the gcodes root, or for a file the printer prints or printed
     * (the loop's prints are never stored).
     */
    static JsonObject metadata(String filename, Host host) {
        String path = filename.replaceFirst("^/+", "");
        return known(path, host)
                .map(file -> metadataOf(file, host, true))
                .orElseThrow(() -> new MoonrakerError(404, "Metadata not available for <" + path + ">"));
    }

    /**
     * The slicer metadata of a file: a PrusaSlicer profile of 250 layers of 0.2 mm, printing as long as the printer's
     * prints take. {@code withJob}: add {@code job_id}, {@code print_start_time} and {@code filename} (the history's
     * copy leaves them out).
     */
    static JsonObject metadataOf(JobFile file, Host host, boolean withJob) {
        double filament = MoonrakerObjects.round(MoonrakerObjects.filament(file), 2);
        JsonObjectBuilder metadata = Json.createObjectBuilder()
                .add("size", file.size())
                .add("modified", unixTime(file.date()))
                .add(
                        "uuid",
                        UUID.nameUUIDFromBytes((host.printer().id() + "/" + file.path() + "/"
                                                + file.date().toEpochMilli())
                                        .getBytes(StandardCharsets.UTF_8))
                                .toString())
                .add("file_processors", Json.createArrayBuilder())
                .add("slicer", "PrusaSlicer")
                .add("slicer_version", "2.8.1+linux-x64")
                .add("gcode_start_byte", Math.min(file.size(), 1024))
                .add("gcode_end_byte", file.size())
                .add("object_height", WebhookPayload.TOTAL_LAYERS * 0.2)
                .add("estimated_time", host.printer().jobDuration().toSeconds())
                .add("nozzle_diameter", 0.4)
                .add("layer_height", 0.2)
                .add("first_layer_height", 0.2)
                .add("layer_count", WebhookPayload.TOTAL_LAYERS)
                .add("first_layer_extr_temp", 215.0)
                .add("first_layer_bed_temp", 60.0)
                .add("filament_name", "Generic PLA")
                .add("filament_type", "PLA")
                .add("filament_total", filament)
                .add("filament_weight_total", MoonrakerObjects.round(filament * 0.00298, 2))
                .add("thumbnails", Json.createArrayBuilder());
        if (withJob) {
            Optional<PrintHistory.Job> last = lastJob(file.path(), host);
            metadata.add(
                            "print_start_time",
                            last.<JsonValue>map(job -> Json.createValue(unixTime(job.startedAt())))
                                    .orElse(JsonValue.NULL))
                    .add(
                            "job_id",
                            last.<JsonValue>map(job -> Json.createValue(job.jobId()))
                                    .orElse(JsonValue.NULL))
                    .add("filename", file.path());
        }
        return metadata.build();
    }

    /**
     * {@code POST /server/files/upload}: multipart, the file in {@code file}, optional {@code root} (only
     * {@code gcodes} is writable here), {@code path} (a folder) and {@code print=true}. 201 with the unwrapped item
     * and a {@code Location} header, as Moonraker answers.
     */
    static OctoPrintAnswer upload(OctoPrintRequest request, Host host) {
        EmulatedPrinter printer = host.printer();
        FileStore store = printer.files();
        store.countReceived(request.body().total());
        if (request.body().truncated()) {
            return MoonrakerApi.error(413, "Request Entity Too Large");
        }
        List<Multipart.Part> parts =
                Multipart.parse(request.contentType(), request.body().bytes()).orElse(List.of());
        Optional<Multipart.Part> upload = field(parts, "file")
                .filter(part -> part.filename().filter(name -> !name.isBlank()).isPresent());
        if (upload.isEmpty()) {
            return MoonrakerApi.error(400, "No file name specified in upload form");
        }
        String root = field(parts, "root")
                .map(part -> part.text().strip().toLowerCase(Locale.ROOT))
                .orElse(GCODES);
        if (!GCODES.equals(root)) {
            return MoonrakerApi.error(
                    400, ROOTS.contains(root) ? "Invalid root request: " + root : "Root " + root + " not available");
        }
        String folder = field(parts, "path")
                .map(part -> part.text().strip().replaceAll("^/+|/+$", ""))
                .orElse("");
        String name = upload.get().filename().orElseThrow().strip().replaceFirst("^/+", "");
        String path = folder.isEmpty() ? name : folder + "/" + name;
        if (Arrays.asList(path.split("/")).contains("..")) {
            return MoonrakerApi.error(400, "Cannot write to path: " + path);
        }
        if (printing(path, host)) {
            return MoonrakerApi.error(403, "File is loaded, upload not permitted");
        }
        StoredFile file = new StoredFile(GCODES_LOCATION, path, upload.get().content(), host.now());
        if (!store.store(file)) {
            return MoonrakerApi.error(413, "Request Entity Too Large");
        }
        boolean started = false;
        if (field(parts, "print")
                        .map(part -> "true".equals(part.text().strip()))
                        .orElse(false)
                && printer.octoPrintAt(host.now()).connected()) {
            started = printer.changeJob(
                            job -> PrintJobs.select(job, JobFile.of(file), true, host.now(), printer.jobDuration()))
                    .conflict()
                    .isEmpty();
        }
        JsonObject body = Json.createObjectBuilder()
                .add("item", item(file))
                .add("print_started", started)
                .add("print_queued", false)
                .add("action", "create_file")
                .build();
        return new OctoPrintAnswer(201, body)
                .withHeader("Location", host.baseUrl() + MoonrakerApi.FILES_PREFIX + GCODES + "/" + encoded(path));
    }

    /** {@code GET /server/files/{root}/{path}}: the bytes, or Moonraker's 404. */
    static OctoPrintAnswer download(String root, String path, Host host) {
        if (!GCODES.equals(root)) {
            return MoonrakerApi.notFound();
        }
        return host.printer()
                .files()
                .find(GCODES_LOCATION, path)
                .map(file -> OctoPrintAnswer.raw(
                                200, new RawBody(Optional.of("application/octet-stream"), file.content()))
                        .withHeader("Content-Disposition", "attachment; filename=" + file.name()))
                .orElseGet(MoonrakerApi::notFound);
    }

    /** {@code server.files.delete_file} with {@code "gcodes/<path>"}; the file being printed is refused (403). */
    static JsonObject delete(String rootAndPath, Host host) {
        String trimmed = rootAndPath.replaceFirst("^/+", "");
        int slash = trimmed.indexOf('/');
        String root = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String path = slash < 0 ? "" : trimmed.substring(slash + 1);
        if (!ROOTS.contains(root)) {
            throw new MoonrakerError(400, "Invalid root path (" + root + ")");
        }
        FileStore store = host.printer().files();
        if (!GCODES.equals(root)
                || path.isEmpty()
                || store.find(GCODES_LOCATION, path).isEmpty()) {
            throw new MoonrakerError(404, "File " + trimmed + " does not exist");
        }
        if (printing(path, host)) {
            throw new MoonrakerError(403, "File currently in use");
        }
        store.delete(GCODES_LOCATION, path);
        return Json.createObjectBuilder()
                .add(
                        "item",
                        Json.createObjectBuilder()
                                .add("path", path)
                                .add("root", root)
                                .add("size", 0)
                                .add("modified", 0)
                                .add("permissions", ""))
                .add("action", "delete_file")
                .build();
    }

    static double unixTime(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static JsonObjectBuilder item(StoredFile file) {
        return Json.createObjectBuilder()
                .add("path", file.path())
                .add("root", GCODES)
                .add("modified", unixTime(file.date()))
                .add("size", file.size())
                .add("permissions", "rw");
    }

    /** A stored file, else the one printing now, else one the history knows. */
    private static Optional<JobFile> known(String path, Host host) {
        EmulatedPrinter printer = host.printer();
        return printer.files()
                .find(GCODES_LOCATION, path)
                .map(JobFile::of)
                .or(() -> printer.octoPrintAt(host.now())
                        .job()
                        .map(PrintRun::file)
                        .filter(file -> file.path().equals(path)))
                .or(() -> lastJob(path, host).map(PrintHistory.Job::file));
    }

    private static Optional<PrintHistory.Job> lastJob(String path, Host host) {
        List<PrintHistory.Job> jobs = host.printer().history(host.now());
        for (int i = jobs.size() - 1; i >= 0; i--) {
            if (jobs.get(i).file().path().equals(path)) {
                return Optional.of(jobs.get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean printing(String path, Host host) {
        return host.printer()
                .octoPrintAt(host.now())
                .job()
                .filter(run -> run.file().location().equals(GCODES_LOCATION)
                        && run.file().path().equals(path))
                .isPresent();
    }

    private static Optional<Multipart.Part> field(List<Multipart.Part> parts, String name) {
        return parts.stream().filter(part -> part.name().equals(name)).findFirst();
    }

    private static String encoded(String path) {
        return Arrays.stream(path.split("/"))
                .map(segment ->
                        URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
