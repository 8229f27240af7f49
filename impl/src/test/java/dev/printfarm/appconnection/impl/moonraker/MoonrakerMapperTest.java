package dev.printfarm.appconnection.impl.moonraker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.moonraker.MoonrakerFile;
import dev.printfarm.appconnection.api.moonraker.MoonrakerFileMetadata;
import dev.printfarm.appconnection.api.moonraker.MoonrakerJob;
import dev.printfarm.appconnection.api.moonraker.MoonrakerPrinterInfo;
import dev.printfarm.appconnection.api.moonraker.MoonrakerServerInfo;
import dev.printfarm.appconnection.api.moonraker.MoonrakerStatus;
import dev.printfarm.appconnection.api.moonraker.MoonrakerUploadResult;
import dev.printfarm.appconnection.api.moonraker.MoonrakerWebcam;
import dev.printfarm.appconnection.impl.json.WireJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Moonraker's answers, in the shapes its documentation gives, read by the module's JSON policy and mapped. */
class MoonrakerMapperTest {

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** What is inside Moonraker's {@code {"result": …}}, as the client reads it. */
    private static <T> T result(String answer, Class<T> type) {
        MoonrakerResult<T> wrapped = WireJson.read(answer, WireJson.type(MoonrakerResult.class, type));
        return wrapped.result();
    }

    /** An answer's result given without the wrapper. */
    private static <T> T bare(String result, Class<T> type) {
        return WireJson.read(result, type);
    }

    @Test
    void theResultWrapperIsTakenOffAndAMissingResultIsAbsent() {
        assertEquals(
                new MoonrakerDatabaseItem("n", "k", "v"),
                result(
                        "{\"result\": {\"namespace\": \"n\", \"key\": \"k\", \"value\": \"v\"}}",
                        MoonrakerDatabaseItem.class));
        assertEquals(null, result("{\"item\": {}}", MoonrakerDatabaseItem.class));
        assertEquals(null, result("{\"result\": \"ok\"}", MoonrakerDatabaseItem.class));
    }

    private static List<MoonrakerFileAnswer> files(String answer) {
        return WireJson.<MoonrakerResult<List<MoonrakerFileAnswer>>>read(
                        answer,
                        WireJson.type(MoonrakerResult.class, WireJson.type(List.class, MoonrakerFileAnswer.class)))
                .result();
    }

    private static Optional<String> value(MoonrakerDatabaseItem item) {
        return Optional.ofNullable(item.value());
    }

    @Test
    void serverInfoReadsKlippyAndVersionsAndIgnoresUnknownFields() {
        MoonrakerServerInfo info = MoonrakerMapper.serverInfo(result("""
                {"result": {"klippy_connected": true, "klippy_state": "ready",
                  "components": ["database", "file_manager", "history"], "failed_components": [],
                  "registered_directories": ["config", "gcodes", "logs"], "warnings": ["slow disk"],
                  "websocket_count": 2, "moonraker_version": "v0.9.3-1-gabc", "missing_klippy_requirements": [],
                  "api_version": [1, 5, 0], "api_version_string": "1.5.0", "something_new": {"x": 1}}}
                """, MoonrakerServerInfoAnswer.class));
        assertTrue(info.klippyConnected());
        assertEquals(Optional.of("ready"), info.klippyState());
        assertEquals(Optional.of("v0.9.3-1-gabc"), info.moonrakerVersion());
        assertEquals(Optional.of("1.5.0"), info.apiVersion());
        assertEquals(List.of("database", "file_manager", "history"), info.components());
        assertEquals(List.of("gcodes", "logs"), info.registeredDirectories().subList(1, 3));
        assertEquals(List.of("slow disk"), info.warnings());
        assertEquals(OptionalInt.of(2), info.websocketCount());
    }

