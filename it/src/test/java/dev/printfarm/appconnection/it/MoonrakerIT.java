package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.PrinterPlatform;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.PrinterCircuitOpenException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.moonraker.MoonrakerClient;
import dev.printfarm.appconnection.api.moonraker.MoonrakerFile;
import dev.printfarm.appconnection.api.moonraker.MoonrakerFileMetadata;
import dev.printfarm.appconnection.api.moonraker.MoonrakerJob;
import dev.printfarm.appconnection.api.moonraker.MoonrakerListener;
import dev.printfarm.appconnection.api.moonraker.MoonrakerServerInfo;
import dev.printfarm.appconnection.api.moonraker.MoonrakerStatus;
import dev.printfarm.appconnection.api.moonraker.MoonrakerUploadResult;
import dev.printfarm.appconnection.api.moonraker.MoonrakerWebcam;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The typed Moonraker client through the relay against the sandbox's emulated Klipper printers: REST reads, print
 * control and the emergency stop, files, history, webcams, the printer id from Moonraker's database, errors of
 * Moonraker and of the relay, and the JSON-RPC websocket's merged statuses while a print runs. Five printers, each
 * test its own; the odd-numbered ones (indexes 0, 2, 4) run the sandbox's print loop. Prints last two minutes, so
 * progress moves visibly between updates. Runs inside Liberty.
 */
@ExtendWith(ArquillianExtension.class)
class MoonrakerIT {

