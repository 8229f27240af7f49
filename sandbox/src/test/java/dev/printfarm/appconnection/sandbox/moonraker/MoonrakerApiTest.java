package dev.printfarm.appconnection.sandbox.moonraker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.HostRequests;
import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MoonrakerApiTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0)
                    .withPrinterKinds(List.of(PrinterKind.MOONRAKER)),
            clock);
    private final EmulatedPrinter looping = printers.all().get(0);
    private final EmulatedPrinter idle = printers.all().get(1);

    @Test
    void serverInfoIsWrappedInResultAndSaysKlippyIsReady() {
        OctoPrintAnswer answer = call(idle, HostRequests.get("/server/info"));

        assertEquals(200, answer.status());
        JsonObject info = answer.body().getJsonObject("result");
        assertTrue(info.getBoolean("klippy_connected"));
        assertEquals("ready", info.getString("klippy_state"));
        assertEquals("1.5.0", info.getString("api_version_string"));
        assertTrue(info.getJsonArray("registered_directories").getValuesAs(JsonString.class).stream()
                .anyMatch(dir -> dir.getString().equals("gcodes")));
    }

    @Test
    void anEmergencyStopShutsKlippyDownAndEndsThePrintUntilAFirmwareRestart() {
        assertEquals("ok", ((JsonString) result(looping, HostRequests.post("/printer/emergency_stop"))).getString());

        JsonObject info = result(looping, HostRequests.get("/printer/info")).asJsonObject();
        assertEquals("shutdown", info.getString("state"));
        JsonObject status = query(looping, "print_stats", "", "webhooks", "");
        assertEquals("error", status.getJsonObject("print_stats").getString("state"));
        assertEquals("shutdown", status.getJsonObject("webhooks").getString("state"));
        OctoPrintAnswer refused =
                call(looping, HostRequests.post("/printer/print/start", "filename", "calibration-cube.gcode"));
        assertEquals(400, refused.status());
        assertTrue(error(refused).getString("message").contains("Printer is shutdown"));

        call(looping, HostRequests.post("/printer/firmware_restart"));

        assertEquals(
                "ready",
                result(looping, HostRequests.get("/printer/info"))
                        .asJsonObject()
                        .getString("state"));
    }

    @Test
    void anObjectQueryAnswersTheAskedObjectsFromTheSharedPrinterState() {
        clock.advance(Duration.ofSeconds(250));

        JsonObject status = query(
                looping,
                "print_stats",
                "",
                "virtual_sdcard",
                "",
                "extruder",
                "",
                "heater_bed",
                "",
                "display_status",
                "",
                "webhooks",
                "");

        assertEquals(
                Set.of("print_stats", "virtual_sdcard", "extruder", "heater_bed", "display_status", "webhooks"),
                status.keySet());
        JsonObject stats = status.getJsonObject("print_stats");
        assertEquals("printing", stats.getString("state"));
        assertEquals("benchy-1.gcode", stats.getString("filename"));
        assertEquals(250.0, stats.getJsonNumber("print_duration").doubleValue(), 1e-9);
        assertEquals(
                0.25,
                status.getJsonObject("virtual_sdcard").getJsonNumber("progress").doubleValue(),
                1e-9);
        assertTrue(status.getJsonObject("virtual_sdcard").getBoolean("is_active"));
        assertEquals(
                215.0, status.getJsonObject("extruder").getJsonNumber("target").doubleValue());
        assertEquals(
                looping.octoPrintAt(clock.instant()).tool0().actual(),
                status.getJsonObject("extruder").getJsonNumber("temperature").doubleValue());
        assertEquals(
                60.0, status.getJsonObject("heater_bed").getJsonNumber("target").doubleValue());
        assertEquals("ready", status.getJsonObject("webhooks").getString("state"));
    }

    @Test
    void attributesNamedInTheQueryStringAreTheOnlyOnesAnswered() {
        JsonObject status = query(looping, "print_stats", "state,filename", "extruder", "target");

        assertEquals(
                Set.of("state", "filename"), status.getJsonObject("print_stats").keySet());
        assertEquals(Set.of("target"), status.getJsonObject("extruder").keySet());
    }

    @Test
    void unknownObjectsAndAttributesAreLeftOutWithoutAnError() {
        JsonObject status = query(idle, "no_such_object", "", "print_stats", "state,no_such_field");

        assertEquals(Set.of("print_stats"), status.keySet());
        assertEquals(Set.of("state"), status.getJsonObject("print_stats").keySet());
        assertEquals("standby", status.getJsonObject("print_stats").getString("state"));
    }

    @Test
    void aQueryCanComeAsAJsonBody() {
        JsonObject status = result(
                        looping,
                        HostRequests.postJson(
                                "/printer/objects/query",
                                "{\"objects\": {\"print_stats\": [\"state\"], \"toolhead\": null}}"))
                .asJsonObject()
                .getJsonObject("status");

        assertEquals(Set.of("state"), status.getJsonObject("print_stats").keySet());
        assertEquals("xyz", status.getJsonObject("toolhead").getString("homed_axes"));
    }

    @Test
    void aQueryWithoutObjectsIs400() {
        OctoPrintAnswer answer = call(idle, HostRequests.get("/printer/objects/query"));

        assertEquals(400, answer.status());
        assertEquals("No data for argument: objects", error(answer).getString("message"));
    }

    @Test
    void startPauseResumeAndCancelMoveThePrintAsKlipperWould() {
        assertEquals(
                "ok",
                ((JsonString) result(
                                idle, HostRequests.post("/printer/print/start", "filename", "calibration-cube.gcode")))
                        .getString());
        assertEquals("printing", printState(idle));

        call(idle, HostRequests.post("/printer/print/pause"));
        assertEquals("paused", printState(idle));
        assertTrue(query(idle, "pause_resume", "").getJsonObject("pause_resume").getBoolean("is_paused"));

        call(idle, HostRequests.post("/printer/print/resume"));
        assertEquals("printing", printState(idle));

        call(idle, HostRequests.post("/printer/print/cancel"));
        assertEquals("cancelled", printState(idle));
        assertEquals(
                "calibration-cube.gcode",
                query(idle, "print_stats", "filename")
                        .getJsonObject("print_stats")
                        .getString("filename"));
    }

    @Test
    void aPrintThatRanOutIsComplete() {
        call(idle, HostRequests.post("/printer/print/start", "filename", "calibration-cube.gcode"));
        clock.advance(Duration.ofSeconds(1000));

        assertEquals("complete", printState(idle));
        assertEquals(
                1.0,
                query(idle, "virtual_sdcard", "progress")
                        .getJsonObject("virtual_sdcard")
                        .getJsonNumber("progress")
                        .doubleValue());
    }

    @Test
    void pauseAndCancelWithNothingToDoAreOkAsInKlipper() {
        assertEquals(200, call(idle, HostRequests.post("/printer/print/pause")).status());
        assertEquals(200, call(idle, HostRequests.post("/printer/print/cancel")).status());
        assertEquals("standby", printState(idle));
    }

    @Test
    void printStartRefusalsAreKlippersErrors() {
        OctoPrintAnswer missingArgument = call(idle, HostRequests.post("/printer/print/start"));
        OctoPrintAnswer missingFile = call(idle, HostRequests.post("/printer/print/start", "filename", "nope.gcode"));
        OctoPrintAnswer busy =
                call(looping, HostRequests.post("/printer/print/start", "filename", "calibration-cube.gcode"));

        assertEquals(400, missingArgument.status());
        assertEquals("No data for argument: filename", error(missingArgument).getString("message"));
        assertEquals(400, error(missingArgument).getInt("code"));
        assertEquals("Unable to open file", error(missingFile).getString("message"));
        assertEquals("SD busy", error(busy).getString("message"));
    }

    @Test
    void theGcodesRootListsTheSharedFiles() {
        JsonArray files = result(idle, HostRequests.get("/server/files/list", "root", "gcodes"))
                .asJsonArray();

        assertEquals(1, files.size());
        JsonObject cube = files.getJsonObject(0);
        assertEquals("calibration-cube.gcode", cube.getString("path"));
        assertEquals(
                idle.files()
                        .find("local", "calibration-cube.gcode")
                        .orElseThrow()
                        .size(),
                cube.getInt("size"));
        assertEquals("rw", cube.getString("permissions"));
        assertEquals(
                0,
                result(idle, HostRequests.get("/server/files/list", "root", "config"))
                        .asJsonArray()
                        .size());
        assertEquals(
                400,
                call(idle, HostRequests.get("/server/files/list", "root", "nope"))
                        .status());
    }

    @Test
    void metadataIsAnsweredForStoredFilesAndThePrintingOneElse404() {
        JsonObject cube = result(idle, HostRequests.get("/server/files/metadata", "filename", "calibration-cube.gcode"))
                .asJsonObject();
        JsonObject benchy = result(looping, HostRequests.get("/server/files/metadata", "filename", "benchy-1.gcode"))
                .asJsonObject();
        OctoPrintAnswer unknown = call(idle, HostRequests.get("/server/files/metadata", "filename", "x.gcode"));

        assertEquals("calibration-cube.gcode", cube.getString("filename"));
        assertEquals(1000, cube.getInt("estimated_time"));
        assertEquals("PLA", cube.getString("filament_type"));
        assertEquals("000001", benchy.getString("job_id"));
        assertEquals(404, unknown.status());
        assertEquals("Metadata not available for <x.gcode>", error(unknown).getString("message"));
    }

    @Test
    void anUploadIsAnswered201UnwrappedWithALocationAndCanStartThePrint() {
        byte[] gcode = "G28\nG1 X10\n".getBytes(StandardCharsets.US_ASCII);

        OctoPrintAnswer answer = call(
                idle,
                HostRequests.upload("/server/files/upload", "part.gcode", gcode, "path", "parts", "print", "true"));

        assertEquals(201, answer.status());
        assertFalse(answer.body().containsKey("result"));
        assertEquals("parts/part.gcode", answer.body().getJsonObject("item").getString("path"));
        assertEquals("gcodes", answer.body().getJsonObject("item").getString("root"));
        assertEquals("create_file", answer.body().getString("action"));
        assertTrue(answer.body().getBoolean("print_started"));
        assertEquals(
                HostRequests.BASE + "/server/files/gcodes/parts/part.gcode",
                answer.headers().get("Location"));
        assertEquals("printing", printState(idle));
        assertTrue(idle.files().find("local", "parts/part.gcode").isPresent());
    }

    @Test
    void anUploadWithoutAFileIs400() {
        OctoPrintAnswer answer = call(
                idle,
                HostRequests.request(
                        "POST",
                        "/server/files/upload",
                        Map.of(),
                        Optional.of("multipart/form-data; boundary=x"),
                        new byte[0]));

        assertEquals(400, answer.status());
        assertEquals("No file name specified in upload form", error(answer).getString("message"));
    }

    @Test
    void filesCanBeDownloadedAndDeletedButNotWhilePrinting() {
        OctoPrintAnswer download = call(idle, HostRequests.get("/server/files/gcodes/calibration-cube.gcode"));
        call(idle, HostRequests.post("/printer/print/start", "filename", "calibration-cube.gcode"));
        OctoPrintAnswer inUse = call(
                idle,
                HostRequests.request(
                        "DELETE",
                        "/server/files/gcodes/calibration-cube.gcode",
                        Map.of(),
                        Optional.empty(),
                        new byte[0]));
        call(idle, HostRequests.post("/printer/print/cancel"));
        OctoPrintAnswer deleted = call(
                idle,
                HostRequests.request(
                        "DELETE",
                        "/server/files/gcodes/calibration-cube.gcode",
                        Map.of(),
                        Optional.empty(),
                        new byte[0]));

        assertEquals(200, download.status());
        assertTrue(new String(download.raw().orElseThrow().bytes(), StandardCharsets.US_ASCII).contains("G28"));
        assertEquals(403, inUse.status());
        assertEquals("delete_file", deleted.body().getJsonObject("result").getString("action"));
        assertTrue(idle.files().find("local", "calibration-cube.gcode").isEmpty());
    }

    @Test
    void historyListsTheLoopsPrintsNewestFirstWithTheOneInProgress() {
        clock.advance(Duration.ofSeconds(2500));

        JsonObject history =
                result(looping, HostRequests.get("/server/history/list")).asJsonObject();

        assertEquals(3, history.getInt("count"));
        JsonArray jobs = history.getJsonArray("jobs");
        assertEquals("000003", jobs.getJsonObject(0).getString("job_id"));
        assertEquals("in_progress", jobs.getJsonObject(0).getString("status"));
        assertEquals("completed", jobs.getJsonObject(1).getString("status"));
        assertEquals("benchy-2.gcode", jobs.getJsonObject(1).getString("filename"));
        assertEquals(
                1000.0, jobs.getJsonObject(1).getJsonNumber("print_duration").doubleValue());
        assertEquals(
                "000001",
                result(looping, HostRequests.get("/server/history/list", "order", "asc", "limit", "1"))
                        .asJsonObject()
                        .getJsonArray("jobs")
                        .getJsonObject(0)
                        .getString("job_id"));
    }

    @Test
    void aCancelledPrintStaysInTheHistoryAsCancelled() {
        call(idle, HostRequests.post("/printer/print/start", "filename", "calibration-cube.gcode"));
        clock.advance(Duration.ofSeconds(100));
        call(idle, HostRequests.post("/printer/print/cancel"));

        JsonObject job = result(idle, HostRequests.get("/server/history/list"))
                .asJsonObject()
                .getJsonArray("jobs")
                .getJsonObject(0);

        assertEquals("cancelled", job.getString("status"));
        assertEquals("calibration-cube.gcode", job.getString("filename"));
        assertEquals(100.0, job.getJsonNumber("print_duration").doubleValue());
        assertTrue(job.getBoolean("exists"));
    }

    @Test
    void webcamsListTheEmulatedMjpegCamera() {
        JsonObject webcam = result(idle, HostRequests.get("/server/webcams/list"))
                .asJsonObject()
                .getJsonArray("webcams")
                .getJsonObject(0);

        assertEquals("/webcam/?action=snapshot", webcam.getString("snapshot_url"));
        assertEquals("/webcam/?action=stream", webcam.getString("stream_url"));
        assertEquals("mjpegstreamer", webcam.getString("service"));
    }

    @Test
    void theDatabaseHoldsThePrinterIdWhereTheOctoEverywherePluginPutsIt() {
        JsonObject item = result(
                        idle,
                        HostRequests.get(
                                "/server/database/item", "namespace", "octoeverywhere", "key", "public.printerId"))
                .asJsonObject();

        assertEquals("octoeverywhere", item.getString("namespace"));
        assertEquals("public.printerId", item.getString("key"));
        assertEquals(idle.id(), item.getString("value"));
        assertTrue(result(idle, HostRequests.get("/server/database/item", "namespace", "octoeverywhere"))
                .asJsonObject()
                .getJsonObject("value")
                .containsKey("public"));
    }

    @Test
    void databaseRefusalsAreMoonrakersMessages() {
        OctoPrintAnswer unknownKey = call(
                idle, HostRequests.get("/server/database/item", "namespace", "octoeverywhere", "key", "public.nope"));
        OctoPrintAnswer noNamespace = call(idle, HostRequests.get("/server/database/item"));
        printers.update(idle.id(), controls -> controls.withPlugin(false));
        OctoPrintAnswer noPlugin = call(
                idle,
                HostRequests.get("/server/database/item", "namespace", "octoeverywhere", "key", "public.printerId"));

        assertEquals(404, unknownKey.status());
        assertEquals(
                "Key 'public.nope' in namespace 'octoeverywhere' not found",
                error(unknownKey).getString("message"));
        assertEquals(400, noNamespace.status());
        assertEquals(404, noPlugin.status());
        assertEquals("Namespace 'octoeverywhere' not found", error(noPlugin).getString("message"));
    }

    @Test
    void octoPrintPathsAre404AndWrongMethods405InMoonrakersShape() {
        OctoPrintAnswer octoPrint = call(idle, HostRequests.get("/api/version"));
        OctoPrintAnswer wrongMethod = call(idle, HostRequests.get("/printer/print/start"));

        assertEquals(404, octoPrint.status());
        assertEquals("Not Found", error(octoPrint).getString("message"));
        assertEquals(404, error(octoPrint).getInt("code"));
        assertEquals(405, wrongMethod.status());
    }

    @Test
    void aGcodeScriptIsRecordedInTheGcodeLog() {
        call(idle, HostRequests.postJson("/printer/gcode/script", "{\"script\": \"G28\\nM104 S200\"}"));

        assertEquals(List.of("G28", "M104 S200"), idle.gcode().snapshot());
    }

    private String printState(EmulatedPrinter printer) {
        return query(printer, "print_stats", "state")
                .getJsonObject("print_stats")
                .getString("state");
    }

    private JsonObject query(EmulatedPrinter printer, String... objects) {
        return result(printer, HostRequests.get("/printer/objects/query", objects))
                .asJsonObject()
                .getJsonObject("status");
    }

    private JsonValue result(EmulatedPrinter printer, OctoPrintRequest request) {
        OctoPrintAnswer answer = call(printer, request);
        assertEquals(200, answer.status(), answer.body().toString());
        return answer.body().get("result");
    }

    private static JsonObject error(OctoPrintAnswer answer) {
        return answer.body().getJsonObject("error");
    }

    private OctoPrintAnswer call(EmulatedPrinter printer, OctoPrintRequest request) {
        return MoonrakerApi.answer(request, printer, clock.instant(), 0);
    }
}
