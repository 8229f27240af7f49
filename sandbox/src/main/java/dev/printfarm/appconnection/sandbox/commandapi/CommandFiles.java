package dev.printfarm.appconnection.sandbox.commandapi;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.FileStore;
import dev.printfarm.appconnection.sandbox.printer.PrintHistory;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.printer.StoredFile;
import dev.printfarm.appconnection.sandbox.web.RawBody;
import dev.printfarm.appconnection.sandbox.webhook.WebhookPayload;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code files/list}, {@code files/details}, {@code files/upload}, {@code files/download}, {@code files/delete} over
 * the printer's shared file store. The {@code gcode} root is the store's local files (OctoPrint's {@code local},
 * Moonraker's {@code gcodes}); the other roots a platform has ({@code logs}, Moonraker's {@code config}) exist but
 * hold nothing here and take no uploads.
 */
final class CommandFiles {

    static final String LOCATION = "local";

    private CommandFiles() {}

    /** {@code Root}: one folder per root asked for ({@code root}, or the first segment of {@code path}), or all. */
    static JsonObject list(CommandArgs args, EmulatedPrinter printer) {
        List<String> roots = listRoots(printer.controls().kind());
        Optional<String> asked = args.text("root")
                .or(() -> args.text("path", "filepath", "file"))
                .map(text -> text.replace('\\', '/').strip().replaceAll("^/+|/+$", ""))
                .filter(text -> !text.isEmpty());
        List<String> listed = roots;
        if (asked.isPresent()) {
            String root = asked.get().split("/")[0].toLowerCase(Locale.ROOT);
            root = "gcodes".equals(root) ? VirtualPath.GCODE : root;
            if (List.of(asked.get().split("/")).contains("..") || !roots.contains(root)) {
                throw CommandError.badArgument("Unsupported file root '" + asked.get() + "'. Use "
                        + String.join(
                                " or ",
                                roots.stream().map(name -> "'" + name + "'").toList()) + ".");
            }
            listed = List.of(root);
        }
        JsonArrayBuilder folders = Json.createArrayBuilder();
        for (String root : listed) {
            Folder folder = new Folder(root, root);
            if (VirtualPath.GCODE.equals(root)) {
                printer.files().in(LOCATION).forEach(folder::add);
            }
            folders.add(folder.json());
        }
        return Json.createObjectBuilder().add("Root", folders).build();
    }

    /** Normalized slicer metadata of a {@code gcode} file; unknown fields left out. */
    static JsonObject details(CommandArgs args, EmulatedPrinter printer, Instant now) {
        VirtualPath path = VirtualPath.of(args, List.of(VirtualPath.GCODE));
        StoredFile file = existing(printer, path);
        double filamentMm = 1800 + file.size() / 1000.0;
        JsonObjectBuilder details = Json.createObjectBuilder()
                .add("VirtualPath", path.full())
                .add("PlatformPath", path.relative())
                .add("FileName", path.fileName())
                .add("SizeBytes", file.size())
                .add("ModifiedTimeSec", file.date().getEpochSecond())
                .add("EstPrintTimeSec", printer.jobDuration().toSeconds())
                .add("EstFilamentUsedMm", Math.round(filamentMm))
                .add("EstFilamentWeightMg", Math.round(filamentMm * 2.98))
                .add("LayerCount", WebhookPayload.TOTAL_LAYERS)
                .add("LayerHeightMm", 0.2)
                .add("FirstLayerHeightMm", 0.2)
                .add("ObjectHeightMm", WebhookPayload.TOTAL_LAYERS * 0.2)
                .add("NozzleDiameterMm", 0.4)
                .add("FilamentType", "PLA")
                .add("FilamentName", "Generic PLA")
                .add("BedTempC", 60.0)
                .add("HotendTempC", 215.0)
                .add("Slicer", "PrusaSlicer")
                .add("SlicerVersion", "2.8.1+linux-x64")
                .add("ThumbnailCount", 0);
        lastStart(printer, path, now).ifPresent(started -> details.add("PrintStartTimeSec", started.getEpochSecond()));
        return details.build();
    }