    @Test
    void serverInfoFallsBackToTheApiVersionArrayAndDefaultsWhatIsMissing() {
        MoonrakerServerInfo info =
                MoonrakerMapper.serverInfo(bare("{\"api_version\": [1, 4, 0]}", MoonrakerServerInfoAnswer.class));
        assertEquals(Optional.of("1.4.0"), info.apiVersion());
        assertFalse(info.klippyConnected());
        assertEquals(Optional.empty(), info.klippyState());
        assertTrue(info.components().isEmpty());
        assertEquals(OptionalInt.empty(), info.websocketCount());
    }

    @Test
    void printerInfoReadsStateAndHost() {
        MoonrakerPrinterInfo info = MoonrakerMapper.printerInfo(bare("""
                {"state": "shutdown", "state_message": "Printer is shutdown", "hostname": "voron",
                 "software_version": "v0.12.0-1", "cpu_info": "4 core ARMv8", "process_id": 1234}
                """, MoonrakerPrinterInfoAnswer.class));
        assertEquals(Optional.of("shutdown"), info.state());
        assertEquals(Optional.of("Printer is shutdown"), info.stateMessage());
        assertEquals(Optional.of("voron"), info.hostname());
        assertEquals(Optional.of("v0.12.0-1"), info.softwareVersion());
        assertEquals(Optional.of("4 core ARMv8"), info.cpuInfo());
    }

    @Test
    void aQueriedStatusReadsEveryFarmObject() {
        MoonrakerStatus status = MoonrakerMapper.queried(result("""
                {"result": {"eventtime": 1234.5, "status": {
                  "print_stats": {"filename": "parts/hook.gcode", "state": "printing", "total_duration": 61.5,
                    "print_duration": 60.25, "filament_used": 120.75, "message": "",
                    "info": {"total_layer": 250, "current_layer": 12}},
                  "virtual_sdcard": {"file_path": "/home/pi/printer_data/gcodes/parts/hook.gcode", "progress": 0.125,
                    "is_active": true, "file_position": 4096, "file_size": 32768},
                  "extruder": {"temperature": 214.6, "target": 215.0, "power": 0.42, "pressure_advance": 0.04},
                  "heater_bed": {"temperature": 59.9, "target": 60.0, "power": 0.3},
                  "display_status": {"progress": 0.12, "message": "Layer 12"},
                  "webhooks": {"state": "ready", "state_message": "Printer is ready"},
                  "toolhead": {"position": [1, 2, 3, 4]}}}}
                """, MoonrakerQueryAnswer.class));
        assertEquals(OptionalDouble.of(1234.5), status.eventtime());
        MoonrakerStatus.PrintStats stats = status.printStats().orElseThrow();
        assertEquals(Optional.of("parts/hook.gcode"), stats.filename());
        assertEquals(Optional.of("printing"), stats.state());
        assertEquals(OptionalDouble.of(61.5), stats.totalDuration());
        assertEquals(OptionalDouble.of(60.25), stats.printDuration());
        assertEquals(OptionalDouble.of(120.75), stats.filamentUsed());
        assertEquals(Optional.empty(), stats.message(), "a blank message is no message");
        assertEquals(OptionalInt.of(12), stats.currentLayer());
        assertEquals(OptionalInt.of(250), stats.totalLayer());
        MoonrakerStatus.VirtualSdcard sd = status.virtualSdcard().orElseThrow();
        assertEquals(OptionalDouble.of(0.125), sd.progress());
        assertEquals(Optional.of(true), sd.active());
        assertEquals(OptionalLong.of(4096), sd.filePosition());
        assertEquals(OptionalLong.of(32768), sd.fileSize());
        assertEquals(OptionalDouble.of(214.6), status.extruder().orElseThrow().temperature());
        assertEquals(OptionalDouble.of(215.0), status.extruder().orElseThrow().target());
        assertEquals(OptionalDouble.of(0.42), status.extruder().orElseThrow().power());
        assertEquals(OptionalDouble.of(60.0), status.heaterBed().orElseThrow().target());
        assertEquals(
                Optional.of("Layer 12"), status.displayStatus().orElseThrow().message());
        assertEquals(Optional.of("ready"), status.webhooks().orElseThrow().state());
    }