    private static final String CUBE = "calibration-cube.gcode";
    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox(
                Map.of("sandbox.printer-kinds", "moonraker", "sandbox.printers", "7", "sandbox.job-seconds", "120"));
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-moonraker-it",
                Map.of(
                        "appconnection.lan.enabled",
                        "false",
                        "appconnection.push.reconnect-initial",
                        "PT0.3S",
                        "appconnection.push.keepalive",
                        "PT1S"),
                MoonrakerIT.class);
    }

    @Inject
    AppConnectionService service;

    private static String printerId(int index) {
        return SandboxClient.onThisServer().printers().getJsonObject(index).getString("id");
    }

    private String connect(String printerId) {
        return PortalDriver.connect(service, PortalRequest.forOwner("moonraker-it"), printerId);
    }

    private static String state(MoonrakerStatus status) {
        return status.printStats().flatMap(MoonrakerStatus.PrintStats::state).orElse("?");
    }

    private static String klippy(MoonrakerStatus status) {
        return status.webhooks().flatMap(MoonrakerStatus.Webhooks::state).orElse("?");
    }

    @Test
    @OperateOnDeployment("module")
    void serverPrinterStatusWebcamsAndThePrinterIdAreReadThroughTheRelay() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printer = printerId(0);
        MoonrakerClient moonraker = service.moonraker(connect(printer));

        MoonrakerServerInfo server = moonraker.serverInfo();
        assertTrue(server.klippyConnected());
        assertEquals(Optional.of("ready"), server.klippyState());
        assertTrue(server.moonrakerVersion().isPresent() && server.apiVersion().isPresent(), server.toString());
        assertTrue(server.components().contains("history"), server.components().toString());
        assertEquals(Optional.of("ready"), moonraker.printerInfo().state());
        assertTrue(moonraker.printerInfo().hostname().isPresent());

        MoonrakerStatus status = moonraker.status();
        assertEquals("ready", klippy(status));
        assertEquals("printing", state(status), "the first printer runs the sandbox's print loop: " + status);
        assertTrue(status.eventtime().isPresent());
        assertTrue(status.virtualSdcard().orElseThrow().progress().isPresent());
        assertEquals(215.0, status.extruder().orElseThrow().target().getAsDouble());
        assertEquals(60.0, status.heaterBed().orElseThrow().target().getAsDouble());
        assertTrue(status.displayStatus().orElseThrow().progress().isPresent());

        List<MoonrakerWebcam> cams = moonraker.webcams();
        assertEquals(1, cams.size(), cams.toString());
        assertEquals(Optional.of("/webcam/?action=stream"), cams.get(0).streamPath());
        assertEquals(Optional.of("/webcam/?action=snapshot"), cams.get(0).snapshotPath());

        assertEquals(Optional.of(printer), moonraker.printerId());
        sandbox.control(printer, "{\"plugin\": false}");
        try {
            assertEquals(Optional.empty(), moonraker.printerId(), "no plugin, no namespace: 404 is no printer id");
        } finally {
            sandbox.restore(printer);
        }
    }

    @Test
    @OperateOnDeployment("module")
    void printsStartPauseResumeCancelAndAnEmergencyStopShutsKlipperDown() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printer = printerId(1);
        String id = connect(printer);
        MoonrakerClient moonraker = service.moonraker(id);
        assertTrue(moonraker.files().stream().anyMatch(f -> f.path().equals(CUBE)));

        int before = sandbox.relayedRequests(id);
        IllegalArgumentException escaping =
                assertThrows(IllegalArgumentException.class, () -> moonraker.startPrint("../printer.cfg"));
        assertTrue(escaping.getMessage().contains("gcodes root"), escaping.getMessage());
        assertThrows(IllegalArgumentException.class, () -> moonraker.startPrint(CUBE + "\"\nM112"));
        assertThrows(IllegalArgumentException.class, () -> moonraker.metadata("/etc/passwd"));
        assertEquals(before, sandbox.relayedRequests(id), "bad file names are refused before any traffic");

        PrinterResponseException missing =
                assertThrows(PrinterResponseException.class, () -> moonraker.startPrint("no-such-file.gcode"));
        assertEquals(400, missing.printerStatus().getAsInt());
        assertEquals("The printer answered HTTP 400: Unable to open file", missing.getMessage());
        assertTrue(
                missing.printerBody().orElseThrow().contains("Unable to open file"),
                missing.printerBody().toString());

        moonraker.startPrint(CUBE);
        MoonrakerStatus printing = moonraker.status();
        assertEquals("printing", state(printing));
        assertEquals(Optional.of(CUBE), printing.printStats().orElseThrow().filename());
        PrinterResponseException busy = assertThrows(PrinterResponseException.class, () -> moonraker.startPrint(CUBE));
        assertTrue(busy.getMessage().endsWith("SD busy"), busy.getMessage());
        moonraker.pausePrint();
        assertEquals("paused", state(moonraker.status()));
        moonraker.resumePrint();
        assertEquals("printing", state(moonraker.status()));
        moonraker.cancelPrint();
        assertEquals("cancelled", state(moonraker.status()));

        moonraker.startPrint(CUBE);
        moonraker.emergencyStop();
        MoonrakerStatus stopped = moonraker.status();
        assertEquals("shutdown", klippy(stopped));
        assertEquals("error", state(stopped), "the print ends with the shutdown");
        assertEquals(0.0, stopped.extruder().orElseThrow().target().getAsDouble(), "heaters off");
        assertEquals(Optional.of("shutdown"), moonraker.printerInfo().state());
        PrinterResponseException refused =
                assertThrows(PrinterResponseException.class, () -> moonraker.startPrint(CUBE));
        assertTrue(refused.getMessage().contains("Printer is shutdown"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), "Klipper's message on one line");

        moonraker.firmwareRestart();
        assertEquals("ready", klippy(moonraker.status()));
        moonraker.startPrint(CUBE);
        assertEquals("printing", state(moonraker.status()));
        moonraker.cancelPrint();
    }

    @Test
    @OperateOnDeployment("module")
    void uploadsAreListedWithTheirMetadataAndPrintsShowInTheHistory() {
        String printer = printerId(3);
        MoonrakerClient moonraker = service.moonraker(connect(printer));
        byte[] gcode = "; moonraker-it\nG28\nG1 X10 Y10 F3000\n".getBytes(StandardCharsets.UTF_8);

        MoonrakerUploadResult stored =
                moonraker.upload("it jigs/clamp.gcode", new ByteArrayInputStream(gcode), gcode.length, false);
        assertEquals("it jigs/clamp.gcode", stored.file().path());
        assertEquals(gcode.length, stored.file().size().getAsLong());
        assertFalse(stored.printStarted());
        MoonrakerFile listed = moonraker.files().stream()
                .filter(f -> f.path().equals("it jigs/clamp.gcode"))
                .findFirst()
                .orElseThrow();
        assertEquals(gcode.length, listed.size().getAsLong());
        assertTrue(listed.modified().isPresent());

        MoonrakerFileMetadata metadata =
                moonraker.metadata("it jigs/clamp.gcode").orElseThrow();
        assertEquals("it jigs/clamp.gcode", metadata.filename());
        assertEquals(250, metadata.layerCount().getAsInt());
        assertEquals(Optional.of("PrusaSlicer"), metadata.slicer());
        assertEquals(120.0, metadata.estimatedSeconds().getAsDouble());
        assertEquals(Optional.empty(), moonraker.metadata("no/such-file.gcode"), "404 is no metadata");

        assertThrows(
                IllegalArgumentException.class,
                () -> moonraker.upload("short.gcode", new ByteArrayInputStream(gcode), gcode.length + 10, false));

        MoonrakerUploadResult started =
                moonraker.upload("it jigs/run.gcode", new ByteArrayInputStream(gcode), gcode.length, true);
        assertTrue(started.printStarted());
        assertEquals(
                Optional.of("it jigs/run.gcode"),
                moonraker.status().printStats().orElseThrow().filename());
        MoonrakerJob running = moonraker.history(0, 5).get(0);
        assertEquals("it jigs/run.gcode", running.filename());
        assertEquals(Optional.of("in_progress"), running.status());
        assertTrue(running.fileExists());
        moonraker.cancelPrint();
        MoonrakerJob cancelled = moonraker.history(0, 5).get(0);
        assertEquals(running.jobId(), cancelled.jobId());
        assertEquals(Optional.of("cancelled"), cancelled.status());
        assertTrue(cancelled.endTime().isPresent());
        assertTrue(
                moonraker.history(1, 5).stream().noneMatch(job -> job.jobId().equals(running.jobId())),
                "start skips the newest");
        assertThrows(IllegalArgumentException.class, () -> moonraker.history(0, 0));
    }

    @Test
    @OperateOnDeployment("module")
    void moonrakersErrorsAndTheRelays6xxSurfaceAsTheApisExceptions() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printer = printerId(4);
        MoonrakerClient moonraker = service.moonraker(connect(printer));

        PrinterResponseException busy = assertThrows(PrinterResponseException.class, () -> moonraker.startPrint(CUBE));
        assertEquals("The printer answered HTTP 400: SD busy", busy.getMessage(), "the loop prints already");
        assertEquals(400, busy.printerStatus().getAsInt());
        assertTrue(busy.octoEverywhereCode().isEmpty());
        assertFalse(busy.isTemporary());

        sandbox.control(printer, "{\"failWith\": 601}");
        try {
            PrinterOfflineException offline = assertThrows(PrinterOfflineException.class, moonraker::status);
            assertEquals(601, offline.octoEverywhereCode().getAsInt());
            sandbox.control(printer, "{\"failWith\": 605}");
            ConnectionSuspendedException suspended =
                    assertThrows(ConnectionSuspendedException.class, moonraker::serverInfo);
            assertTrue(suspended.isTemporary());
            assertTrue(
                    suspended.supporterUrl().toString().contains("nosupporterperks"),
                    suspended.supporterUrl().toString());
        } finally {
            sandbox.restore(printer);
        }
        assertEquals("ready", klippy(moonraker.status()), "the connection works again");
    }

    /**
     * An emergency stop is sent even while the connection's breaker is open, when an ordinary command is refused
     * without traffic: not sending it is the harm. Its answer closes the breaker.
     */
    @Test
    @OperateOnDeployment("module")
    void anEmergencyStopGoesThroughAnOpenBreaker() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printer = printerId(5);
        String id = connect(printer);
        MoonrakerClient moonraker = service.moonraker(id);
        sandbox.control(printer, "{\"failWith\": 601}");
        try {
            boolean open = false;
            for (int i = 0; i < 10 && !open; i++) {
                AppConnectionException failed = assertThrows(AppConnectionException.class, moonraker::serverInfo);
                open = failed instanceof PrinterCircuitOpenException;
            }
            assertTrue(open, "the breaker opened after the printer failed again and again");
        } finally {
            sandbox.control(printer, "{\"failWith\": null}");
        }
        int before = sandbox.relayedRequests(id);
        assertThrows(PrinterCircuitOpenException.class, moonraker::pausePrint, "a pause waits for the breaker");
        assertEquals(before, sandbox.relayedRequests(id), "and sends nothing");
        moonraker.emergencyStop();
        assertEquals(before + 1, sandbox.relayedRequests(id), "the emergency stop was sent");
        assertEquals(
                "shutdown", klippy(moonraker.status()), "it stopped the printer, and its answer closed the breaker");
        moonraker.firmwareRestart();
        assertEquals("ready", klippy(moonraker.status()));
    }

    /**
     * Gadget watches a Klipper printer with the fleet monitor off (as in this deployment): the job is read in
     * Moonraker's terms (OctoPrint's /api/job is a 404 there), so a printing printer is polled.
     */
    @Test
    @OperateOnDeployment("module")
    void gadgetWatchesAPrintingKlipperPrinterWithoutTheFleetMonitor() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printer = printerId(6);
        String id = connect(printer);
        List<GadgetUpdate> heard = new CopyOnWriteArrayList<>();
        Subscription watch = service.watchGadget(id, heard::add);
        try {
            Await.until(
                    Duration.ofSeconds(30),
                    () -> !sandbox.gadgetCalls(printer, id).isEmpty(),
                    () -> "Gadget was never asked about the printing Klipper printer");
            Await.until(Duration.ofSeconds(10), () -> !heard.isEmpty(), () -> "no Gadget update heard");
            assertEquals(PrinterPlatform.MOONRAKER, service.platform(id), "learned when Gadget first needed the job");
        } finally {
            watch.close();
        }
    }

    /** Collects the statuses of a subscription and its end. */
    private static final class Statuses implements MoonrakerListener {
        final List<MoonrakerStatus> received = new CopyOnWriteArrayList<>();
        final AtomicReference<StreamEnd> end = new AtomicReference<>();

        @Override
        public void onStatus(MoonrakerStatus status) {
            received.add(status);
        }

        @Override
        public void onEnd(StreamEnd streamEnd) {
            end.set(streamEnd);
        }

        MoonrakerStatus last() {
            return received.get(received.size() - 1);
        }

        /** Waits for a status received after the first {@code skip} ones that matches. */
        MoonrakerStatus await(int skip, Predicate<MoonrakerStatus> wanted, String what) {
            Await.until(
                    WITHIN,
                    () -> received.stream().skip(skip).anyMatch(wanted),
                    () -> what + "; last: " + (received.isEmpty() ? "none" : last()));
            return received.stream().skip(skip).filter(wanted).findFirst().orElseThrow();
        }
    }

    @Test
    @OperateOnDeployment("module")
    void aSubscriptionDeliversMergedStatusesAsAPrintRunsAndSurvivesADrop() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printer = printerId(2);
        String id = connect(printer);
        MoonrakerClient moonraker = service.moonraker(id);

        Statuses first = new Statuses();
        Subscription subscription = moonraker.subscribe(first);
        first.await(0, s -> "printing".equals(state(s)), "the loop's print in the subscription's answer");
        moonraker.cancelPrint();
        first.await(0, s -> "cancelled".equals(state(s)), "the cancel in an update");
        moonraker.startPrint(CUBE);
        MoonrakerStatus started = first.await(
                0,
                s -> "printing".equals(state(s))
                        && s.printStats()
                                .flatMap(MoonrakerStatus.PrintStats::filename)
                                .equals(Optional.of(CUBE)),
                "the new print in an update");
        int mark = first.received.size();
        double progress = started.virtualSdcard().orElseThrow().progress().orElse(0);
        double temperature = started.extruder().orElseThrow().temperature().orElseThrow();
        first.await(
                mark,
                s -> s.virtualSdcard().orElseThrow().progress().orElse(0) > progress + 0.005,
                "progress to move on from " + progress);
        first.await(
                mark,
                s -> s.extruder().orElseThrow().temperature().orElseThrow() != temperature,
                "the hotend temperature to move from " + temperature);
        for (MoonrakerStatus status : first.received) {
            assertTrue(
                    status.printStats().isPresent()
                            && status.virtualSdcard().isPresent()
                            && status.extruder().isPresent()
                            && status.heaterBed().isPresent()
                            && status.displayStatus().isPresent()
                            && status.webhooks().isPresent(),
                    "every delivered status is whole, whatever its update carried: " + status);
            assertEquals("ready", klippy(status), "webhooks never changes here, so it comes from the merge");
        }
        int delivered = first.received.size();
        JsonObject sockets = sandbox.printerJson(printer, "push").getJsonObject("moonraker");
        assertEquals(1, sockets.getInt("open"), sockets.toString());
        assertEquals(1, sockets.getInt("subscribed"), sockets.toString());
        assertTrue(sockets.getInt("framesSent") >= delivered, "one frame per status at most: " + sockets);

        Statuses second = new Statuses();
        Subscription another = moonraker.subscribe(second);
        second.await(0, s -> "printing".equals(state(s)), "a late subscriber to get the current status");
        assertEquals(
                1,
                sandbox.printerJson(printer, "push").getJsonObject("moonraker").getInt("open"),
                "both subscriptions share one socket");

        assertEquals(1, sandbox.printerPost(printer, "push/drop").getInt("dropped"));
        int afterDrop = first.received.size();
        Await.until(
                WITHIN,
                () -> sandbox.printerJson(printer, "push")
                                .getJsonObject("moonraker")
                                .getJsonObject("statuses")
                                .getInt("101", 0)
                        >= 2,
                () -> "no reconnect: " + sandbox.printerJson(printer, "push"));
        first.await(
                afterDrop,
                s -> s.virtualSdcard().orElseThrow().progress().orElse(0) > progress,
                "statuses again after the reconnect");
        assertEquals(null, first.end.get(), "a drop is no end");

        // Klipper halts, then restarts: Moonraker says so (disconnected, then ready) and forgets the subscription, so
        // statuses after the restart come only if the module subscribes again.
        int beforeStop = first.received.size();
        moonraker.emergencyStop();
        first.await(beforeStop, s -> "shutdown".equals(klippy(s)), "the shutdown in the subscription");
        moonraker.firmwareRestart();
        MoonrakerStatus away = first.await(
                beforeStop, s -> "disconnected".equals(klippy(s)), "Klipper's restart, as Moonraker without Klipper");
        assertEquals("Offline", away.statusText());
        assertTrue(away.extruder().isEmpty(), "nothing of the old status holds while Klipper is away: " + away);
        int down = first.received.indexOf(away) + 1;
        first.await(
                down, s -> "ready".equals(klippy(s)) && s.extruder().isPresent(), "a whole status after the restart");
        moonraker.startPrint(CUBE);
        int restarted = first.received.size();
        first.await(
                restarted,
                s -> "printing".equals(state(s))
                        && s.virtualSdcard().orElseThrow().progress().orElse(0) > 0,
                "updates after the restart: subscribed again");
        moonraker.cancelPrint();
        // Pinged every second (keepalive PT1S), through the quiet of the shutdown too: pongs kept the socket, so the
        // sandbox saw two handshakes in all, the first and the one after the drop.
        assertEquals(
                2,
                sandbox.printerJson(printer, "push")
                        .getJsonObject("moonraker")
                        .getJsonObject("statuses")
                        .getInt("101", 0),
                () -> "handshakes: " + sandbox.printerJson(printer, "push"));

        subscription.close();
        another.close();
        Await.until(
                WITHIN,
                () -> sandbox.printerJson(printer, "push")
                                .getJsonObject("moonraker")
                                .getInt("open")
                        == 0,
                () -> "the socket stays open without subscribers");
        moonraker.cancelPrint();

        sandbox.revoke(id);
        Statuses revoked = new Statuses();
        Subscription gone = moonraker.subscribe(revoked);
        Await.until(WITHIN, () -> revoked.end.get() != null, () -> "no end for a revoked connection");
        gone.close();
        assertEquals(StreamEnd.Reason.FAILED, revoked.end.get().reason());
        assertTrue(
                revoked.end.get().failure().orElseThrow() instanceof ConnectionGoneException,
                revoked.end.get().toString());
        assertTrue(revoked.received.isEmpty());
    }
}
