package dev.printfarm.appconnection.impl.moonraker;

import static dev.printfarm.appconnection.impl.json.Optionals.isTrue;

import dev.printfarm.appconnection.api.moonraker.MoonrakerFile;
import dev.printfarm.appconnection.api.moonraker.MoonrakerFileMetadata;
import dev.printfarm.appconnection.api.moonraker.MoonrakerJob;
import dev.printfarm.appconnection.api.moonraker.MoonrakerPrinterInfo;
import dev.printfarm.appconnection.api.moonraker.MoonrakerServerInfo;
import dev.printfarm.appconnection.api.moonraker.MoonrakerStatus;
import dev.printfarm.appconnection.api.moonraker.MoonrakerUploadResult;
import dev.printfarm.appconnection.api.moonraker.MoonrakerWebcam;
import dev.printfarm.appconnection.impl.json.Optionals;
import dev.printfarm.appconnection.impl.json.WireJson;
import dev.printfarm.appconnection.impl.live.WebcamPaths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** Moonraker's answers ({@code Moonraker*Answer}) as the api's records. */
public final class MoonrakerMapper {

    /** The printer objects a farm watches, with the attributes it reads of each (queries and subscriptions alike). */
    static final Map<String, List<String>> FARM_OBJECTS = farmObjects();

    private MoonrakerMapper() {}

    private static Map<String, List<String>> farmObjects() {
        Map<String, List<String>> objects = new LinkedHashMap<>();
        objects.put(
                "print_stats",
                List.of("filename", "state", "total_duration", "print_duration", "filament_used", "message", "info"));
        objects.put("virtual_sdcard", List.of("file_path", "progress", "is_active", "file_position", "file_size"));
        objects.put("extruder", List.of("temperature", "target", "power"));
        objects.put("heater_bed", List.of("temperature", "target", "power"));
        objects.put("display_status", List.of("progress", "message"));
        objects.put("webhooks", List.of("state", "state_message"));
        return Collections.unmodifiableMap(objects);
    }

    /** What {@code printer.objects.query} and {@code subscribe} take. */
    static MoonrakerRequests.Objects farmObjectsRequest() {
        return new MoonrakerRequests.Objects(FARM_OBJECTS);
    }

    static MoonrakerServerInfo serverInfo(MoonrakerServerInfoAnswer o) {
        Optional<String> apiVersion = Optional.ofNullable(o.apiVersionString())
                .or(() -> o.apiVersion().isEmpty() ? Optional.empty() : Optional.of(String.join(".", o.apiVersion())));
        return new MoonrakerServerInfo(
                isTrue(o.klippyConnected()),
                Optional.ofNullable(o.klippyState()),
                Optional.ofNullable(o.moonrakerVersion()),
                apiVersion,
                o.components(),
                o.failedComponents(),
                o.registeredDirectories(),
                o.warnings(),
                Optionals.of(o.websocketCount()));
    }

    static MoonrakerPrinterInfo printerInfo(MoonrakerPrinterInfoAnswer o) {
        return new MoonrakerPrinterInfo(
                Optional.ofNullable(o.state()),
                Optional.ofNullable(o.stateMessage()),
                Optional.ofNullable(o.hostname()),
                Optional.ofNullable(o.softwareVersion()),
                Optional.ofNullable(o.cpuInfo()));
    }

    /** An object query's result: {@code {"eventtime", "status": {…}}}. */
    public static MoonrakerStatus queried(MoonrakerQueryAnswer answer) {
        return status(
                answer == null ? null : answer.status(), Optionals.of(answer == null ? null : answer.eventtime()));
    }

    /** The farm's objects ({@code {"print_stats": {…}, …}}); others are ignored. */
    static MoonrakerStatus status(MoonrakerObjects objects, OptionalDouble eventtime) {
        Optional<MoonrakerObjects> o = Optional.ofNullable(objects);
        return new MoonrakerStatus(
                eventtime,
                o.map(MoonrakerObjects::printStats).map(MoonrakerMapper::printStats),
                o.map(MoonrakerObjects::virtualSdcard)
                        .map(v -> new MoonrakerStatus.VirtualSdcard(
                                Optional.ofNullable(v.filePath()),
                                Optionals.of(v.progress()),
                                Optional.ofNullable(v.active()),
                                Optionals.of(v.filePosition()),
                                Optionals.of(v.fileSize()))),
                o.map(MoonrakerObjects::extruder).map(MoonrakerMapper::heater),
                o.map(MoonrakerObjects::heaterBed).map(MoonrakerMapper::heater),
                o.map(MoonrakerObjects::displayStatus)
                        .map(d -> new MoonrakerStatus.DisplayStatus(
                                Optionals.of(d.progress()), Optional.ofNullable(d.message()))),
                o.map(MoonrakerObjects::webhooks)
                        .map(w -> new MoonrakerStatus.Webhooks(
                                Optional.ofNullable(w.state()), Optional.ofNullable(w.stateMessage()))));
    }

    /** The merged objects of a subscription (a JSON tree, since updates replace attributes) as a status. */
    static MoonrakerStatus status(jakarta.json.JsonObject merged, OptionalDouble eventtime) {
        return status(WireJson.read(merged.toString(), MoonrakerObjects.class), eventtime);
    }