    /** The body is the file, {@code path} (query) where it goes; only the {@code gcode} root takes files here. */
    static JsonObject upload(CommandArgs args, OctoPrintRequest request, EmulatedPrinter printer, Instant now) {
        PrinterKind kind = printer.controls().kind();
        VirtualPath path = VirtualPath.of(args, uploadRoots(kind));
        FileStore store = printer.files();
        store.countReceived(request.body().total());
        if (!VirtualPath.GCODE.equals(path.root())) {
            throw CommandError.badArgument(
                    "files/upload to '" + path.root() + "' is not emulated; use 'gcode/<file>'.");
        }
        if (request.body().total() == 0) {
            throw CommandError.badArgument("files/upload received an empty body. Send raw file bytes.");
        }
        if (request.body().truncated()) {
            throw tooLarge(printer);
        }
        if (printing(printer, path, now)) {
            throw inUse(
                    printer,
                    "files/upload",
                    kind == PrinterKind.MOONRAKER
                            ? "File is loaded, upload not permitted"
                            : "Trying to overwrite a file that is currently in use");
        }
        StoredFile file =
                new StoredFile(LOCATION, path.relative(), request.body().bytes(), now);
        if (!store.store(file)) {
            throw tooLarge(printer);
        }
        JsonObjectBuilder result = Json.createObjectBuilder()
                .add("VirtualPath", path.full())
                .add("PlatformPath", path.relative())
                .add("SizeBytes", file.size());
        if (kind == PrinterKind.MOONRAKER) {
            result.add(
                    "PrinterResponse",
                    Json.createObjectBuilder()
                            .add(
                                    "item",
                                    Json.createObjectBuilder()
                                            .add("path", file.path())
                                            .add("root", "gcodes")
                                            .add("modified", file.date().toEpochMilli() / 1000.0)
                                            .add("size", file.size())
                                            .add("permissions", "rw"))
                            .add("print_started", false)
                            .add("print_queued", false)
                            .add("action", "create_file"));
        }
        return result.build();
    }

    /** The file itself (HTTP 200), or an HTTP 400/404 with the envelope's fields as the body. */
    static OctoPrintAnswer download(CommandArgs args, EmulatedPrinter printer) {
        VirtualPath path = VirtualPath.of(args, downloadRoots(printer.controls().kind()));
        Optional<StoredFile> file = VirtualPath.GCODE.equals(path.root())
                ? printer.files().find(LOCATION, path.relative())
                : Optional.empty();
        if (file.isEmpty()) {
            throw new CommandError(CommandCodes.NOT_FOUND, "File not found: " + path.full());
        }
        return OctoPrintAnswer.raw(
                        200,
                        new RawBody(
                                Optional.of("application/octet-stream"),
                                file.get().content()))
                .withHeader(
                        "Content-Disposition",
                        "attachment; filename=\"" + file.get().name() + "\"");
    }

    static JsonObject delete(CommandArgs args, EmulatedPrinter printer, Instant now) {
        PrinterKind kind = printer.controls().kind();
        VirtualPath path = VirtualPath.of(args, deleteRoots(kind));
        if (!VirtualPath.GCODE.equals(path.root())) {
            throw new CommandError(CommandCodes.NOT_FOUND, "File not found: " + path.full());
        }
        existing(printer, path);
        if (printing(printer, path, now)) {
            throw inUse(printer, "files/delete", "File currently in use");
        }
        printer.files().delete(LOCATION, path.relative());
        JsonObjectBuilder result =
                Json.createObjectBuilder().add("VirtualPath", path.full()).add("PlatformPath", path.relative());
        if (kind == PrinterKind.MOONRAKER) {
            result.add(
                    "PrinterResponse",
                    Json.createObjectBuilder()
                            .add(
                                    "item",
                                    Json.createObjectBuilder()
                                            .add("path", path.relative())
                                            .add("root", "gcodes")
                                            .add("size", 0)
                                            .add("modified", 0)
                                            .add("permissions", ""))
                            .add("action", "delete_file"));
        }
        return result.build();
    }

    static List<String> listRoots(PrinterKind kind) {
        return switch (kind) {
            case OCTOPRINT -> List.of(VirtualPath.GCODE, "logs");
            case MOONRAKER -> List.of(VirtualPath.GCODE, "config", "logs");
            case OTHER -> List.of(VirtualPath.GCODE);
        };
    }