    @Test
    void objectsAndFieldsThePrinterDidNotReportStayAbsent() {
        MoonrakerStatus status = MoonrakerMapper.queried(bare("""
                {"eventtime": 5.0, "status": {
                  "print_stats": {"state": "standby", "filename": "", "info": {"total_layer": null, "current_layer": null}},
                  "virtual_sdcard": {"file_path": null, "progress": 0.0},
                  "extruder": {"temperature": "not a number"}}}
                """, MoonrakerQueryAnswer.class));
        MoonrakerStatus.PrintStats stats = status.printStats().orElseThrow();
        assertEquals(Optional.of("standby"), stats.state());
        assertEquals(Optional.empty(), stats.filename());
        assertEquals(OptionalInt.empty(), stats.currentLayer());
        assertEquals(OptionalDouble.empty(), stats.totalDuration());
        assertEquals(Optional.empty(), status.virtualSdcard().orElseThrow().filePath());
        assertEquals(
                OptionalDouble.of(0.0), status.virtualSdcard().orElseThrow().progress());
        assertEquals(Optional.empty(), status.virtualSdcard().orElseThrow().active());
        assertEquals(OptionalDouble.empty(), status.extruder().orElseThrow().temperature());
        assertEquals(Optional.empty(), status.heaterBed(), "a printer without a bed");
        assertEquals(Optional.empty(), status.displayStatus());
        assertEquals(Optional.empty(), status.webhooks());
        assertEquals(
                Optional.empty(),
                MoonrakerMapper.queried(bare("{}", MoonrakerQueryAnswer.class)).printStats());
        assertEquals(
                OptionalDouble.empty(),
                MoonrakerMapper.queried(result("{\"result\": \"ok\"}", MoonrakerQueryAnswer.class))
                        .eventtime());
    }

    @Test
    void theFarmAsksForItsSixObjectsByAttribute() {
        JsonObject objects =
                json(WireJson.write(MoonrakerMapper.farmObjectsRequest())).getJsonObject("objects");
        assertEquals(
                java.util.Set.of(
                        "print_stats", "virtual_sdcard", "extruder", "heater_bed", "display_status", "webhooks"),
                objects.keySet());
        assertEquals(
                List.of("print_stats", "virtual_sdcard", "extruder", "heater_bed", "display_status", "webhooks"),
                List.copyOf(MoonrakerMapper.FARM_OBJECTS.keySet()));
        assertEquals(
                Json.createArrayBuilder()
                        .add("temperature")
                        .add("target")
                        .add("power")
                        .build(),
                objects.getJsonArray("extruder"));
        assertTrue(objects.getJsonArray("print_stats").contains(Json.createValue("info")));
    }

    @Test
    void theFileListReadsPathsSizesAndTimesAndSkipsEntriesWithoutAPath() {
        List<MoonrakerFile> files = MoonrakerMapper.files(files("""
                {"result": [
                  {"path": "cube.gcode", "modified": 1700000000.5, "size": 2048, "permissions": "rw"},
                  {"path": "jigs/clamp.gcode", "modified": 1700000100, "size": 1024, "permissions": ""},
                  {"size": 1}, "not an object"]}
                """));
        assertEquals(2, files.size());
        assertEquals("cube.gcode", files.get(0).path());
        assertEquals(OptionalLong.of(2048), files.get(0).size());
        assertEquals(
                Optional.of(Instant.parse("2023-11-14T22:13:20.500Z")),
                files.get(0).modified());
        assertEquals(Optional.of("rw"), files.get(0).permissions());
        assertEquals(Optional.of(""), files.get(1).permissions(), "no access is an empty permission, not none");
        assertTrue(MoonrakerMapper.files(files("{\"result\": {}}")).isEmpty());
    }