    private static MoonrakerStatus.PrintStats printStats(MoonrakerObjects.PrintStats p) {
        Optional<MoonrakerObjects.Info> info = Optional.ofNullable(p.info());
        return new MoonrakerStatus.PrintStats(
                Optional.ofNullable(p.filename()),
                Optional.ofNullable(p.state()),
                Optionals.of(p.totalDuration()),
                Optionals.of(p.printDuration()),
                Optionals.of(p.filamentUsed()),
                Optional.ofNullable(p.message()),
                Optionals.of(info.map(MoonrakerObjects.Info::currentLayer).orElse(null)),
                Optionals.of(info.map(MoonrakerObjects.Info::totalLayer).orElse(null)));
    }

    private static MoonrakerStatus.Heater heater(MoonrakerObjects.Heater h) {
        return new MoonrakerStatus.Heater(
                Optionals.of(h.temperature()), Optionals.of(h.target()), Optionals.of(h.power()));
    }

    /** {@code server.files.list}; entries without a path are left out. */
    static List<MoonrakerFile> files(List<MoonrakerFileAnswer> entries) {
        return entries.stream()
                .filter(f -> f.path() != null)
                .map(f -> file(f, f.path()))
                .toList();
    }

    private static MoonrakerFile file(MoonrakerFileAnswer f, String path) {
        return new MoonrakerFile(
                path, Optionals.of(f.size()), Optional.ofNullable(f.modified()), Optional.ofNullable(f.permissions()));
    }

    static MoonrakerFileMetadata metadata(MoonrakerMetadataAnswer o, String requested) {
        return new MoonrakerFileMetadata(
                Objects.requireNonNullElse(o.filename(), requested),
                Optionals.of(o.size()),
                Optional.ofNullable(o.modified()),
                Optional.ofNullable(o.slicer()),
                Optional.ofNullable(o.slicerVersion()),
                Optionals.of(o.estimatedTime()),
                Optionals.of(o.objectHeight()),
                Optionals.of(o.layerHeight()),
                Optionals.of(o.firstLayerHeight()),
                Optionals.of(o.layerCount()),
                Optionals.of(o.nozzleDiameter()),
                Optional.ofNullable(o.filamentName()),
                Optional.ofNullable(o.filamentType()),
                Optionals.of(o.filamentTotal()),
                Optionals.of(o.filamentWeightTotal()),
                Optionals.of(o.firstLayerExtruderTemp()),
                Optionals.of(o.firstLayerBedTemp()),
                Optional.ofNullable(o.jobId()),
                Optional.ofNullable(o.printStartTime()));
    }

    /** The upload's answer, wrapped or not; a 201 without a body still names the file. */
    static MoonrakerUploadResult upload(MoonrakerUploadAnswer answer, String requested) {
        MoonrakerUploadAnswer o = answer.unwrapped();
        MoonrakerFileAnswer item =
                Objects.requireNonNullElse(o.item(), new MoonrakerFileAnswer(null, null, null, null));
        return new MoonrakerUploadResult(
                file(item, Objects.requireNonNullElse(item.path(), requested)),
                isTrue(o.printStarted()),
                isTrue(o.printQueued()));
    }

    /** {@code server.history.list}; jobs without an id or a file name are left out. */
    static List<MoonrakerJob> history(MoonrakerHistoryAnswer answer) {
        return answer.jobs().stream()
                .filter(j -> j.jobId() != null && j.filename() != null)
                .map(j -> new MoonrakerJob(
                        j.jobId(),
                        j.filename(),
                        Optional.ofNullable(j.status()),
                        Optional.ofNullable(j.startTime()),
                        Optional.ofNullable(j.endTime()),
                        Optionals.of(j.printDuration()),
                        Optionals.of(j.totalDuration()),
                        Optionals.of(j.filamentUsed()),
                        isTrue(j.exists()),
                        Optional.ofNullable(j.user())))
                .toList();
    }

    /** {@code server.webcams.list}; cameras without a name are left out. */
    static List<MoonrakerWebcam> webcams(MoonrakerWebcamsAnswer answer) {
        return answer.webcams().stream()
                .filter(c -> c.name() != null)
                .map(c -> {
                    Optional<String> stream = Optional.ofNullable(c.streamUrl());
                    Optional<String> snapshot = Optional.ofNullable(c.snapshotUrl());
                    return new MoonrakerWebcam(
                            c.name(),
                            Optional.ofNullable(c.service()),
                            c.enabled() == null || c.enabled(),
                            stream,
                            snapshot,
                            stream.flatMap(WebcamPaths::onPrinter),
                            snapshot.flatMap(WebcamPaths::onPrinter),
                            isTrue(c.flipHorizontal()),
                            isTrue(c.flipVertical()),
                            Objects.requireNonNullElse(c.rotation(), 0),
                            Optional.ofNullable(c.aspectRatio()),
                            Optional.ofNullable(c.uid()));
                })
                .toList();
    }

    /** Klipper's messages span lines (its shutdown message has five); an exception message should not. */
    static String oneLine(String text) {
        String joined = String.join(" ", text.strip().split("\\s*\\R\\s*"));
        return joined.length() <= 500 ? joined : joined.substring(0, 497) + "...";
    }
}
