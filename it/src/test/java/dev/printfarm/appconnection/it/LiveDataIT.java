package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import dev.printfarm.appconnection.api.octoprint.OctoPrintStorage;
import dev.printfarm.appconnection.api.stream.PushListener;
import dev.printfarm.appconnection.api.stream.PushMessage;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import dev.printfarm.appconnection.api.stream.Webcam;
import dev.printfarm.appconnection.api.stream.WebcamImage;
import dev.printfarm.appconnection.api.stream.WebcamListener;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live data through the relay against the sandbox: webcam snapshots and MJPEG streams (shared among viewers, ended
 * before the account's length limit, held back after a 609) and OctoPrint's push socket (frames while a job runs,
 * reconnect after a drop, the end once the connection is revoked). Jobs last two minutes here, so progress moves
 * visibly between push frames.
 */
@ExtendWith(ArquillianExtension.class)
class LiveDataIT {

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox(Map.of("sandbox.job-seconds", "120"));
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-live-it",
                Map.of(
                        "appconnection.push.reconnect-initial",
                        "PT0.3S",
                        "appconnection.push.reconnect-max",
                        "PT2S",
                        "appconnection.relay.breaker.open-duration",
                        "PT2S",
                        "appconnection.push.keepalive",
                        "PT1S"),
                LiveDataIT.class);
    }

    @Inject
    AppConnectionService service;

    private static String printerId(int index) {
        return SandboxClient.onThisServer().printers().getJsonObject(index).getString("id");
    }

    private String connect(String printerId) {
        return PortalDriver.connect(
                service, PortalRequest.forOwner("live-it").withOctoPrintApiKey("Live IT"), printerId);
    }

    /** Collects a stream's frames and its end. */
    private static final class Frames implements WebcamListener {
        final List<WebcamImage> frames = new CopyOnWriteArrayList<>();
        final AtomicReference<StreamEnd> end = new AtomicReference<>();
        volatile Instant endedAt;

        @Override
        public void onFrame(WebcamImage frame) {
            frames.add(frame);
        }

        @Override
        public void onEnd(StreamEnd streamEnd) {
            endedAt = Instant.now();
            end.set(streamEnd);
        }
    }

    @Test
    @OperateOnDeployment("module")
    void aSnapshotThroughTheRelayIsADecodableJpegAndWithoutCredentialsTheRelaySays606() throws Exception {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printer = printerId(0);
        String id = connect(printer);

        List<Webcam> cams = service.webcams(id);
        assertEquals(
                "/webcam/?action=snapshot",
                cams.get(0).snapshotPath().orElseThrow(),
                "OctoPrint's absolute, printer-local snapshot URL is mapped to the printer's /webcam/ path: " + cams);
        WebcamImage snapshot = service.snapshot(id);
        assertEquals("image/jpeg", snapshot.contentType());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(snapshot.data()));
        assertNotNull(image, "a decodable JPEG");
        assertEquals(320, image.getWidth());
        assertEquals(1, sandbox.printerJson(printer, "webcam").getInt("snapshots"), "one snapshot reached the relay");

        URI relaySnapshot = URI.create(service.connection(id).orElseThrow().relayUrl() + "/webcam/?action=snapshot");
        HttpResponse<byte[]> anonymous = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(relaySnapshot)
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(606, anonymous.statusCode(), "the relay wants its credentials on webcam requests too");
    }

    @Test
    @OperateOnDeployment("module")
    void theModuleEndsAStreamBeforeTheAccountsLengthLimitCutsIt() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printer = printerId(1);
        sandbox.control(printer, "{\"limits\": {\"maxWebcamSeconds\": 5}}");
        try {
            String id = connect(printer);
            Frames viewer = new Frames();
            Instant start = Instant.now();
            Subscription subscription = service.watchWebcam(id, viewer);
            Await.until(Duration.ofSeconds(15), () -> viewer.end.get() != null, () -> "the stream did not end");
            subscription.close();
            assertEquals(
                    StreamEnd.Reason.LENGTH_LIMIT,
                    viewer.end.get().reason(),
                    viewer.end.get().toString());
            Duration lasted = Duration.between(start, viewer.endedAt);
            assertTrue(
                    lasted.compareTo(Duration.ofSeconds(3)) > 0 && lasted.compareTo(Duration.ofSeconds(5)) < 0,
                    "ended after " + lasted + ", the limit is 5 s");
            assertTrue(viewer.frames.size() >= 10, viewer.frames.size() + " frames at 5 a second");
            JsonObject counts = sandbox.printerJson(printer, "webcam");
            assertEquals(0, counts.getInt("cutAtLimit"), "the relay never had to cut it: " + counts);
            Await.until(
                    Duration.ofSeconds(5),
                    () -> sandbox.printerJson(printer, "webcam").getInt("activeStreams") == 0,
                    () -> "the upstream stream stays open: " + sandbox.printerJson(printer, "webcam"));
        } finally {
            sandbox.control(printer, "{\"limits\": null}");
        }
    }

    @Test
    @OperateOnDeployment("module")
    void fiveViewersShareOneStreamFromThePrinter() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printer = printerId(2);
        String id = connect(printer);
        List<Frames> viewers = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Frames viewer = new Frames();
            viewers.add(viewer);
            subscriptions.add(service.watchWebcam(id, viewer));
        }
        Await.until(
                Duration.ofSeconds(10),
                () -> viewers.stream().allMatch(v -> v.frames.size() >= 5),
                () -> "frames per viewer: "
                        + viewers.stream().map(v -> v.frames.size()).toList());
        JsonObject counts = sandbox.printerJson(printer, "webcam");
        assertEquals(1, counts.getInt("streamsOpened"), counts.toString());
        assertEquals(1, counts.getInt("maxConcurrentStreams"), counts.toString());
        subscriptions.forEach(Subscription::close);
        Await.until(
                Duration.ofSeconds(5),
                () -> sandbox.printerJson(printer, "webcam").getInt("activeStreams") == 0,
                () -> "the last viewer left, the stream stays open: " + sandbox.printerJson(printer, "webcam"));
        viewers.forEach(v -> assertEquals(null, v.end.get(), "viewers that left hear nothing more"));
    }

    @Test
    @OperateOnDeployment("module")
    void a609HoldsBackEveryWebcamRequestOfTheConnectionInsteadOfHammering() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printer = printerId(0);
        sandbox.control(printer, "{\"webcamBackToBack\": {\"max\": 1, \"windowSeconds\": 60}}");
        try {
            String id = connect(printer);
            service.snapshot(id);
            WebcamLimitException refused = assertThrows(WebcamLimitException.class, () -> service.snapshot(id));
            assertEquals(609, refused.octoEverywhereCode().getAsInt());
            Duration hint = refused.retryAfter().orElseThrow();
            assertTrue(hint.compareTo(Duration.ofSeconds(5)) >= 0, "retry after " + hint);
            for (int i = 0; i < 10; i++) {
                WebcamLimitException held = assertThrows(WebcamLimitException.class, () -> service.snapshot(id));
                assertTrue(held.retryAfter().isPresent());
                assertTrue(held.octoEverywhereCode().isEmpty(), "refused here, without asking OctoEverywhere");
            }
            Frames viewer = new Frames();
            try (Subscription ignored = service.watchWebcam(id, viewer)) {
                Await.until(Duration.ofSeconds(5), () -> viewer.end.get() != null, () -> "the stream did not fail");
            }
            assertInstanceOf(
                    WebcamLimitException.class, viewer.end.get().failure().orElseThrow());
            JsonObject counts = sandbox.printerJson(printer, "webcam");
            assertEquals(1, counts.getInt("refused609"), "one 609, no retry storm: " + counts);
        } finally {
            sandbox.control(printer, "{\"webcamBackToBack\": null}");
        }
    }

    /** Collects push messages and the end. */
    private static final class Pushes implements PushListener {
        final List<PushMessage> messages = new CopyOnWriteArrayList<>();
        final AtomicReference<StreamEnd> end = new AtomicReference<>();

        @Override
        public void onMessage(PushMessage message) {
            messages.add(message);
        }

        @Override
        public void onEnd(StreamEnd streamEnd) {
            end.set(streamEnd);
        }

        List<PushMessage.State> currentAfter(Instant after) {
            return messages.stream()
                    .filter(m -> m instanceof PushMessage.State s
                            && !s.history()
                            && s.receivedAt().isAfter(after))
                    .map(m -> (PushMessage.State) m)
                    .toList();
        }
    }

    @Test
    @OperateOnDeployment("module")
    void pushFramesFollowTheJobSurviveADropAndEndWhenTheConnectionIsRevoked() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printer = printerId(1);
        String id = connect(printer);
        var octoPrint = service.octoPrint(id);
        Await.until(
                Duration.ofSeconds(15),
                () -> {
                    if (octoPrint.printer().printing()) {
                        return true;
                    }
                    try {
                        // Every emulated printer has this file; selecting it with print=true starts a job.
                        octoPrint.selectFile(OctoPrintStorage.LOCAL, "calibration-cube.gcode", true);
                    } catch (PrinterResponseException e) {
                        // 409: the printer is between states; look again.
                    }
                    return false;
                },
                () -> "the printer does not print: " + octoPrint.printer() + " " + octoPrint.job());
        Pushes pushes = new Pushes();
        Subscription subscription = service.watchPush(id, pushes);
        try {
            Instant start = Instant.now();
            Await.until(
                    Duration.ofSeconds(10),
                    () -> pushes.currentAfter(start).size() >= 6,
                    () -> "push messages: " + pushes.messages.size());
            assertTrue(
                    pushes.messages.get(0) instanceof PushMessage.Connected,
                    pushes.messages.get(0).toString());
            List<PushMessage.State> current = pushes.currentAfter(start);
            double first = current.get(0).job().progress().orElseThrow();
            double last = current.get(current.size() - 1).job().progress().orElseThrow();
            assertTrue(last > first, "progress moves: " + first + " -> " + last);
            assertEquals(1, sandbox.printerJson(printer, "push").getInt("handshakes"));

            JsonObject dropped = sandbox.printerPost(printer, "push/drop");
            assertEquals(1, dropped.getInt("dropped"), dropped.toString());
            Instant afterDrop = Instant.now();
            Await.until(
                    Duration.ofSeconds(10),
                    () -> pushes.currentAfter(afterDrop).size() >= 2,
                    () -> "no frames after the drop: " + sandbox.printerJson(printer, "push"));
            assertEquals(2, sandbox.printerJson(printer, "push").getInt("handshakes"), "one reconnect");

            // A reconnect whose login fails (the printer is offline for a moment) is tried again until one succeeds.
            sandbox.control(printer, "{\"failWith\": 601}");
            sandbox.printerPost(printer, "push/drop");
            Await.during(Duration.ofSeconds(2));
            sandbox.control(printer, "{\"failWith\": null}");
            Instant back = Instant.now();
            Await.until(
                    Duration.ofSeconds(20),
                    () -> pushes.currentAfter(back).size() >= 2,
                    () -> "push did not come back after a failed reconnect: " + sandbox.printerJson(printer, "push"));
            assertEquals(null, pushes.end.get(), "a temporary failure does not end the subscription");

            sandbox.revoke(id);
            sandbox.printerPost(printer, "push/drop");
            Await.until(
                    Duration.ofSeconds(10),
                    () -> pushes.end.get() != null,
                    () -> "push did not end after the revocation");
            assertEquals(
                    604,
                    pushes.end
                            .get()
                            .failure()
                            .orElseThrow()
                            .octoEverywhereCode()
                            .getAsInt(),
                    pushes.end.get().toString());
            assertEquals(
                    ConnectionState.REVOKED,
                    service.connection(id).orElseThrow().state());
            int handshakes = sandbox.printerJson(printer, "push").getInt("handshakes");
            Await.during(Duration.ofSeconds(3));
            assertEquals(
                    handshakes, sandbox.printerJson(printer, "push").getInt("handshakes"), "no reconnect attempts");
        } finally {
            subscription.close();
        }
    }
}
