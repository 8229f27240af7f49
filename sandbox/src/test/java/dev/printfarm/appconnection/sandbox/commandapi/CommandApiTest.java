package dev.printfarm.appconnection.sandbox.commandapi;

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
import dev.printfarm.appconnection.sandbox.printer.Toolhead;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommandApiTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(6, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0)
                    .withPrinterKinds(List.of(PrinterKind.OCTOPRINT, PrinterKind.MOONRAKER, PrinterKind.OTHER)),
            clock);
    private final EmulatedPrinter octoPrintPrinting = printers.all().get(0);
    private final EmulatedPrinter moonrakerIdle = printers.all().get(1);
    private final EmulatedPrinter otherPrinting = printers.all().get(2);
    private final EmulatedPrinter octoPrintIdle = printers.all().get(3);
    private final EmulatedPrinter moonrakerPrinting = printers.all().get(4);

    @Test
    void everyCommandIsHttp200WithTheEnvelopeAsTextJson() {
        OctoPrintAnswer answer = command(moonrakerPrinting, HostRequests.get(path("status")));

        assertEquals(200, answer.status());
        assertEquals(Optional.of("text/json"), answer.raw().orElseThrow().contentType());
        JsonObject envelope = json(answer);
        assertEquals(200, envelope.getInt("Status"));
        assertFalse(envelope.containsKey("Error"));
        assertTrue(envelope.containsKey("Result"));
    }

    @Test
    void statusShowsTheSharedPrinterState() {
        clock.advance(Duration.ofSeconds(400));

        JsonObject result = result(moonrakerPrinting, HostRequests.get(path("status")));

        JsonObject job = result.getJsonObject("JobStatus");
        assertEquals("printing", job.getString("State"));
        assertFalse(job.containsKey("MaterialSystem"));
        JsonObject print = job.getJsonObject("CurrentPrint");
        assertEquals(40.0, print.getJsonNumber("Progress").doubleValue());
        assertEquals(400, print.getInt("DurationSec"));
        assertEquals(600, print.getInt("TimeLeftSec"));
        assertEquals("benchy-1.gcode", print.getString("FileName"));
        assertEquals(100, print.getInt("CurrentLayer"));
        assertEquals(250, print.getInt("TotalLayers"));
        assertEquals(
                215.0,
                print.getJsonObject("Temps").getJsonNumber("HotendTarget").doubleValue());
        assertEquals(
                moonrakerPrinting.octoPrintAt(clock.instant()).bed().actual(),
                print.getJsonObject("Temps").getJsonNumber("BedActual").doubleValue());
        assertEquals("1.0.0", result.getString("PlatformVersion"));
        assertEquals(
                moonrakerPrinting.id() + "-" + clock.instant().minusSeconds(400).toEpochMilli(),
                result.getJsonObject("OctoEverywhereStatus").getString("MostRecentPrintIdStr"));
        JsonObject webcam =
                result.getJsonObject("ListWebcams").getJsonArray("Webcams").getJsonObject(0);
        assertFalse(webcam.containsKey("SnapshotUrl"));
    }

    @Test
    void aPrintThatRanOutIsCompleteAndStaysTheMostRecentOne() {
        command(octoPrintIdle, HostRequests.postJson(path("start"), "{\"Path\": \"gcode/calibration-cube.gcode\"}"));
        Instant started = clock.instant();
        clock.advance(Duration.ofSeconds(1500));

        JsonObject result = result(octoPrintIdle, HostRequests.get(path("status")));

        assertEquals("complete", result.getJsonObject("JobStatus").getString("State"));
        JsonObject print = result.getJsonObject("JobStatus").getJsonObject("CurrentPrint");
        assertEquals(100.0, print.getJsonNumber("Progress").doubleValue());
        assertEquals(1000, print.getInt("DurationSec"));
        assertEquals("calibration-cube.gcode", print.getString("FileName"));
        assertEquals(
                octoPrintIdle.id() + "-" + started.toEpochMilli(),
                result.getJsonObject("OctoEverywhereStatus").getString("MostRecentPrintIdStr"));
    }

    @Test
    void octoPrintReportsNoLayersAndItsDisplayName() {
        JsonObject print = result(octoPrintPrinting, HostRequests.get(path("status")))
                .getJsonObject("JobStatus")
                .getJsonObject("CurrentPrint");

        assertTrue(print.isNull("CurrentLayer"));
        assertTrue(print.isNull("TotalLayers"));
        assertEquals("benchy-1.gcode", print.getString("FileName"));
    }

    @Test
    void featuresDifferPerKindAndFollowTheControl() {
        assertEquals(32, features(octoPrintIdle));
        assertEquals(63, features(moonrakerIdle));
        assertEquals(33, features(otherPrinting));

        printers.update(moonrakerIdle.id(), controls -> controls.withFeatures(OptionalInt.of(1)));

        assertEquals(1, features(moonrakerIdle));
    }

    @Test
    void theMaterialSystemComesOnRequestAndJoinsByIds() {
        JsonObject system = result(otherPrinting, HostRequests.get(path("status"), "IncludeMaterialSystem", "true"))
                .getJsonObject("JobStatus")
                .getJsonObject("MaterialSystem");

        Set<String> sources = ids(system.getJsonArray("Sources"));
        Set<String> tools = ids(system.getJsonArray("Tools"));
        Set<String> units = ids(system.getJsonArray("Units"));
        assertEquals(5, sources.size());
        assertEquals(Set.of("tool-0"), tools);
        assertEquals(Set.of("ams-0"), units);
        for (JsonValue route : system.getJsonArray("Routes")) {
            assertTrue(sources.contains(route.asJsonObject().getString("SourceId")));
            assertTrue(tools.contains(route.asJsonObject().getString("ToolId")));
        }
        system.getJsonArray("Sources").stream()
                .map(JsonValue::asJsonObject)
                .filter(source -> source.containsKey("UnitId"))
                .forEach(source -> assertTrue(units.contains(source.getString("UnitId"))));
        assertEquals("loaded", system.getJsonArray("Routes").getJsonObject(0).getString("State"));
        assertTrue(system.getJsonObject("Capabilities").getBoolean("SupportsMultiMaterial"));
        assertTrue(system.getJsonArray("Sources").getJsonObject(3).getBoolean("IsEmpty"));
        assertFalse(system.getJsonArray("Sources").getJsonObject(3).containsKey("Material"));
    }

    @Test
    void aSingleToolPrinterHasOneSourceRoutedToItsTool() {
        JsonObject system = result(
                        moonrakerIdle, HostRequests.postJson(path("status"), "{\"IncludeMaterialSystem\": true}"))
                .getJsonObject("JobStatus")
                .getJsonObject("MaterialSystem");

        assertEquals(1, system.getJsonArray("Sources").size());
        assertEquals("source-0", system.getJsonArray("Routes").getJsonObject(0).getString("SourceId"));
        assertFalse(system.getJsonObject("Capabilities").getBoolean("SupportsMultiMaterial"));
    }

    @Test
    void aBadIncludeMaterialSystemIsABadArgument() {
        JsonObject envelope =
                envelope(moonrakerIdle, HostRequests.get(path("status"), "IncludeMaterialSystem", "maybe"));

        assertEquals(400, envelope.getInt("Status"));
        assertTrue(envelope.getString("Error").contains("IncludeMaterialSystem"));
    }

    @Test
    void aLightOnAPrinterWithoutOneIsFeatureUnsupported() {
        JsonObject envelope = envelope(
                octoPrintIdle, HostRequests.postJson(path("set-light"), "{\"Name\": \"chamber\", \"On\": true}"));

        assertEquals(788, envelope.getInt("Status"));
        assertFalse(envelope.containsKey("Result"));
    }

    @Test
    void theLightIsSwitchedAndShownInTheStatus() {
        assertEquals(
                200,
                envelope(
                                moonrakerIdle,
                                HostRequests.postJson(path("set-light"), "{\"Name\": \"chamber\", \"On\": true}"))
                        .getInt("Status"));

        JsonArray lights = result(moonrakerIdle, HostRequests.get(path("status")))
                .getJsonObject("JobStatus")
                .getJsonArray("Lights");
        assertEquals(
                Json.createObjectBuilder()
                        .add("Name", "chamber")
                        .add("On", true)
                        .build(),
                lights.getJsonObject(0));
        assertTrue(moonrakerIdle.lightOn());
        assertEquals(
                400,
                envelope(
                                moonrakerIdle,
                                HostRequests.postJson(path("set-light"), "{\"Name\": \"chamber\", \"On\": \"yes\"}"))
                        .getInt("Status"));
        assertEquals(
                400,
                envelope(moonrakerIdle, HostRequests.postJson(path("set-light"), "{\"Name\": \"desk\", \"On\": true}"))
                        .getInt("Status"));
    }

    @Test
    void pauseResumeAndCancelNeedTheRightState() {
        assertEquals(
                786, envelope(moonrakerIdle, HostRequests.post(path("pause"))).getInt("Status"));
        assertEquals(
                786,
                envelope(moonrakerPrinting, HostRequests.post(path("resume"))).getInt("Status"));

        assertEquals(
                200,
                envelope(moonrakerPrinting, HostRequests.post(path("pause"))).getInt("Status"));
        assertEquals("paused", state(moonrakerPrinting));
        assertEquals(
                200,
                envelope(moonrakerPrinting, HostRequests.post(path("resume"))).getInt("Status"));
        assertEquals("printing", state(moonrakerPrinting));
        assertEquals(
                200,
                envelope(moonrakerPrinting, HostRequests.post(path("cancel"))).getInt("Status"));
        assertEquals("cancelled", state(moonrakerPrinting));
        assertEquals(
                786,
                envelope(moonrakerPrinting, HostRequests.post(path("cancel"))).getInt("Status"));
    }

    @Test
    void aSmartPauseCoolsTheHotendLiftsZAndRetracts() {
        command(
                moonrakerPrinting,
                HostRequests.postJson(
                        path("pause"),
                        "{\"SmartPause\": true, " + "\"DisableBed\": true, \"ZLiftMm\": 5, \"RetractFilamentMm\": 2}"));

        assertEquals(0.0, moonrakerPrinting.heaters().tool0().target());
        assertEquals(0.0, moonrakerPrinting.heaters().bed().target());
        assertEquals(new Toolhead(0, 0, 5, -2, ""), moonrakerPrinting.toolhead());
        assertEquals(
                400,
                envelope(moonrakerIdle, HostRequests.postJson(path("pause"), "{\"SmartPause\": \"yes\"}"))
                        .getInt("Status"));
    }

    @Test
    void startPrintsAFileOfTheGcodeRoot() {
        JsonObject result = result(
                octoPrintIdle, HostRequests.postJson(path("start"), "{\"Path\": \"gcode/calibration-cube.gcode\"}"));

        assertEquals("gcode/calibration-cube.gcode", result.getString("VirtualPath"));
        assertEquals("calibration-cube.gcode", result.getString("PlatformPath"));
        assertEquals("printing", state(octoPrintIdle));
        assertEquals(
                786,
                envelope(
                                octoPrintIdle,
                                HostRequests.postJson(path("start"), "{\"Path\": \"gcode/calibration-cube.gcode\"}"))
                        .getInt("Status"));
    }

    @Test
    void startRefusalsSayWhy() {
        JsonObject missing = envelope(moonrakerIdle, HostRequests.postJson(path("start"), "{}"));
        JsonObject wrongRoot =
                envelope(moonrakerIdle, HostRequests.postJson(path("start"), "{\"Path\": \"logs/klippy.log\"}"));
        JsonObject unknownFile =
                envelope(moonrakerIdle, HostRequests.postJson(path("start"), "{\"Path\": \"gcode/nope.gcode\"}"));
        printers.update(moonrakerIdle.id(), controls -> controls.withFeatures(OptionalInt.of(0)));
        JsonObject unsupported = envelope(
                moonrakerIdle, HostRequests.postJson(path("start"), "{\"Path\": \"gcode/calibration-cube.gcode\"}"));

        assertEquals(400, missing.getInt("Status"));
        assertTrue(missing.getString("Error").startsWith("Missing Path"));
        assertEquals(400, wrongRoot.getInt("Status"));
        assertEquals(404, unknownFile.getInt("Status"));
        assertEquals(788, unsupported.getInt("Status"));
    }

    @Test
    void setTempChecksItsArgumentsThenTheFeatureThenSetsTheTargets() {
        assertEquals(
                400,
                envelope(moonrakerIdle, HostRequests.postJson(path("set-temp"), "{}"))
                        .getInt("Status"));
        assertEquals(
                400,
                envelope(moonrakerIdle, HostRequests.postJson(path("set-temp"), "{\"ToolC\": 300}"))
                        .getInt("Status"));
        assertEquals(
                400,
                envelope(moonrakerIdle, HostRequests.postJson(path("set-temp"), "{\"BedC\": true}"))
                        .getInt("Status"));
        assertEquals(
                788,
                envelope(octoPrintIdle, HostRequests.postJson(path("set-temp"), "{\"BedC\": 60}"))
                        .getInt("Status"));

        assertEquals(
                200,
                envelope(
                                moonrakerIdle,
                                HostRequests.postJson(
                                        path("set-temp"), "{\"BedC\": 60, \"ToolC\": 210.5, \"ChamberC\": 40}"))
                        .getInt("Status"));

        JsonObject temps = result(moonrakerIdle, HostRequests.get(path("status")))
                .getJsonObject("JobStatus")
                .getJsonObject("CurrentPrint")
                .getJsonObject("Temps");
        assertEquals(60.0, temps.getJsonNumber("BedTarget").doubleValue());
        assertEquals(210.5, temps.getJsonNumber("HotendTarget").doubleValue());
        assertEquals(40.0, temps.getJsonNumber("ChamberTarget").doubleValue());
    }

    @Test
    void movingNeedsHomedAxesAndStaysInsideTheBuildVolume() {
        assertEquals(
                752,
                envelope(
                                moonrakerIdle,
                                HostRequests.postJson(path("move-axis"), "{\"Axis\": \"X\", \"DistanceMm\": 10}"))
                        .getInt("Status"));

        assertEquals(
                200, envelope(moonrakerIdle, HostRequests.post(path("home"))).getInt("Status"));
        assertEquals(
                200,
                envelope(
                                moonrakerIdle,
                                HostRequests.postJson(path("move-axis"), "{\"Axis\": \"x\", \"DistanceMm\": 10}"))
                        .getInt("Status"));

        assertEquals(new Toolhead(10, 0, 0, 0, "xyz"), moonrakerIdle.toolhead());
        assertEquals(
                752,
                envelope(
                                moonrakerIdle,
                                HostRequests.postJson(path("move-axis"), "{\"Axis\": \"Z\", \"DistanceMm\": -1}"))
                        .getInt("Status"));
        assertEquals(
                400,
                envelope(
                                moonrakerIdle,
                                HostRequests.postJson(path("move-axis"), "{\"Axis\": \"E\", \"DistanceMm\": 1}"))
                        .getInt("Status"));
        assertEquals(
                786,
                envelope(moonrakerPrinting, HostRequests.post(path("home"))).getInt("Status"));
    }

    @Test
    void extrudingAColdHotendIsRefusedByThePrinter() {
        JsonObject cold =
                envelope(moonrakerIdle, HostRequests.postJson(path("extrude"), "{\"Extruder\": 0, \"DistanceMm\": 5}"));
        command(moonrakerIdle, HostRequests.postJson(path("set-temp"), "{\"ToolC\": 215}"));

        JsonObject hot =
                envelope(moonrakerIdle, HostRequests.postJson(path("extrude"), "{\"Extruder\": 0, \"DistanceMm\": 5}"));

        assertEquals(752, cold.getInt("Status"));
        assertTrue(cold.getString("Error").contains("Extrude below minimum temp"));
        assertEquals(200, hot.getInt("Status"));
        assertEquals(5.0, moonrakerIdle.toolhead().e());
        assertEquals(
                400,
                envelope(
                                moonrakerIdle,
                                HostRequests.postJson(path("extrude"), "{\"Extruder\": 0.5, \"DistanceMm\": 5}"))
                        .getInt("Status"));
    }

    @Test
    void anUnknownCommandIs754AndABodyThatIsNoJsonObjectIs751() {
        assertEquals(
                754, envelope(moonrakerIdle, HostRequests.get(path("nope"))).getInt("Status"));
        assertEquals(
                751,
                envelope(moonrakerIdle, HostRequests.postJson(path("pause"), "[1, 2]"))
                        .getInt("Status"));
        assertEquals(
                751,
                envelope(moonrakerIdle, HostRequests.postJson(path("pause"), "{oops"))
                        .getInt("Status"));
    }

    @Test
    void anOctoPrintWithoutItsPrinterIsHostNotConnected() {
        octoPrintIdle.setConnected(false, clock.instant());

        JsonObject status = envelope(octoPrintIdle, HostRequests.get(path("status")));

        assertEquals(785, status.getInt("Status"));
        assertEquals("Host not connected", status.getString("Error"));
    }

    @Test
    void filesAreListedAsAVirtualTreeAndDetailed() {
        command(
                moonrakerIdle,
                HostRequests.request(
                        "PUT",
                        path("files/upload"),
                        HostRequests.query("path", "gcode/models/part.gcode"),
                        Optional.empty(),
                        "G28\n".getBytes(StandardCharsets.US_ASCII)));

        JsonArray roots =
                result(moonrakerIdle, HostRequests.get(path("files/list"))).getJsonArray("Root");
        JsonObject gcode = roots.getJsonObject(0);

        assertEquals(
                List.of("gcode", "config", "logs"),
                roots.stream()
                        .map(root -> root.asJsonObject().getString("Name"))
                        .toList());
        JsonObject models = gcode.getJsonArray("Children").getJsonObject(0);
        assertEquals("folder", models.getString("Type"));
        assertEquals("gcode/models", models.getString("VirtualPath"));
        JsonObject part = models.getJsonArray("Children").getJsonObject(0);
        assertEquals("gcode/models/part.gcode", part.getString("VirtualPath"));
        assertEquals("models/part.gcode", part.getString("PlatformPath"));
        assertEquals(4, part.getInt("SizeBytes"));
        JsonObject details =
                result(moonrakerIdle, HostRequests.get(path("files/details"), "path", "gcode/models/part.gcode"));
        assertEquals("part.gcode", details.getString("FileName"));
        assertEquals(1000, details.getInt("EstPrintTimeSec"));
        assertEquals(
                1,
                result(moonrakerIdle, HostRequests.get(path("files/list"), "root", "gcode"))
                        .getJsonArray("Root")
                        .size());
    }

    @Test
    void uploadDownloadAndDeleteRoundTrip() {
        JsonObject uploaded = result(
                otherPrinting,
                HostRequests.request(
                        "PUT",
                        path("files/upload"),
                        HostRequests.query("path", "gcode/plate.gcode"),
                        Optional.empty(),
                        "G1 X1\n".getBytes(StandardCharsets.US_ASCII)));
        OctoPrintAnswer download =
                command(otherPrinting, HostRequests.get(path("files/download"), "path", "gcode/plate.gcode"));
        JsonObject deleted =
                result(otherPrinting, HostRequests.post(path("files/delete"), "path", "gcode/plate.gcode"));
        OctoPrintAnswer gone =
                command(otherPrinting, HostRequests.get(path("files/download"), "path", "gcode/plate.gcode"));

        assertEquals(6, uploaded.getInt("SizeBytes"));
        assertEquals(200, download.status());
        assertEquals("G1 X1\n", new String(download.raw().orElseThrow().bytes(), StandardCharsets.US_ASCII));
        assertEquals("gcode/plate.gcode", deleted.getString("VirtualPath"));
        assertEquals(404, gone.status());
        assertEquals(404, json(gone).getInt("Status"));
        assertTrue(otherPrinting.files().find("local", "plate.gcode").isEmpty());
    }

    @Test
    void theFileBeingPrintedCannotBeDeleted() {
        command(moonrakerIdle, HostRequests.postJson(path("start"), "{\"Path\": \"gcode/calibration-cube.gcode\"}"));
        command(octoPrintIdle, HostRequests.postJson(path("start"), "{\"Path\": \"gcode/calibration-cube.gcode\"}"));

        assertEquals(
                403,
                envelope(moonrakerIdle, HostRequests.post(path("files/delete"), "path", "gcode/calibration-cube.gcode"))
                        .getInt("Status"));
        assertEquals(
                409,
                envelope(octoPrintIdle, HostRequests.post(path("files/delete"), "path", "gcode/calibration-cube.gcode"))
                        .getInt("Status"));
    }

    @Test
    void anEmptyUploadOrAnUnknownRootIsABadArgument() {
        assertEquals(
                400,
                envelope(
                                moonrakerIdle,
                                HostRequests.request(
                                        "PUT",
                                        path("files/upload"),
                                        HostRequests.query("path", "gcode/x.gcode"),
                                        Optional.empty(),
                                        new byte[0]))
                        .getInt("Status"));
        assertEquals(
                400,
                envelope(otherPrinting, HostRequests.get(path("files/list"), "root", "logs"))
                        .getInt("Status"));
        assertEquals(
                400,
                envelope(otherPrinting, HostRequests.get(path("files/details"), "path", "../x"))
                        .getInt("Status"));
    }

    @Test
    void webcamListHasTheOneCameraWithItsLocalUrls() {
        JsonObject list = result(moonrakerIdle, HostRequests.get(path("webcam/list")));

        assertEquals(0, list.getInt("DefaultIndex"));
        JsonObject webcam = list.getJsonArray("Webcams").getJsonObject(0);
        assertEquals("/webcam/?action=snapshot", webcam.getString("SnapshotUrl"));
        assertTrue(result(otherPrinting, HostRequests.get(path("webcam/list")))
                .getJsonArray("Webcams")
                .getJsonObject(0)
                .isNull("StreamUrl"));
    }

    @Test
    void aWebcamIndexThatIsNoNumberIsRefusedWithHttp400() {
        Optional<OctoPrintAnswer> refused =
                CommandApi.refusedWebcamIndex(HostRequests.get(path("webcam/snapshot"), "index", "front"));

        assertEquals(400, refused.orElseThrow().status());
        assertTrue(CommandApi.refusedWebcamIndex(HostRequests.get(path("webcam/snapshot"), "index", "3"))
                .isEmpty());
        assertTrue(CommandApi.webcamAction(path("WEBCAM/Stream")).isPresent());
    }

    private int features(EmulatedPrinter printer) {
        return result(printer, HostRequests.get(path("status"))).getInt("Features");
    }

    private String state(EmulatedPrinter printer) {
        return result(printer, HostRequests.get(path("status")))
                .getJsonObject("JobStatus")
                .getString("State");
    }

    private static Set<String> ids(JsonArray items) {
        return items.stream().map(item -> item.asJsonObject().getString("Id")).collect(Collectors.toSet());
    }

    private JsonObject result(EmulatedPrinter printer, OctoPrintRequest request) {
        JsonObject envelope = envelope(printer, request);
        assertEquals(200, envelope.getInt("Status"), envelope.toString());
        return envelope.getJsonObject("Result");
    }

    private JsonObject envelope(EmulatedPrinter printer, OctoPrintRequest request) {
        OctoPrintAnswer answer = command(printer, request);
        assertEquals(200, answer.status());
        return json(answer);
    }

    private OctoPrintAnswer command(EmulatedPrinter printer, OctoPrintRequest request) {
        return CommandApi.answer(request, printer, clock.instant()).answer();
    }

    static JsonObject json(OctoPrintAnswer answer) {
        return Json.createReader(
                        new ByteArrayInputStream(answer.raw().orElseThrow().bytes()))
                .readObject();
    }

    static String path(String command) {
        return CommandApi.PREFIX + command;
    }
}
