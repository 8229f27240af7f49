package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.Axis;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.PrinterPlatform;
import dev.printfarm.appconnection.api.command.CommandFeature;
import dev.printfarm.appconnection.api.command.CommandFile;
import dev.printfarm.appconnection.api.command.CommandStatus;
import dev.printfarm.appconnection.api.command.CommandWebcam;
import dev.printfarm.appconnection.api.command.MaterialSystem;
import dev.printfarm.appconnection.api.command.PrinterCommands;
import dev.printfarm.appconnection.api.command.SmartPause;
import dev.printfarm.appconnection.api.command.TemperatureTargets;
import dev.printfarm.appconnection.api.error.CommandRefusedException;
import dev.printfarm.appconnection.api.error.FeatureUnsupportedException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.stream.FileDownload;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OctoEverywhere's printer-agnostic command API through the relay, against the sandbox's three kinds of printer
 * (printer 0 "other" — a Bambu-like printer with an AMS, 1 Moonraker, 2 OctoPrint): status with features and the
 * material system joined by ids, every control and its refusals (788 unsupported, 786 wrong state, 752 refused by the
 * printer), webcams, files, bad input refused before any traffic, and OctoEverywhere's own 6xx. Also the platform the
 * module learns for each printer. Runs inside Liberty.
 */
