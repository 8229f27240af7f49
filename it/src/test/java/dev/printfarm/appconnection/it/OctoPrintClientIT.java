package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.Axis;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import dev.printfarm.appconnection.api.octoprint.OctoPrintConnectRequest;
import dev.printfarm.appconnection.api.octoprint.OctoPrintFile;
import dev.printfarm.appconnection.api.octoprint.OctoPrintFiles;
import dev.printfarm.appconnection.api.octoprint.OctoPrintJog;
import dev.printfarm.appconnection.api.octoprint.OctoPrintLogin;
import dev.printfarm.appconnection.api.octoprint.OctoPrintPrinterQuery;
import dev.printfarm.appconnection.api.octoprint.OctoPrintPrinterState;
import dev.printfarm.appconnection.api.octoprint.OctoPrintStorage;
import dev.printfarm.appconnection.api.octoprint.OctoPrintSystemCommand;
import dev.printfarm.appconnection.api.octoprint.OctoPrintUploadOptions;
import dev.printfarm.appconnection.api.octoprint.OctoPrintUploadResult;
import dev.printfarm.appconnection.api.stream.FileDownload;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of the typed OctoPrint client through the relay, against the sandbox's emulated OctoPrint in
 * its 1.x and its 2.0 shapes (file lists as arrays or maps, {@code sd} or {@code storage}, {@code free} as a
 * number or a string, {@code sdcard} or {@code printer}). Runs inside Liberty.
 */