    @Test
    void metadataReadsTheSlicersFields() {
        MoonrakerFileMetadata metadata =
                MoonrakerMapper.metadata(result("""
                {"result": {"size": 52000, "modified": 1700000000, "uuid": "u-1", "slicer": "PrusaSlicer",
                  "slicer_version": "2.8.1", "object_height": 50.0, "estimated_time": 3600, "nozzle_diameter": 0.4,
                  "layer_height": 0.2, "first_layer_height": 0.25, "layer_count": 250, "first_layer_extr_temp": 215,
                  "first_layer_bed_temp": 60, "filament_name": "Generic PLA", "filament_type": "PLA",
                  "filament_total": 1852.0, "filament_weight_total": 5.52, "thumbnails": [],
                  "print_start_time": null, "job_id": null, "filename": "jigs/clamp.gcode"}}
                """, MoonrakerMetadataAnswer.class), "asked.gcode");
        assertEquals("jigs/clamp.gcode", metadata.filename());
        assertEquals(OptionalLong.of(52000), metadata.size());
        assertEquals(Optional.of("PrusaSlicer"), metadata.slicer());
        assertEquals(OptionalDouble.of(3600), metadata.estimatedSeconds());
        assertEquals(OptionalDouble.of(50.0), metadata.objectHeight());
        assertEquals(OptionalDouble.of(0.25), metadata.firstLayerHeight());
        assertEquals(OptionalInt.of(250), metadata.layerCount());
        assertEquals(OptionalDouble.of(215), metadata.firstLayerExtruderTemp());
        assertEquals(Optional.of("PLA"), metadata.filamentType());
        assertEquals(OptionalDouble.of(5.52), metadata.filamentWeight());
        assertEquals(Optional.empty(), metadata.jobId(), "never printed");
        assertEquals(Optional.empty(), metadata.printStartTime());
        assertEquals(
                "asked.gcode",
                MoonrakerMapper.metadata(bare("{}", MoonrakerMetadataAnswer.class), "asked.gcode")
                        .filename());
    }

    @Test
    void theUploadAnswerIsReadUnwrappedAsMoonrakerSendsItOrWrapped() {
        String item = """
                {"item": {"path": "jigs/clamp.gcode", "root": "gcodes", "modified": 1700000000, "size": 3,
                  "permissions": "rw"}, "print_started": true, "print_queued": false, "action": "create_file"}
                """;
        MoonrakerUploadResult unwrapped =
                MoonrakerMapper.upload(bare(item, MoonrakerUploadAnswer.class), "requested.gcode");
        assertEquals("jigs/clamp.gcode", unwrapped.file().path());
        assertEquals(OptionalLong.of(3), unwrapped.file().size());
        assertTrue(unwrapped.printStarted());
        assertFalse(unwrapped.printQueued());
        assertEquals(
                unwrapped,
                MoonrakerMapper.upload(
                        bare("{\"result\": " + item + "}", MoonrakerUploadAnswer.class), "requested.gcode"));
        MoonrakerUploadResult empty = MoonrakerMapper.upload(bare("", MoonrakerUploadAnswer.class), "requested.gcode");
        assertEquals("requested.gcode", empty.file().path(), "a 201 without a body still names the file");
        assertFalse(empty.printStarted());
    }

