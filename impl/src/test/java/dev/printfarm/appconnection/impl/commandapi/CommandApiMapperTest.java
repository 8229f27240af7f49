package dev.printfarm.appconnection.impl.commandapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.command.CommandFeature;
import dev.printfarm.appconnection.api.command.CommandFile;
import dev.printfarm.appconnection.api.command.CommandFileDetails;
import dev.printfarm.appconnection.api.command.CommandStatus;
import dev.printfarm.appconnection.api.command.CommandWebcam;
import dev.printfarm.appconnection.api.command.MaterialSystem;
import dev.printfarm.appconnection.impl.json.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The command API's envelopes, in the shapes the sandbox's emulation sends, read by the policy and mapped. */
class CommandApiMapperTest {

    private static <R> CommandAnswer<R> envelope(String body, Class<R> result) {
        return WireJson.read(body, WireJson.type(CommandAnswer.class, result));
    }

    @Test
    void theStatusReadsStatePrintLightsFeaturesAndTheMaterialSystem() {
        CommandAnswer<CommandStatusAnswer> answer = envelope("""
                {"Status": 200, "Result": {
                  "JobStatus": {"State": "Printing", "Error": null, "Lights": [{"Name": "chamber", "On": true}, {"On": false}],
                    "CurrentPrint": {"FileName": "gcode/parts/hook.gcode", "Progress": 37.5, "DurationSec": 61,
                      "TimeLeftSec": "99.5", "CurrentLayer": 12, "TotalLayers": 250,
                      "Temps": {"BedActual": 59.9, "BedTarget": 60, "HotendActual": 214.6, "HotendTarget": 215}},
                    "MaterialSystem": {"Capabilities": {"SupportsMultiMaterial": true, "SupportsDrying": false},
                      "Sources": [{"Id": "ams0-0", "Index": 0, "Name": "A1", "UnitId": "ams0", "IsEmpty": false,
                                   "Material": {"Type": "PLA", "ColorHex": "#FF0000", "RemainingPercent": 80}},
                                  {"Name": "no id"}],
                      "Tools": [{"Id": "t0", "IsActive": true, "ActualCelsius": 215}],
                      "Units": [{"Id": "ams0", "HumidityPercent": 20.5}],
                      "Routes": [{"SourceId": "ams0-0", "ToolId": "t0", "State": "loaded"}, {"SourceId": "x"}]}},
                  "OctoEverywhereStatus": {"Future": 1}, "PlatformVersion": "Bambu 01.08", "Features": 33}}""", CommandStatusAnswer.class);
        assertEquals(200, answer.status());
        CommandStatus status = CommandApiMapper.status(answer.result());
        assertEquals(CommandStatus.State.PRINTING, status.state());
        assertEquals(Optional.empty(), status.error());
        assertEquals(List.of(new CommandStatus.Light("chamber", true)), status.lights(), "a light needs a name");
        assertEquals(EnumSet.of(CommandFeature.LIGHT, CommandFeature.PRINT_START), status.features());
        assertEquals(Optional.of("Bambu 01.08"), status.platformVersion());
        CommandStatus.Print print = status.print().orElseThrow();
        assertEquals(Optional.of("gcode/parts/hook.gcode"), print.fileName());
        assertEquals(OptionalDouble.of(37.5), print.progress());
        assertEquals(Optional.of(Duration.ofSeconds(61)), print.duration());
        assertEquals(Optional.of(Duration.ofMillis(99_500)), print.timeLeft(), "seconds may come as text");
        assertEquals(OptionalInt.of(250), print.totalLayers());
        assertEquals(OptionalDouble.of(215), print.temperatures().hotendTarget());
        assertEquals(OptionalDouble.empty(), print.temperatures().chamberActual());
        MaterialSystem ams = status.materialSystem().orElseThrow();
        assertTrue(ams.capabilities().multiMaterial());
        assertFalse(ams.capabilities().drying());
        assertEquals(1, ams.sources().size(), "a source needs an id");
        assertEquals(
                Optional.of("#FF0000"),
                ams.sources().get(0).material().orElseThrow().colorHex());
        assertEquals("t0", ams.tools().get(0).name(), "a tool without a name is named by its id");
        assertEquals(1, ams.routes().size());
    }

