package dev.printfarm.appconnection.sandbox.octoprint.files;

import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.StoredFile;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * File entries and listings. 1.x lists files as an array and sizes as numbers; the emulated 2.0 keys files by name
 * and sends {@code free}/{@code total} as strings.
 */
public final class FilesJson {

    private FilesJson() {}

    public static JsonObject entry(StoredFile file, String baseUrl, OctoPrintVersion version) {
        String origin = Locations.shown(file.location(), version);
        String encodedPath = file.path().replace(" ", "%20");
        double lengthMm = Math.round(file.size() / 40.0 * 100) / 100.0;
        return Json.createObjectBuilder()
                .add("name", file.name())
                .add("display", file.name())
                .add("path", file.path())
                .add("type", "machinecode")
                .add("typePath", Json.createArrayBuilder().add("machinecode").add("gcode"))
                .add("origin", origin)
                .add("size", file.size())
                .add("date", file.date().getEpochSecond())
                .add(
                        "refs",
                        Json.createObjectBuilder()
                                .add("resource", baseUrl + "/api/files/" + origin + "/" + encodedPath)
                                .add("download", baseUrl + "/downloads/files/" + origin + "/" + encodedPath))
                .add(
                        "gcodeAnalysis",
                        Json.createObjectBuilder()
                                .add("estimatedPrintTime", Math.max(60, file.size() / 500))
                                .add(
                                        "filament",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "tool0",
                                                        Json.createObjectBuilder()
                                                                .add("length", lengthMm)
                                                                .add("volume", Math.round(lengthMm * 0.24) / 100.0))))
                .build();
    }

    /** {@code free}/{@code total} are given for local storage only, as OctoPrint does. */
    public static JsonObject listing(
            List<StoredFile> files,
            String baseUrl,
            OctoPrintVersion version,
            boolean withSpace,
            long free,
            long total) {
        JsonObjectBuilder listing = Json.createObjectBuilder();
        if (version == OctoPrintVersion.V1) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            files.forEach(file -> array.add(entry(file, baseUrl, version)));
            listing.add("files", array);
        } else {
            JsonObjectBuilder map = Json.createObjectBuilder();
            files.forEach(file -> map.add(file.name(), entry(file, baseUrl, version)));
            listing.add("files", map);
        }
        if (withSpace) {
            if (version == OctoPrintVersion.V1) {
                listing.add("free", free).add("total", total);
            } else {
                listing.add("free", String.valueOf(free)).add("total", String.valueOf(total));
            }
        }
        return listing.build();
    }

    public static JsonObject uploaded(
            StoredFile file, String baseUrl, OctoPrintVersion version, boolean select, boolean print) {
        return Json.createObjectBuilder()
                .add(
                        "files",
                        Json.createObjectBuilder()
                                .add(Locations.shown(file.location(), version), entry(file, baseUrl, version)))
                .add("done", true)
                .add("effectiveSelect", select)
                .add("effectivePrint", print)
                .build();
    }
}