    @Test
    void historyReadsJobsNewestFirstAsListedAndSkipsJobsWithoutIdOrFile() {
        List<MoonrakerJob> jobs = MoonrakerMapper.history(result("""
                {"result": {"count": 3, "jobs": [
                  {"job_id": "000002", "user": null, "filename": "jigs/clamp.gcode", "exists": true,
                   "status": "in_progress", "start_time": 1700000500, "end_time": null, "print_duration": 30.5,
                   "total_duration": 31.0, "filament_used": 12.5, "metadata": {}, "auxiliary_data": []},
                  {"job_id": "000001", "user": "alice", "filename": "cube.gcode", "exists": false,
                   "status": "cancelled", "start_time": 1700000000, "end_time": 1700000200.25},
                  {"filename": "no-id.gcode"}]}}
                """, MoonrakerHistoryAnswer.class));
        assertEquals(2, jobs.size());
        MoonrakerJob running = jobs.get(0);
        assertEquals("000002", running.jobId());
        assertEquals(Optional.of("in_progress"), running.status());
        assertEquals(Optional.empty(), running.endTime());
        assertEquals(Optional.empty(), running.user());
        assertTrue(running.fileExists());
        assertEquals(OptionalDouble.of(30.5), running.printDuration());
        MoonrakerJob cancelled = jobs.get(1);
        assertEquals(Optional.of(Instant.parse("2023-11-14T22:16:40.250Z")), cancelled.endTime());
        assertEquals(Optional.of("alice"), cancelled.user());
        assertFalse(cancelled.fileExists());
        assertEquals(OptionalDouble.empty(), cancelled.filamentUsed());
    }

    @Test
    void webcamsKeepTheReportedUrlsAndMapThemToPathsOnThePrintersHost() {
        List<MoonrakerWebcam> cams = MoonrakerMapper.webcams(result("""
                {"result": {"webcams": [
                  {"name": "nozzle", "location": "printer", "service": "mjpegstreamer", "enabled": true,
                   "stream_url": "/webcam/?action=stream", "snapshot_url": "/webcam/?action=snapshot",
                   "flip_horizontal": true, "flip_vertical": false, "rotation": 270, "aspect_ratio": "4:3",
                   "extra_data": {}, "source": "config", "uid": "c0ffee"},
                  {"name": "door", "service": "mjpegstreamer", "enabled": false,
                   "stream_url": "http://camera.lan/stream", "snapshot_url": "http://127.0.0.1:8080/?action=snapshot"},
                  {"service": "nameless"}]}}
                """, MoonrakerWebcamsAnswer.class));
        assertEquals(2, cams.size());
        MoonrakerWebcam nozzle = cams.get(0);
        assertEquals("nozzle", nozzle.name());
        assertEquals(Optional.of("/webcam/?action=stream"), nozzle.streamPath());
        assertEquals(Optional.of("/webcam/?action=snapshot"), nozzle.snapshotPath());
        assertTrue(nozzle.flipH());
        assertEquals(270, nozzle.rotation());
        assertEquals(Optional.of("c0ffee"), nozzle.uid());
        MoonrakerWebcam door = cams.get(1);
        assertFalse(door.enabled());
        assertEquals(Optional.of("http://camera.lan/stream"), door.streamUrl());
        assertEquals(Optional.empty(), door.streamPath(), "another host cannot be reached through the printer");
        assertEquals(Optional.of("/webcam/?action=snapshot"), door.snapshotPath(), "the streamer's own port");
        assertEquals(0, door.rotation());
    }

    @Test
    void aDatabaseItemGivesItsTextValue() {
        assertEquals(Optional.of("ABC123"), value(result("""
                {"result": {"namespace": "octoeverywhere", "key": "public.printerId", "value": "ABC123"}}
                """, MoonrakerDatabaseItem.class)));
        assertEquals(
                Optional.empty(),
                value(bare("{\"namespace\": \"x\", \"value\": {\"a\": 1}}", MoonrakerDatabaseItem.class)));
        assertEquals(Optional.empty(), value(bare("{\"value\": \"  \"}", MoonrakerDatabaseItem.class)));
    }

    @Test
    void klippersLongMessagesAreCutToOneLine() {
        assertEquals(500, MoonrakerMapper.oneLine("x".repeat(2000)).length());
        assertEquals(
                "Shutdown due to webhooks request Printer is shutdown",
                MoonrakerMapper.oneLine("Shutdown due to webhooks request\nPrinter is shutdown\n"));
    }
}