@ExtendWith(ArquillianExtension.class)
class OctoPrintClientIT {

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-octoprint-it", Map.of("appconnection.lan.enabled", "false"), OctoPrintClientIT.class);
    }

    @Inject
    AppConnectionService service;

    @Test
    @OperateOnDeployment("module")
    void everyEndpointWorksOnOctoPrint1() throws IOException {
        exerciseEveryEndpoint(0, "1");
    }

    @Test
    @OperateOnDeployment("module")
    void everyEndpointWorksOnOctoPrint2() throws IOException {
        exerciseEveryEndpoint(1, "2");
    }

    /**
     * Issue 20: a printer's 200 whose JSON arrives without a content type is read, and an answer that is not JSON is
     * the printer's unusable answer naming what came back, not a relay that could not be reached.
     */
    @Test
    @OperateOnDeployment("module")
    void aJsonAnswerWithoutAContentTypeIsReadAndOneThatIsNotJsonSaysWhatCameBack() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(2).getString("id");
        PortalDriver browser = new PortalDriver();
        URI callback = browser.authorize(browser.start(service, PortalRequest.forOwner("octoprint-it")), printerId);
        assertEquals(303, browser.get(callback).statusCode());
        OctoPrintClient octoPrint =
                service.octoPrint(PortalDriver.query(callback).get("id"));
        String script = "{\"method\": \"GET\", \"path\": \"/api/job\", \"status\": 200, \"headers\": %s, \"body\": %s}";
        try {
            sandbox.printerResource(
                    printerId,
                    "responses",
                    script.formatted("{}", "{\"state\": \"Printing\", \"progress\": {\"completion\": 12.5}}"));
            assertEquals("Printing", octoPrint.job().statusText().orElseThrow());
            assertEquals(12.5, octoPrint.job().progress().getAsDouble());

            sandbox.printerResource(
                    printerId,
                    "responses",
                    script.formatted("{\"Content-Type\": \"text/html\"}", "\"<html><body>Sign in</body></html>\""));
            UnreadableAnswerException unusable = assertThrows(UnreadableAnswerException.class, octoPrint::job);
            assertEquals(200, unusable.printerStatus().orElseThrow(), "the printer's own status, no made-up 502");
            assertTrue(
                    unusable.getMessage().contains("HTTP 200")
                            && unusable.getMessage().contains("text/html")
                            && unusable.getMessage().contains("<html><body>Sign in"),
                    unusable.getMessage());
        } finally {
            sandbox.printerResource(printerId, "responses", null);
        }
    }

    private void exerciseEveryEndpoint(int printerIndex, String generation) throws IOException {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(printerIndex).getString("id");
        sandbox.control(printerId, "{\"octoprintVersion\": \"" + generation + "\"}");
        PortalDriver browser = new PortalDriver();
        URI callback = browser.authorize(
                browser.start(service, PortalRequest.forOwner("octoprint-it").withOctoPrintApiKey("OctoPrint IT")),
                printerId);
        assertEquals(303, browser.get(callback).statusCode());
        OctoPrintClient octoPrint =
                service.octoPrint(PortalDriver.query(callback).get("id"));

        assertTrue(octoPrint.version().server().orElseThrow().startsWith(generation + "."));
        assertTrue(octoPrint.server().version().isPresent());
        assertTrue(octoPrint.server().safeMode().isEmpty());

        OctoPrintLogin login = octoPrint.passiveLogin();
        assertFalse(login.name().isEmpty());
        String session = login.session().orElseThrow();
        assertFalse(login.toString().contains(session), "the session never shows in toString");

        assertTrue(octoPrint.serialConnection().connected());
        assertFalse(octoPrint.serialConnection().availableBaudrates().isEmpty());

        // Job control while it prints (start one when the emulated printer idles).
        if (!"Printing".equals(octoPrint.job().statusText().orElse(""))) {
            OctoPrintFile first =
                    octoPrint.files(OctoPrintStorage.LOCAL, true).allFiles().get(0);
            octoPrint.selectFile(OctoPrintStorage.LOCAL, first.path(), false);
            octoPrint.startPrint();
        }
        assertEquals("Printing", octoPrint.job().statusText().orElseThrow());
        octoPrint.pausePrint();
        assertEquals("Paused", octoPrint.job().statusText().orElseThrow());
        octoPrint.togglePausePrint();
        assertEquals("Printing", octoPrint.job().statusText().orElseThrow());
        octoPrint.togglePausePrint();
        octoPrint.resumePrint();
        assertEquals("Printing", octoPrint.job().statusText().orElseThrow());
        PrinterResponseException busy =
                assertThrows(PrinterResponseException.class, () -> octoPrint.home(Set.of(Axis.X)));
        assertEquals(409, busy.printerStatus().getAsInt(), "OctoPrint refuses to move the head while printing");
        octoPrint.cancelPrint();
        await(() -> !octoPrint.printer().printing(), "the print to stop");

        // Printer state, heaters and motion.
        OctoPrintPrinterState printer = octoPrint.printer();
        assertTrue(printer.operational());
        assertTrue(printer.temperature("tool0").isPresent());
        assertEquals(Boolean.FALSE, printer.storageReady().orElseThrow(), "sd (1.x) or storage (2.0) is read");
        assertTrue(octoPrint
                .printer(OctoPrintPrinterQuery.all().excluding("temperature"))
                .temperatures()
                .isEmpty());
        List<?> history =
                octoPrint.printer(OctoPrintPrinterQuery.all().withHistory(3)).history();
        assertTrue(!history.isEmpty() && history.size() <= 3, "history " + history.size());
        octoPrint.setBedTarget(55);
        octoPrint.setToolTargets(Map.of("tool0", 205.0));
        octoPrint.setToolOffsets(Map.of("tool0", 3.0));
        octoPrint.setBedOffset(-2);
        OctoPrintPrinterState heated = octoPrint.printer();
        assertEquals(55.0, heated.temperature("bed").orElseThrow().target().getAsDouble());
        assertEquals(205.0, heated.temperature("tool0").orElseThrow().target().getAsDouble());
        assertEquals(3.0, heated.temperature("tool0").orElseThrow().offset().getAsDouble());
        assertEquals(-2.0, heated.temperature("bed").orElseThrow().offset().getAsDouble());
        assertThrows(IllegalArgumentException.class, () -> octoPrint.setBedTarget(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> octoPrint.setToolTargets(Map.of("extruder", 200.0)));
        octoPrint.jog(OctoPrintJog.by(10, -5, 0.2).atSpeed(3000));
        octoPrint.home(Set.of(Axis.X, Axis.Y, Axis.Z));
        octoPrint.sendGcode(List.of("M117 octoprint-it " + generation, "G4 P0"));
        assertTrue(sandbox.gcode(printerId).contains("M117 octoprint-it " + generation));

        // Files: listing, upload with a folder, one file, download, select, delete.
        OctoPrintFiles all = octoPrint.files();
        assertFalse(all.allFiles().isEmpty());
        assertTrue(all.freeBytes().isPresent() && all.totalBytes().isPresent(), "free/total as number or string");
        OctoPrintFile known = all.allFiles().get(0);
        assertEquals(
                known.path(),
                octoPrint.file(known.location(), known.path()).orElseThrow().path());
        assertTrue(octoPrint.file(OctoPrintStorage.LOCAL, "no/such/file.gcode").isEmpty());
        octoPrint
                .files(OctoPrintStorage.PRINTER, false)
                .files()
                .forEach(f -> assertEquals(OctoPrintStorage.PRINTER, f.location()));

        byte[] gcode = ("; octoprint-it " + generation + "\nG28\nG1 X10 Y10 F3000\n").getBytes(StandardCharsets.UTF_8);
        OctoPrintUploadResult uploaded = octoPrint.upload(
                OctoPrintStorage.LOCAL,
                "it parts/cube " + generation + ".gcode",
                new ByteArrayInputStream(gcode),
                gcode.length,
                OctoPrintUploadOptions.storeOnly());
        assertEquals(
                "it parts/cube " + generation + ".gcode",
                uploaded.file().orElseThrow().path());
        assertFalse(uploaded.selected());
        OctoPrintFile stored = octoPrint
                .file(OctoPrintStorage.LOCAL, "it parts/cube " + generation + ".gcode")
                .orElseThrow();
        assertEquals(gcode.length, stored.size().getAsLong());
        assertTrue(octoPrint.files(OctoPrintStorage.LOCAL, true).allFiles().stream()
                .anyMatch(f -> f.path().equals(stored.path())));
        try (FileDownload download = octoPrint.download(OctoPrintStorage.LOCAL, stored.path())) {
            assertArrayEquals(gcode, download.body().readAllBytes());
            assertEquals(gcode.length, download.length().getAsLong());
        }
        octoPrint.selectFile(OctoPrintStorage.LOCAL, stored.path(), false);
        assertEquals(stored.name(), octoPrint.job().file().orElseThrow());
        octoPrint.deleteFile(OctoPrintStorage.LOCAL, stored.path());
        assertTrue(octoPrint.file(OctoPrintStorage.LOCAL, stored.path()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> octoPrint.file(OctoPrintStorage.LOCAL, "../etc/passwd"));

        // Serial connection, settings, profiles, system commands, the OctoEverywhere plugin.
        octoPrint.disconnectSerial();
        assertFalse(octoPrint.serialConnection().connected());
        octoPrint.connectSerial(OctoPrintConnectRequest.auto());
        await(() -> octoPrint.serialConnection().connected(), "OctoPrint to reconnect");

        var settings = octoPrint.settings();
        assertTrue(settings.name().isPresent());
        assertTrue(settings.webcam().orElseThrow().streamUrl().isPresent());
        assertFalse(octoPrint.printerProfiles().isEmpty());
        assertEquals(
                1, octoPrint.printerProfiles().stream().filter(p -> p.current()).count());
        List<OctoPrintSystemCommand> commands = octoPrint.systemCommands();
        assertFalse(commands.isEmpty());
        octoPrint.runSystemCommand(commands.get(0));

        assertEquals(printerId, octoPrint.octoEverywherePlugin().orElseThrow().printerId());
        sandbox.control(printerId, "{\"plugin\": false}");
        assertTrue(octoPrint.octoEverywherePlugin().isEmpty(), "no plugin → empty, not an error");
        sandbox.restore(printerId);
    }

    private static void await(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