    @Test
    void aStatusWithoutAPrintOrAnUnknownStateIsReadToo() {
        CommandStatus idle =
                CommandApiMapper.status(envelope("""
                {"Status": 200, "Result": {"JobStatus": {"State": "Warming up", "CurrentPrint": "none"}, "Features": "x"}}""", CommandStatusAnswer.class).result());
        assertEquals(CommandStatus.State.UNKNOWN, idle.state());
        assertEquals(Optional.empty(), idle.print());
        assertTrue(idle.features().isEmpty());
        assertEquals(CommandStatus.State.UNKNOWN, CommandApiMapper.status(null).state());
    }

    @Test
    void anEnvelopeWithoutAStatusIsNoEnvelope() {
        assertNull(envelope("{\"Result\": {}}", CommandAnswer.Ignored.class).status());
        CommandAnswer<CommandAnswer.Ignored> refused = envelope(
                "{\"Status\": 788, \"Error\": \"The printer does not support lights.\"}", CommandAnswer.Ignored.class);
        assertEquals(788, refused.status());
        assertEquals("The printer does not support lights.", refused.error());
    }

    @Test
    void webcamsAreIndexedInTheOrderListedWithTheDefaultMarked() {
        List<CommandWebcam> cams = CommandApiMapper.webcams(
                envelope("""
                {"Status": 200, "Result": {"DefaultIndex": 1, "Webcams": [
                  {"Name": "Nozzle", "Enabled": true, "FlipH": true, "Rotation": 90}, {"Enabled": false}]}}""", CommandWebcamsAnswer.class).result());
        assertEquals(new CommandWebcam(0, "Nozzle", false, true, true, false, 90), cams.get(0));
        assertEquals(new CommandWebcam(1, "Webcam 1", true, false, false, false, 0), cams.get(1));
    }

    @Test
    void theGcodeRootsFilesAreFlattenedInTheOrderListed() {
        List<CommandFile> files =
                CommandApiMapper.files(envelope("""
                {"Status": 200, "Result": {"Root": [
                  {"Name": "gcode", "VirtualPath": "gcode", "Type": "folder", "Children": [
                    {"Name": "parts", "Type": "folder", "VirtualPath": "gcode/parts", "Children": [
                      {"FileName": "hook.gcode", "VirtualPath": "gcode/parts/hook.gcode", "SizeBytes": 2048,
                       "ModifiedTimeSec": 1700000000}]},
                    {"VirtualPath": "gcode/cube.gcode", "PlatformPath": "/sdcard/cube.gcode"},
                    {"Name": "no path"}]},
                  {"Name": "timelapse", "Children": [{"VirtualPath": "timelapse/a.mp4"}]}]}}""", CommandFilesAnswer.class).result());
        assertEquals(
                List.of("gcode/parts/hook.gcode", "gcode/cube.gcode"),
                files.stream().map(CommandFile::virtualPath).toList());
        assertEquals("hook.gcode", files.get(0).name());
        assertEquals(OptionalLong.of(2048), files.get(0).sizeBytes());
        assertEquals(
                Optional.of(Instant.ofEpochSecond(1_700_000_000)), files.get(0).modifiedAt());
        assertEquals("cube.gcode", files.get(1).name(), "named by its path when it has no name");
    }

    @Test
    void detailsAddTheSlicersFiguresAndFallBackToTheAskedPath() {
        CommandFileDetails details =
                CommandApiMapper.details(envelope("""
                {"Status": 200, "Result": {"Name": "hook.gcode", "VirtualPath": "gcode/hook.gcode", "EstPrintTimeSec": 3600,
                  "EstFilamentUsedMm": 1852.5, "LayerCount": 250, "LayerHeightMm": 0.2, "FilamentType": "PLA",
                  "Slicer": "OrcaSlicer"}}""", CommandFileAnswer.class).result(), "gcode/hook.gcode");
        assertEquals(Optional.of(Duration.ofHours(1)), details.estimatedPrintTime());
        assertEquals(OptionalInt.of(250), details.layerCount());
        assertEquals(Optional.of("OrcaSlicer"), details.slicer());
        assertEquals(
                "a.gcode",
                CommandApiMapper.details(null, "gcode/x/a.gcode").file().name());
    }
}
