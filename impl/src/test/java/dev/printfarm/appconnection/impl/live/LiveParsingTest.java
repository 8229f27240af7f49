package dev.printfarm.appconnection.impl.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.octoprint.OctoPrintWebcamSettings;
import dev.printfarm.appconnection.api.stream.PushMessage;
import dev.printfarm.appconnection.api.stream.Webcam;
import dev.printfarm.appconnection.impl.json.WireJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveParsingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void webcamUrlsBecomePathsOnThePrintersHost() {
        assertEquals(Optional.of("/webcam/?action=stream"), WebcamPaths.onPrinter("/webcam/?action=stream"));
        assertEquals(
                Optional.of("/webcam/?action=snapshot"),
                WebcamPaths.onPrinter("http://127.0.0.1:8080/?action=snapshot"));
        assertEquals(
                Optional.of("/webcam/?action=snapshot"),
                WebcamPaths.onPrinter("http://192.168.1.20:8080?action=snapshot"));
        assertEquals(
                Optional.of("/webcam/?action=stream"),
                WebcamPaths.onPrinter("http://octopi.local/webcam/?action=stream"));
        assertEquals(Optional.of("/webcam2/x"), WebcamPaths.onPrinter("webcam2/x"));
        assertEquals(
                Optional.empty(), WebcamPaths.onPrinter("http://camera.local/snapshot.jpg"), "another host's path");
        assertEquals(Optional.empty(), WebcamPaths.onPrinter("rtsp://cam/stream"));
        assertEquals(Optional.empty(), WebcamPaths.onPrinter("//evil.example/x"));
        assertEquals(Optional.empty(), WebcamPaths.onPrinter(" "));
    }

    @Test
    void theClassicWebcamComesFromTheSettingsWithASnapshotDerivedWhenMissing() {
        Webcam cam = WebcamPaths.classic(new OctoPrintWebcamSettings(
                        true, Optional.of("/webcam/?action=stream"), Optional.empty(), true, false, false))
                .orElseThrow();
        assertEquals(Optional.of("/webcam/?action=snapshot"), cam.snapshotPath());
        assertTrue(cam.flipH());
        assertTrue(
                WebcamPaths.classic(new OctoPrintWebcamSettings(
                                false, Optional.of("/webcam/?action=stream"), Optional.empty(), false, false, false))
                        .isEmpty(),
                "a disabled webcam is no camera");
    }

    @Test
    void theWebcamsApiIsReadInEitherShape() {
        String modern = """
                {"webcams": [{"name": "classic", "displayName": "Classic Webcam", "canSnapshot": true,
                  "snapshotDisplay": "x", "flipH": false, "flipV": true, "rotate90": false, "extras": {},
                  "compat": {"stream": "/webcam/?action=stream", "snapshot": "http://127.0.0.1:8080/?action=snapshot"},
                  "provider": "classicwebcam"},
                 {"name": "nosnap", "canSnapshot": false, "compat": {"stream": "/cam2/?action=stream"}}]}""";
        List<Webcam> cams = WebcamPaths.fromApi(webcams(modern));
        assertEquals(2, cams.size());
        assertEquals(Optional.of("/webcam/?action=snapshot"), cams.get(0).snapshotPath());
        assertTrue(cams.get(0).flipV());
        assertEquals(Optional.empty(), cams.get(1).snapshotPath());
        assertEquals("nosnap", cams.get(1).displayName());

        String bare = """
                [{"name": "c", "snapshot": "/webcam/?action=snapshot", "compatStream": "/webcam/?action=stream"}]""";
        Webcam cam = WebcamPaths.fromApi(webcams(bare)).get(0);
        assertEquals(Optional.of("/webcam/?action=stream"), cam.streamPath());
        assertEquals(List.of(), WebcamPaths.fromApi(webcams("{\"webcams\": \"nonsense\"}")));
    }

    /** {@code GET /api/webcams} as Webcams reads it, in either shape. */
    private static OctoPrintWebcamsAnswer webcams(String body) {
        return WireJson.read(OctoPrintWebcamsAnswer.asObject(body), OctoPrintWebcamsAnswer.class);
    }

    private static byte[] mjpeg(String boundary, boolean lengths, byte[]... frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            out.write(("--" + boundary + "\r\nContent-Type: image/jpeg\r\n"
                            + (lengths ? "Content-Length: " + frame.length + "\r\n" : "") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(frame);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (!lengths) {
            // Without lengths a part ends only where the next boundary starts.
            out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    @Test
    void mjpegPartsAreReadWithAndWithoutLengths() throws IOException {
        byte[] a = {(byte) 0xFF, (byte) 0xD8, '\r', '\n', '-', '-', 'x', (byte) 0xFF, (byte) 0xD9};
        byte[] b = {1, 2, 3};
        for (boolean lengths : new boolean[] {true, false}) {
            MjpegReader reader =
                    new MjpegReader(new ByteArrayInputStream(mjpeg("frame", lengths, a, b)), "frame", 1000);
            assertArrayEquals(a, reader.next().orElseThrow().data(), "lengths: " + lengths);
            MjpegReader.Part second = reader.next().orElseThrow();
            assertArrayEquals(b, second.data(), "lengths: " + lengths);
            assertEquals("image/jpeg", second.contentType());
        }
        MjpegReader withLengths = new MjpegReader(new ByteArrayInputStream(mjpeg("frame", true, a)), "frame", 1000);
        withLengths.next();
        assertTrue(withLengths.next().isEmpty(), "the end of the stream ends the parts");
    }

    @Test
    void anOversizedFrameIsRefused() {
        byte[] big = new byte[2000];
        MjpegReader reader = new MjpegReader(new ByteArrayInputStream(uncheckedMjpeg(big)), "frame", 1000);
        assertThrows(IOException.class, reader::next);
    }

    private static byte[] uncheckedMjpeg(byte[] frame) {
        try {
            return mjpeg("frame", true, frame);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theBoundaryIsReadFromTheContentType() {
        assertEquals(
                Optional.of("sandboxframe"), MjpegReader.boundary("multipart/x-mixed-replace;boundary=sandboxframe"));
        assertEquals(
                Optional.of("b c"), MjpegReader.boundary("multipart/x-mixed-replace; charset=x; boundary=\"b c\""));
        assertEquals(Optional.empty(), MjpegReader.boundary("image/jpeg"));
    }

    @Test
    void pushFramesAreTyped() {
        List<PushMessage> connected = PushJson.parse("""
                {"connected": {"version": "1.10.2", "display_version": "1.10.2rc1", "apikey": null, "safe_mode": null}}""", NOW);
        assertEquals(List.of(new PushMessage.Connected(Optional.of("1.10.2rc1"))), connected);

        PushMessage.State current = (PushMessage.State) PushJson.parse("""
                {"current": {"state": {"text": "Printing", "flags": {"printing": true}},
                  "job": {"file": {"name": "cube.gcode", "origin": "local"}, "estimatedPrintTime": 100},
                  "progress": {"completion": 42.5, "printTime": 30, "printTimeLeft": 70},
                  "currentZ": 1.2, "temps": [{"time": 1, "tool0": {"actual": 100, "target": 200}},
                                             {"time": 2, "tool0": {"actual": 150.5, "target": 200}, "bed": {"actual": 60, "target": 60}}],
                  "logs": [], "messages": [], "futureField": 1}}""", NOW).get(0);
        assertFalse(current.history());
        assertEquals(Optional.of("Printing"), current.job().statusText());
        assertEquals(Optional.of("cube.gcode"), current.job().file());
        assertEquals(42.5, current.job().progress().getAsDouble());
        assertEquals(2, current.temperatures().size());
        assertEquals(
                150.5,
                current.temperatures().stream()
                        .filter(t -> t.heater().equals("tool0"))
                        .findFirst()
                        .orElseThrow()
                        .actual()
                        .getAsDouble());
        assertEquals(1.2, current.currentZ().getAsDouble());

        assertTrue(((PushMessage.State) PushJson.parse("{\"history\": {\"state\": \"Operational\"}}", NOW)
                        .get(0))
                .history());
        PushMessage.Event event = (PushMessage.Event) PushJson.parse("""
                {"event": {"type": "PrintDone", "payload": {"name": "cube.gcode", "time": 12.5}}}""", NOW).get(0);
        assertEquals("PrintDone", event.type());
        assertEquals("12.5", event.payload().get("time"));
        PushMessage.Plugin plugin =
                (PushMessage.Plugin) PushJson.parse("""
                {"plugin": {"plugin": "octoeverywhere", "data": {"a": [1]}}}""", NOW).get(0);
        assertEquals("{\"a\":[1]}", plugin.data());

        assertEquals(List.of(), PushJson.parse("{\"reauthRequired\": {\"reason\": \"logout\"}}", NOW));
        assertEquals(List.of(), PushJson.parse("not json", NOW));
        assertEquals(List.of(), PushJson.parse("[1]", NOW));
    }

    @Test
    void a609HoldDoublesAndASuccessClearsIt() {
        WebcamHold hold = new WebcamHold(Duration.ofSeconds(10), Duration.ofSeconds(30));
        assertTrue(hold.remaining(NOW).isEmpty());
        assertEquals(Duration.ofSeconds(10), hold.refused(NOW));
        assertEquals(Optional.of(Duration.ofSeconds(4)), hold.remaining(NOW.plusSeconds(6)));
        assertEquals(Duration.ofSeconds(20), hold.refused(NOW.plusSeconds(10)));
        assertEquals(Duration.ofSeconds(30), hold.refused(NOW.plusSeconds(30)), "never over the maximum");
        hold.succeeded();
        assertTrue(hold.remaining(NOW.plusSeconds(31)).isEmpty());
        assertEquals(Duration.ofSeconds(10), hold.refused(NOW.plusSeconds(40)));
    }
}
