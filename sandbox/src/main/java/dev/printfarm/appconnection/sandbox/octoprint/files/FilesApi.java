package dev.printfarm.appconnection.sandbox.octoprint.files;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.octoprint.Route;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.FileStore;
import dev.printfarm.appconnection.sandbox.printer.JobFile;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrintJobs;
import dev.printfarm.appconnection.sandbox.printer.StoredFile;
import dev.printfarm.appconnection.sandbox.web.RawBody;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code /api/files...} and {@code /downloads/files/...}: listing, upload, select/print, delete, download. */
public final class FilesApi {

    static final String TOO_LARGE = "The uploaded file is larger than this printer can hold";

    private FilesApi() {}

    public static OctoPrintAnswer all(OctoPrintRequest request, EmulatedPrinter printer, OctoPrintVersion version) {
        FileStore store = printer.files();
        List<StoredFile> files =
                store.all().stream().filter(file -> visible(file, request)).toList();
        return OctoPrintAnswer.ok(
                FilesJson.listing(files, request.baseUrl(), version, true, store.freeBytes(), store.limitBytes()));
    }

    public static OctoPrintAnswer atLocation(
            OctoPrintRequest request, Route route, EmulatedPrinter printer, OctoPrintVersion version, Instant now) {
        Optional<String> location = Locations.stored(route.location(), version);
        if (location.isEmpty()) {
            return OctoPrintAnswer.error(404, "Unknown location: " + route.location());
        }
        if ("POST".equals(request.method())) {
            return upload(request, location.get(), printer, version, now);
        }
        FileStore store = printer.files();
        List<StoredFile> files = store.in(location.get()).stream()
                .filter(file -> visible(file, request))
                .toList();
        return OctoPrintAnswer.ok(FilesJson.listing(
                files,
                request.baseUrl(),
                version,
                "local".equals(location.get()),
                store.freeBytes(),
                store.limitBytes()));
    }

    public static OctoPrintAnswer file(
            OctoPrintRequest request, Route route, EmulatedPrinter printer, OctoPrintVersion version, Instant now) {
        Optional<StoredFile> file = Locations.stored(route.location(), version)
                .flatMap(location -> printer.files().find(location, route.filePath()));
        if (file.isEmpty()) {
            return OctoPrintAnswer.error(404, "File not found on '" + route.location() + "': " + route.filePath());
        }
        return switch (request.method()) {
            case "POST" -> command(request, file.get(), printer, now);
            case "DELETE" -> delete(file.get(), printer, now);
            default -> OctoPrintAnswer.ok(FilesJson.entry(file.get(), request.baseUrl(), version));
        };
    }

    public static OctoPrintAnswer download(Route route, EmulatedPrinter printer, OctoPrintVersion version) {
        return Locations.stored(route.location(), version)
                .flatMap(location -> printer.files().find(location, route.filePath()))
                .map(file -> OctoPrintAnswer.raw(
                                200, new RawBody(Optional.of("application/octet-stream"), file.content()))
                        .withHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\""))
                .orElseGet(() -> OctoPrintAnswer.error(404, "File not found"));
    }

    private static OctoPrintAnswer upload(
            OctoPrintRequest request, String location, EmulatedPrinter printer, OctoPrintVersion version, Instant now) {
        FileStore store = printer.files();
        store.countReceived(request.body().total());
        if (request.body().truncated()) {
            return OctoPrintAnswer.error(413, TOO_LARGE);
        }
        Optional<List<Multipart.Part>> parts =
                Multipart.parse(request.contentType(), request.body().bytes());
        Optional<Multipart.Part> upload = parts.flatMap(found -> part(found, "file"))
                .filter(part -> part.filename().filter(name -> !name.isBlank()).isPresent());
        if (upload.isEmpty()) {
            return OctoPrintAnswer.error(400, "No file to upload and no folder to create");
        }
        String path = parts.flatMap(found -> part(found, "path"))
                        .map(Multipart.Part::text)
                        .filter(folder -> !folder.isBlank())
                        .map(folder -> folder.replaceAll("/+$", "") + "/")
                        .orElse("")
                + upload.get().filename().orElseThrow();
        boolean select = flag(parts.get(), "select");
        boolean print = flag(parts.get(), "print");
        StoredFile file = new StoredFile(location, path, upload.get().content(), now);
        if (!store.store(file)) {
            return OctoPrintAnswer.error(413, TOO_LARGE);
        }
        boolean effectiveSelect = select || print;
        boolean effectivePrint = print;
        if (effectiveSelect) {
            PrintJobs.Outcome outcome = printer.changeJob(
                    job -> PrintJobs.select(job, JobFile.of(file), print, now, printer.jobDuration()));
            effectiveSelect = outcome.conflict().isEmpty();
            effectivePrint = print && effectiveSelect;
        }
        JsonObject body = FilesJson.uploaded(file, request.baseUrl(), version, effectiveSelect, effectivePrint);
        return new OctoPrintAnswer(201, body)
                .withHeader(
                        "Location",
                        body.getJsonObject("files")
                                .getJsonObject(Locations.shown(location, version))
                                .getJsonObject("refs")
                                .getString("resource"));
    }

    private static OctoPrintAnswer command(
            OctoPrintRequest request, StoredFile file, EmulatedPrinter printer, Instant now) {
        Optional<JsonObject> json = request.json();
        String command = json.map(body -> body.getString("command", "")).orElse("");
        boolean print = "print".equals(command)
                || json.map(body -> body.getBoolean("print", false)).orElse(false);
        if (!"select".equals(command) && !"print".equals(command)) {
            return OctoPrintAnswer.error(400, "Unknown command: " + command);
        }
        PrintJobs.Outcome outcome =
                printer.changeJob(job -> PrintJobs.select(job, JobFile.of(file), print, now, printer.jobDuration()));
        return outcome.conflict().map(why -> OctoPrintAnswer.error(409, why)).orElseGet(OctoPrintAnswer::noContent);
    }

    private static OctoPrintAnswer delete(StoredFile file, EmulatedPrinter printer, Instant now) {
        boolean inUse = printer.octoPrintAt(now)
                .job()
                .filter(run -> run.file().location().equals(file.location())
                        && run.file().path().equals(file.path()))
                .isPresent();
        if (inUse) {
            return OctoPrintAnswer.error(409, "Trying to delete a file that is currently in use: " + file.path());
        }
        printer.files().delete(file.location(), file.path());
        return OctoPrintAnswer.noContent();
    }

    /** Without {@code recursive=true} only the root's files are listed (the sandbox keeps no folder entries). */
    private static boolean visible(StoredFile file, OctoPrintRequest request) {
        return request.queryParam("recursive").filter("true"::equalsIgnoreCase).isPresent()
                || !file.path().contains("/");
    }

    private static Optional<Multipart.Part> part(List<Multipart.Part> parts, String name) {
        return parts.stream().filter(part -> part.name().equals(name)).findFirst();
    }

    private static boolean flag(List<Multipart.Part> parts, String name) {
        return part(parts, name)
                .map(part -> part.text().strip())
                .filter("true"::equalsIgnoreCase)
                .isPresent();
    }
}