    private static List<String> uploadRoots(PrinterKind kind) {
        return kind == PrinterKind.MOONRAKER ? List.of(VirtualPath.GCODE, "config") : List.of(VirtualPath.GCODE);
    }

    private static List<String> downloadRoots(PrinterKind kind) {
        return listRoots(kind);
    }

    private static List<String> deleteRoots(PrinterKind kind) {
        return switch (kind) {
            case OCTOPRINT -> List.of(VirtualPath.GCODE, "logs");
            case MOONRAKER -> List.of(VirtualPath.GCODE, "config");
            case OTHER -> List.of(VirtualPath.GCODE);
        };
    }

    private static StoredFile existing(EmulatedPrinter printer, VirtualPath path) {
        return printer.files()
                .find(LOCATION, path.relative())
                .orElseThrow(() -> new CommandError(CommandCodes.NOT_FOUND, "File not found: " + path.full()));
    }

    private static boolean printing(EmulatedPrinter printer, VirtualPath path, Instant now) {
        return printer.octoPrintAt(now)
                .job()
                .filter(run -> LOCATION.equals(run.file().location())
                        && run.file().path().equals(path.relative()))
                .isPresent();
    }

    /** The plugin hands the host's status through: Moonraker 403, OctoPrint 409. */
    private static CommandError inUse(EmulatedPrinter printer, String command, String why) {
        int status = printer.controls().kind() == PrinterKind.OCTOPRINT
                ? CommandCodes.FILE_IN_USE_OCTOPRINT
                : CommandCodes.FILE_IN_USE;
        return new CommandError(
                status, command + " failed on " + PrinterControl.platform(printer) + ": HTTP " + status + ". " + why);
    }

    private static CommandError tooLarge(EmulatedPrinter printer) {
        return new CommandError(
                CommandCodes.TOO_LARGE,
                "files/upload failed on " + PrinterControl.platform(printer)
                        + ": HTTP 413. The file is larger than the printer can hold.");
    }

    private static Optional<Instant> lastStart(EmulatedPrinter printer, VirtualPath path, Instant now) {
        List<PrintHistory.Job> jobs = printer.history(now);
        for (int i = jobs.size() - 1; i >= 0; i--) {
            if (jobs.get(i).file().path().equals(path.relative())) {
                return Optional.of(jobs.get(i).startedAt());
            }
        }
        return Optional.empty();
    }

    /** A folder of the listing, its sub-folders made from the files' paths. */
    private static final class Folder {
        private final String name;
        private final String virtualPath;
        private final Map<String, Folder> folders = new LinkedHashMap<>();
        private final List<StoredFile> files = new ArrayList<>();

        Folder(String name, String virtualPath) {
            this.name = name;
            this.virtualPath = virtualPath;
        }

        void add(StoredFile file) {
            Folder at = this;
            String[] segments = file.path().split("/");
            for (int i = 0; i < segments.length - 1; i++) {
                String segment = segments[i];
                Folder parent = at;
                at = at.folders.computeIfAbsent(segment, key -> new Folder(key, parent.virtualPath + "/" + key));
            }
            at.files.add(file);
        }

        JsonObject json() {
            JsonArrayBuilder children = Json.createArrayBuilder();
            folders.values().stream()
                    .sorted(Comparator.comparing(folder -> folder.name))
                    .forEach(folder -> children.add(folder.json()));
            files.stream()
                    .sorted(Comparator.comparing(StoredFile::name))
                    .forEach(file -> children.add(Json.createObjectBuilder()
                            .add("Type", "file")
                            .add("Name", file.name())
                            .add("VirtualPath", virtualPath + "/" + file.name())
                            .add("PlatformPath", file.path())
                            .add("SizeBytes", file.size())
                            .add("ModifiedTimeSec", file.date().getEpochSecond())
                            .add("Permissions", "rw")));
            return Json.createObjectBuilder()
                    .add("Type", "folder")
                    .add("Name", name)
                    .add("VirtualPath", virtualPath)
                    .add("Children", children)
                    .build();
        }
    }
}