@ExtendWith(ArquillianExtension.class)
class CommandApiIT {

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox(Map.of("sandbox.printer-kinds", "other,moonraker,octoprint"));
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-commands-it", Map.of("appconnection.lan.enabled", "false"), CommandApiIT.class);
    }

    @Inject
    AppConnectionService service;

    private SandboxClient sandbox;

    /** Made in the server (the test class is also instantiated on the client, where no configuration is). */
    private SandboxClient control() {
        if (sandbox == null) {
            sandbox = SandboxClient.onThisServer();
        }
        return sandbox;
    }

    private String printerId(int index) {
        return control().printers().getJsonObject(index).getString("id");
    }

    private String connect(int index) {
        return PortalDriver.connect(service, PortalRequest.forOwner("commands-it"), printerId(index));
    }

    private int commandsReceived(int index) {
        return control().commandCalls(printerId(index)).size();
    }

    @Test
    @OperateOnDeployment("module")
    void eachKindReportsItsFeaturesAndPlatformAndTheAmsIsJoinedById() {
        String other = connect(0);
        String moonraker = connect(1);
        String octoprint = connect(2);
        assertEquals(PrinterPlatform.OTHER, service.platform(other));
        assertEquals(PrinterPlatform.MOONRAKER, service.platform(moonraker));
        assertEquals(PrinterPlatform.OCTOPRINT, service.platform(octoprint));

        CommandStatus bambu = service.commands(other).status(true);
        assertEquals(EnumSet.of(CommandFeature.LIGHT, CommandFeature.PRINT_START), bambu.features());
        assertTrue(bambu.supports(CommandFeature.LIGHT));
        assertFalse(bambu.supports(CommandFeature.TEMPERATURE));
        assertTrue(bambu.platformVersion().isPresent());
        MaterialSystem ams = bambu.materialSystem().orElseThrow();
        assertTrue(ams.capabilities().multiMaterial());
        List<MaterialSystem.Source> slots = ams.sourcesIn("ams-0");
        assertEquals(4, slots.size(), ams.toString());
        assertTrue(slots.get(3).empty() && slots.get(3).material().isEmpty(), "the fourth slot is empty");
        assertEquals("ams-0", ams.unitOf(slots.get(0)).orElseThrow().id());
        MaterialSystem.Source loaded = ams.loadedInto("tool-0").orElseThrow();
        assertEquals("ams-0-source-0", loaded.id());
        assertEquals("PLA", loaded.material().orElseThrow().type().orElseThrow());
        assertTrue(ams.sourcesFor("tool-0").stream().anyMatch(s -> s.id().equals("external-spool")));
        assertTrue(ams.source("external-spool").orElseThrow().unitId().isEmpty());
        assertTrue(service.commands(other).status().materialSystem().isEmpty(), "only when asked for");

        assertEquals(
                EnumSet.allOf(CommandFeature.class),
                service.commands(moonraker).status().features());
        assertEquals(
                Set.of(CommandFeature.PRINT_START),
                service.commands(octoprint).status().features());
        assertEquals(
                1,
                service.commands(octoprint)
                        .status(true)
                        .materialSystem()
                        .orElseThrow()
                        .tools()
                        .size());
    }

    @Test
    @OperateOnDeployment("module")
    void controlsWorkAndRefusalsAreTyped() {
        PrinterCommands bambu = service.commands(connect(0));
        idle(bambu);
        CommandRefusedException notPrinting =
                assertThrows(CommandRefusedException.class, () -> bambu.pausePrint(SmartPause.plain()));
        assertEquals(786, notPrinting.commandStatus());
        assertTrue(notPrinting.isTemporary());

        String file = bambu.files().get(0).virtualPath();
        bambu.startPrint(file);
        assertEquals(CommandStatus.State.PRINTING, bambu.status().state());
        assertTrue(bambu.status().print().orElseThrow().progress().isPresent());
        bambu.pausePrint(SmartPause.smart(5, 2));
        assertEquals(CommandStatus.State.PAUSED, bambu.status().state());
        bambu.resumePrint();
        assertEquals(CommandStatus.State.PRINTING, bambu.status().state());
        bambu.cancelPrint();
        assertFalse(List.of(CommandStatus.State.PRINTING, CommandStatus.State.PAUSED)
                .contains(bambu.status().state()));

        bambu.setLight("chamber", true);
        assertTrue(bambu.status().lights().contains(new CommandStatus.Light("chamber", true)));
        bambu.setLight("chamber", false);
        assertTrue(bambu.status().lights().contains(new CommandStatus.Light("chamber", false)));
        FeatureUnsupportedException noHeaters = assertThrows(
                FeatureUnsupportedException.class, () -> bambu.setTemperatures(TemperatureTargets.tool(200)));
        assertEquals(788, noHeaters.commandStatus());
        assertFalse(noHeaters.isTemporary());
        assertThrows(FeatureUnsupportedException.class, () -> bambu.moveAxis(Axis.X, 10));

        PrinterCommands klipper = service.commands(connect(1));
        idle(klipper);
        klipper.home();
        klipper.moveAxis(Axis.X, 10);
        klipper.setTemperatures(TemperatureTargets.bed(60));
        CommandRefusedException cold = assertThrows(CommandRefusedException.class, () -> klipper.extrude(0, 5));
        assertEquals(752, cold.commandStatus(), cold.getMessage());
        assertFalse(cold.isTemporary());
        var setTemp = control().commandCalls(printerId(1)).stream()
                .map(v -> v.asJsonObject())
                .filter(c -> c.getString("command").equals("set-temp"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertEquals(200, setTemp.getInt("status"), setTemp.toString());
        assertEquals(60.0, setTemp.getJsonObject("args").getJsonNumber("BedC").doubleValue(), 0.01, setTemp.toString());
        assertEquals(
                10.0,
                control()
                        .printer(printerId(1))
                        .getJsonObject("toolhead")
                        .getJsonNumber("x")
                        .doubleValue(),
                0.01,
                "the move reached the printer after homing");

        PrinterCommands octoprint = service.commands(connect(2));
        assertThrows(FeatureUnsupportedException.class, () -> octoprint.setLight("chamber", true));
    }

    private static void idle(PrinterCommands printer) {
        CommandStatus.State state = printer.status().state();
        if (state == CommandStatus.State.PRINTING || state == CommandStatus.State.PAUSED) {
            printer.cancelPrint();
        }
        Await.until(
                Duration.ofSeconds(10),
                () -> !List.of(CommandStatus.State.PRINTING, CommandStatus.State.PAUSED)
                        .contains(printer.status().state()),
                () -> "the printer did not stop");
    }

    @Test
    @OperateOnDeployment("module")
    void webcamsAndFilesGoThroughTheCommandApi() throws IOException {
        PrinterCommands bambu = service.commands(connect(0));
        List<CommandWebcam> webcams = bambu.webcams();
        assertFalse(webcams.isEmpty());
        assertEquals(1, webcams.stream().filter(CommandWebcam::isDefault).count());
        byte[] jpeg = bambu.snapshot(0).data();
        assertTrue(jpeg.length > 100 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8, "a JPEG");
        try (FileDownload stream = bambu.webcamStream(0)) {
            assertTrue(
                    stream.contentType().orElse("").startsWith("multipart/x-mixed-replace"),
                    stream.contentType().toString());
            byte[] start = stream.body().readNBytes(20_000);
            assertTrue(new String(start, StandardCharsets.ISO_8859_1).contains("image/jpeg"), "frames come");
        }

        byte[] content = "G28\nG1 X10 Y10\n".repeat(500).getBytes(StandardCharsets.US_ASCII);
        CommandFile uploaded =
                bambu.upload("gcode/it/cube part.gcode", new ByteArrayInputStream(content), content.length);
        assertEquals("gcode/it/cube part.gcode", uploaded.virtualPath());
        assertTrue(
                bambu.files().stream().anyMatch(f -> f.virtualPath().equals("gcode/it/cube part.gcode")),
                "listed: " + bambu.files());
        assertEquals(
                content.length,
                bambu.file("gcode/it/cube part.gcode").file().sizeBytes().orElseThrow());
        try (FileDownload download = bambu.download("gcode/it/cube part.gcode")) {
            assertArrayEquals(content, download.body().readAllBytes());
        }
        bambu.delete("gcode/it/cube part.gcode");
        CommandRefusedException gone =
                assertThrows(CommandRefusedException.class, () -> bambu.download("gcode/it/cube part.gcode"));
        assertEquals(404, gone.commandStatus());
        assertEquals(
                404,
                assertThrows(CommandRefusedException.class, () -> bambu.file("gcode/nothing.gcode"))
                        .commandStatus());

        int before = commandsReceived(0);
        for (String bad : new String[] {"../etc/passwd", "gcode/../x.gcode", "gcode/", "logs/a.log", "gcode//a"}) {
            IllegalArgumentException refused = assertThrows(
                    IllegalArgumentException.class,
                    () -> bambu.upload(bad, new ByteArrayInputStream(content), content.length),
                    bad);
            assertTrue(refused.getMessage().contains("gcode/"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> bambu.moveAxis(Axis.Z, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> bambu.extrude(-1, 1));
        assertEquals(before, commandsReceived(0), "bad input never reached the printer");
    }

    @Test
    @OperateOnDeployment("module")
    void octoEverywheresOwnFailuresComeAsForAnyRelayedCall() {
        String id = connect(0);
        control().control(printerId(0), "{\"failWith\": 612}");
        try {
            OctoEverywhereException failed = assertThrows(
                    OctoEverywhereException.class, () -> service.commands(id).status());
            assertEquals(612, failed.octoEverywhereCode().orElseThrow());
            assertTrue(failed.printerStatus().isEmpty(), "OctoEverywhere answered, not the printer");
        } finally {
            control().control(printerId(0), "{\"failWith\": null}");
        }
        assertEquals(
                CommandStatus.State.class, service.commands(id).status().state().getClass());
    }

    /**
     * The plugin refuses a webcam or download command it cannot serve (no camera, a streamer that is down, a file it
     * cannot read) with HTTP 200 and its envelope in JSON, not with an error status: such an answer is the refusal,
     * never an image, a stream or a file; and an answer of the wrong type is unreadable, with the printer's own status.
     */
    @Test
    @OperateOnDeployment("module")
    void aBinaryCommandRefusedWithHttp200AndAnEnvelopeIsARefusalNotData() throws IOException {
        String printer = printerId(0);
        PrinterCommands commands = service.commands(connect(0));
        String refusal = "{\"method\": \"GET\", \"path\": \"/octoeverywhere-command-api/%s\", \"status\": 200,"
                + " \"headers\": {\"Content-Type\": \"text/json\"}, \"body\": {\"Status\": %d, \"Error\": \"%s\"}}";
        try {
            control()
                    .printerResource(
                            printer,
                            "responses",
                            refusal.formatted(
                                    "webcam/snapshot", 754, "The command path didn't match any known commands."));
            control()
                    .printerResource(
                            printer,
                            "responses",
                            refusal.formatted(
                                    "webcam/stream", 754, "The command path didn't match any known commands."));
            control()
                    .printerResource(
                            printer, "responses", refusal.formatted("files/download", 752, "Failed to read the file."));
            CommandRefusedException snapshot = assertThrows(CommandRefusedException.class, () -> commands.snapshot(0));
            assertEquals(754, snapshot.commandStatus());
            assertTrue(snapshot.getMessage().contains("didn't match"), snapshot.getMessage());
            assertEquals(
                    754,
                    assertThrows(CommandRefusedException.class, () -> commands.webcamStream(0))
                            .commandStatus());
            assertEquals(
                    752,
                    assertThrows(CommandRefusedException.class, () -> commands.download("gcode/cube.gcode"))
                            .commandStatus());

            control()
                    .printerResource(
                            printer,
                            "responses",
                            "{\"method\": \"GET\", \"path\":"
                                    + " \"/octoeverywhere-command-api/webcam/snapshot\", \"status\": 200,"
                                    + " \"headers\": {\"Content-Type\": \"text/html\"}, \"body\": \"<html>login</html>\"}");
            dev.printfarm.appconnection.api.error.UnreadableAnswerException html = assertThrows(
                    dev.printfarm.appconnection.api.error.UnreadableAnswerException.class, () -> commands.snapshot(0));
            assertEquals(200, html.printerStatus().orElseThrow(), "the printer's own status, no made-up 502");
            assertTrue(html.printerBody().isEmpty(), "a success body is not kept");
            assertTrue(html.getMessage().contains("text/html instead of an image"), html.getMessage());
        } finally {
            control().printerResource(printer, "responses", null);
        }
        assertTrue(commands.snapshot(0).data().length > 100, "the camera again once the printer serves it");
    }
}
