package dev.printfarm.appconnection.console;

import static dev.printfarm.appconnection.console.testing.FakeConnections.connection;
import static dev.printfarm.appconnection.console.testing.FakeConnections.image;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.stream.StreamEnd;
import dev.printfarm.appconnection.console.farm.Farm;
import dev.printfarm.appconnection.console.testing.FakeConnections;
import dev.printfarm.appconnection.console.testing.FakeRequest;
import dev.printfarm.appconnection.console.testing.FakeResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The camera servlet passes on pictures only, whatever the printer says they are. */
class WebcamServletTest {

    private static final byte[] JPEG = HexFormat.of().parseHex("FFD8FFE000104A46494600010100000100010000FFD9");
    private static final byte[] PNG = HexFormat.of().parseHex("89504E470D0A1A0A0000000D49484452");
    private static final byte[] HTML =
            "<!doctype html><script>fetch('/console/api/printers')</script>".getBytes(StandardCharsets.UTF_8);

    private final FakeConnections module =
            new FakeConnections().with(connection("c1", "demo-farm")).with(connection("other", "another-farm"));

    private FakeResponse get(String pathInfo) throws IOException {
        WebcamServlet servlet = new WebcamServlet();
        servlet.connections = module.proxy();
        ConsoleSettings settings = new ConsoleSettings();
        settings.farm = "demo-farm";
        servlet.farm = new Farm(settings, module.proxy());
        FakeRequest request = FakeRequest.of("GET", "/webcam" + pathInfo);
        request.servletPath = "/webcam";
        request.pathInfo = pathInfo;
        FakeResponse response = new FakeResponse();
        servlet.doGet(request.proxy(), response.proxy());
        return response;
    }

    private static void assertRefused(FakeResponse response, String reason) {
        assertEquals(502, response.status);
        assertEquals("text/plain;charset=UTF-8", response.contentType);
        assertEquals(reason, response.text());
    }

    @Test
    void aSnapshotIsServedAsWhatItsBytesAreNotAsThePrinterSays() throws IOException {
        module.snapshot = image("text/html", JPEG);
        FakeResponse jpeg = get("/c1/snapshot");
        assertEquals(200, jpeg.status);
        assertEquals("image/jpeg", jpeg.contentType);
        assertArrayEquals(JPEG, jpeg.bytes());

        module.snapshot = image("image/jpeg", PNG);
        assertEquals("image/png", get("/c1/snapshot").contentType);
    }

    @Test
    void aSnapshotThatIsNoPictureIsA502InPlainText() throws IOException {
        module.snapshot = image("image/jpeg", HTML);
        FakeResponse response = get("/c1/snapshot");
        assertRefused(response, WebcamServlet.NOT_AN_IMAGE);
        assertFalse(response.text().contains("<script>"), "none of the printer's bytes");
    }

    @Test
    void aSnapshotOverTheCapIsA502() throws IOException {
        byte[] large = Arrays.copyOf(JPEG, WebcamServlet.MAX_IMAGE_BYTES + 1);
        module.snapshot = image("image/jpeg", large);
        assertRefused(get("/c1/snapshot"), WebcamServlet.TOO_LARGE);

        module.snapshot = image("image/jpeg", Arrays.copyOf(JPEG, WebcamServlet.MAX_IMAGE_BYTES));
        assertEquals(200, get("/c1/snapshot").status, "the cap itself is served");
    }

    @Test
    void theStreamIsMjpegWhosePartsAreJpegsWhateverThePrinterCalledThem() throws IOException {
        module.stream.add(image("text/html", JPEG));
        module.stream.add(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
        FakeResponse response = get("/c1/stream");
        assertEquals(200, response.status);
        assertTrue(response.contentType.startsWith("multipart/x-mixed-replace"), response.contentType);
        String body = response.text();
        assertTrue(body.contains("Content-Type: image/jpeg\r\nContent-Length: " + JPEG.length + "\r\n"), body);
        assertFalse(body.contains("text/html"), body);
        assertEquals(0, module.openSubscriptions, "the page's subscription ends with the stream");
    }

    @Test
    void aPartThatIsNoJpegEndsTheStreamAndIsNotForwarded() throws IOException {
        module.stream.add(image("image/jpeg", JPEG));
        module.stream.add(image("image/jpeg", HTML));
        FakeResponse response = get("/c1/stream");
        String body = new String(response.bytes(), StandardCharsets.ISO_8859_1);
        assertEquals(1, body.split("--consoleframe", -1).length - 1, "one part: " + body);
        assertFalse(body.contains("<script>"), body);
        assertEquals(0, module.openSubscriptions);
    }

    @Test
    void aStreamWhoseFirstPartIsNoJpegIsA502() throws IOException {
        module.stream.add(image("image/png", PNG));
        module.stream.add(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
        assertRefused(get("/c1/stream"), WebcamServlet.NOT_A_JPEG);
        assertEquals(0, module.openSubscriptions);
    }

    @Test
    void anotherFarmsCameraIsA404LikeAnUnknownOneAndIsNeverAsked() throws IOException {
        module.snapshot = image("image/jpeg", JPEG);
        module.stream.add(image("image/jpeg", JPEG));
        for (String path : new String[] {"/other/snapshot", "/other/stream", "/nobody/snapshot", "/nobody/stream"}) {
            FakeResponse response = get(path);
            assertEquals(404, response.status, path);
            assertTrue(response.errorSent, path);
            assertEquals(0, response.bytes().length, path);
        }
        assertEquals(List.of(), module.calls);
        assertEquals(200, get("/c1/snapshot").status, "the farm's own camera still answers");
    }
}
