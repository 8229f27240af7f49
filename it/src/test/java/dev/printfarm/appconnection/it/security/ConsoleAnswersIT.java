package dev.printfarm.appconnection.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.it.Deployments;
import dev.printfarm.appconnection.it.FarmConsole;
import dev.printfarm.appconnection.it.PortalDriver;
import dev.printfarm.appconnection.it.SandboxClient;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the farm console serves on its origin. A printer, or a relay, decides what its camera answers: only pictures
 * recognised by their bytes may reach the browser, labelled by the console. Every console answer carries the browser's
 * security headers ({@link ConsoleHeaders}). And a printer that another farm connected through the same store is, to
 * every console endpoint, a printer that does not exist. Runs the farm EAR (five sandbox printers) and, on the same
 * server, store and key, a bare application of another farm ({@value #OTHER_FARM}).
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleAnswersIT {

    private static final String OTHER_FARM = "other-farm";
    /** Text of the printer's page that must never reach the browser. */
    private static final String MARKER = "console-answers-it-page";

    private static final String PAGE = "<!doctype html><html><body><script>/* " + MARKER
            + " */ fetch('/console/api/printers')</script></body></html>";

    @Deployment(name = "farm", testable = false, order = 1)
    static EnterpriseArchive farm() {
        return Deployments.farm(Map.of("sandbox.printers", "5"));
    }

    /** Another farm's application: the module alone, on the console's store, with the same (demo) key. */
    @Deployment(name = "other-farm", order = 2)
    static WebArchive otherFarm() {
        return Deployments.module(
                "other-farm-it",
                Map.of("appconnection.store.keys", ""),
                ConsoleAnswersIT.class,
                ConsoleHeaders.class,
                FarmConsole.class);
    }

    @Inject
    AppConnectionService service;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Before issue 19 the console copied the printer's Content-Type: this page came back as 200 {@code text/html} on
     * the console's origin.
     */
    @Test
    @RunAsClient
    void aSnapshotThatIsHtmlIsRefusedWith502() {
        FarmConsole console = new FarmConsole();
        String printerId = printerId(console.sandbox, 0);
        String id = console.connect(printerId);
        console.sandbox.printerResource(printerId, "responses", camera("text/html;charset=utf-8", PAGE));
        try {
            HttpResponse<byte[]> snapshot = send(operator(console.server, "console/webcam/" + id + "/snapshot"));
            assertEquals(502, snapshot.statusCode(), text(snapshot));
            assertTrue(type(snapshot).startsWith("text/plain"), type(snapshot));
            assertTrue(text(snapshot).contains("not a JPEG, PNG or WebP image"), text(snapshot));
            assertFalse(text(snapshot).contains(MARKER), "the printer's page reached the browser");
            ConsoleHeaders.assertOn(snapshot, "a refused snapshot");
        } finally {
            console.sandbox.printerResource(printerId, "responses", null);
        }
    }

    /** Before issue 19 each part went on with the printer's own part header: an HTML part in a 200 stream. */
    @Test
    @RunAsClient
    void aStreamWhosePartsAreHtmlIsRefusedWith502() {
        FarmConsole console = new FarmConsole();
        String printerId = printerId(console.sandbox, 1);
        String id = console.connect(printerId);
        String stream = "--frame\r\nContent-Type: text/html\r\nContent-Length: "
                + PAGE.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + PAGE + "\r\n--frame--\r\n";
        console.sandbox.printerResource(
                printerId, "responses", camera("multipart/x-mixed-replace;boundary=frame", stream));
        try {
            HttpResponse<byte[]> answer = send(operator(console.server, "console/webcam/" + id + "/stream"));
            assertEquals(502, answer.statusCode(), text(answer));
            assertTrue(type(answer).startsWith("text/plain"), type(answer));
            assertTrue(text(answer).contains("not a JPEG picture"), text(answer));
            assertFalse(text(answer).contains(MARKER), "the printer's page reached the browser");
            ConsoleHeaders.assertOn(answer, "a refused stream");
        } finally {
            console.sandbox.printerResource(printerId, "responses", null);
        }
    }

    /** Before issue 19 the picture came without the security headers. */
    @Test
    @RunAsClient
    void aJpegSnapshotIsServedAsImageJpeg() {
        FarmConsole console = new FarmConsole();
        String id = console.connect(printerId(console.sandbox, 2));
        HttpResponse<byte[]> snapshot = send(operator(console.server, "console/webcam/" + id + "/snapshot"));
        assertEquals(200, snapshot.statusCode(), text(snapshot));
        assertEquals("image/jpeg", type(snapshot));
        assertTrue(jpeg(snapshot.body()), "not a JPEG");
        ConsoleHeaders.assertOn(snapshot, "a snapshot");
    }

    /** Before issue 19 the stream came without the security headers. */
    @Test
    @RunAsClient
    void aStreamIsServedAsMjpegOfJpegParts() throws IOException, InterruptedException {
        FarmConsole console = new FarmConsole();
        String id = console.connect(printerId(console.sandbox, 2));
        HttpResponse<InputStream> stream = http.send(
                operator(console.server, "console/webcam/" + id + "/stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = stream.body()) {
            assertEquals(200, stream.statusCode());
            String type = type(stream);
            assertTrue(type.startsWith("multipart/x-mixed-replace"), type);
            ConsoleHeaders.assertOn(stream, "a stream");
            String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
            for (int i = 0; i < 3; i++) {
                Part part = Part.next(in, boundary);
                assertEquals("image/jpeg", part.contentType(), "part " + i);
                assertTrue(jpeg(part.data()), "part " + i + " is not a JPEG");
            }
        }
    }

    /** Before issue 19 no console answer carried these headers. */
    @Test
    @RunAsClient
    void everyKindOfConsoleAnswerCarriesTheSecurityHeaders() {
        URI server = new FarmConsole().server;
        Map<String, HttpResponse<byte[]>> answers = new java.util.LinkedHashMap<>();
        answers.put("the page", send(operator(server, "console/")));
        answers.put("the login page", send(HttpRequest.newBuilder(server.resolve("console/login.html"))));
        answers.put("a script", send(operator(server, "console/console.js")));
        answers.put("the API's JSON", send(operator(server, "console/api/printers")));
        answers.put("the API's 401", send(HttpRequest.newBuilder(server.resolve("console/api/printers"))));
        answers.put("the page's redirect to the login", send(HttpRequest.newBuilder(server.resolve("console/"))));
        answers.put("the API's 404", send(operator(server, "console/api/printers/no-such-connection")));
        answers.put("the webcam's 404", send(operator(server, "console/webcam/no-such-connection/snapshot")));
        answers.put(
                "a cross-site refusal",
                send(operator(server, "console/api/printers/no-such-connection/pause")
                        .header("Origin", "http://elsewhere.example")
                        .POST(HttpRequest.BodyPublishers.noBody())));
        List<Integer> expected = List.of(200, 200, 200, 200, 401, 302, 404, 404, 403);
        assertEquals(
                expected,
                answers.values().stream().map(HttpResponse::statusCode).toList(),
                answers.keySet().toString());
        answers.forEach((what, answer) -> ConsoleHeaders.assertOn(answer, what));
    }

    /**
     * Before issue 19 the webcam servlet asked the module for any connection id: another farm's camera was served (the
     * JSON API already kept to the farm).
     */
    @Test
    @OperateOnDeployment("other-farm")
    void anotherFarmsPrinterIsUnknownToEveryConsoleEndpoint() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        URI server = sandbox.base().resolve("/");
        FarmConsole console = new FarmConsole(server);
        String ours = console.connect(printerId(sandbox, 4));
        String printerId = printerId(sandbox, 3);
        String theirs = PortalDriver.connect(
                service, PortalRequest.forOwner(OTHER_FARM).withOctoPrintApiKey("Other farm"), printerId);
        String stateBefore = sandbox.printer(printerId).getString("state");
        int commandsBefore = sandbox.commandCalls(printerId).size();
        JsonObject webcamBefore = sandbox.printerJson(printerId, "webcam");
        int liveLinksBefore = liveLinks(sandbox);
        assertEquals(
                200, send(operator(server, "console/api/printers/" + ours)).statusCode(), "the farm's own printer");
        assertEquals(
                200,
                send(operator(server, "console/webcam/" + ours + "/snapshot")).statusCode(),
                "the farm's camera");

        for (Endpoint endpoint : Endpoint.values()) {
            Answer unknown = endpoint.send(this, server, "no-such-connection");
            Answer other = endpoint.send(this, server, theirs);
            assertEquals(404, other.status(), endpoint + ": " + other.body());
            assertEquals(unknown, other, endpoint + " tells another farm's printer from an unknown one");
        }
        assertFalse(
                new String(send(operator(server, "console/api/printers")).body(), StandardCharsets.UTF_8)
                        .contains(theirs),
                "listed");

        assertEquals(stateBefore, sandbox.printer(printerId).getString("state"), "an action reached the printer");
        assertEquals(commandsBefore, sandbox.commandCalls(printerId).size(), "a command reached the printer");
        JsonObject webcamAfter = sandbox.printerJson(printerId, "webcam");
        assertEquals(webcamBefore.getInt("snapshots"), webcamAfter.getInt("snapshots"), "a snapshot was taken");
        assertEquals(webcamBefore.getInt("streamsOpened"), webcamAfter.getInt("streamsOpened"), "a stream was opened");
        assertEquals(0, sandbox.uploadBytes(theirs), "a file was sent to the printer");
        assertEquals(liveLinksBefore, liveLinks(sandbox), "a Live Link was made");
        assertTrue(service.connection(theirs).isPresent(), "the console removed another farm's connection");
    }

    /** Before issue 19 every connection that made a relayed call had its own breaker gauge, tagged with its id. */
    @Test
    @OperateOnDeployment("other-farm")
    void noMetricNamesAConnection() throws IOException, InterruptedException {
        SandboxClient sandbox = SandboxClient.onThisServer();
        URI server = sandbox.base().resolve("/");
        FarmConsole console = new FarmConsole(server);
        String ours = console.connect(printerId(sandbox, 4));
        String theirs = PortalDriver.connect(service, PortalRequest.forOwner(OTHER_FARM), printerId(sandbox, 3));
        assertEquals(200, send(operator(server, "console/api/printers/" + ours)).statusCode());
        service.octoPrint(theirs).job();

        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(server.resolve("/metrics"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(
                metrics.body().contains("appconnection_relay_calls_total"),
                "not the module's metrics: " + metrics.body());
        assertFalse(metrics.body().contains(ours), "/metrics names the farm's connection " + ours);
        assertFalse(metrics.body().contains(theirs), "/metrics names another farm's connection " + theirs);
    }

    /** Every console endpoint that takes a connection id, with a request that would otherwise do its work. */
    private enum Endpoint {
        DETAIL("GET", "console/api/printers/{id}"),
        LIMITS("GET", "console/api/printers/{id}/limits"),
        PAUSE("POST", "console/api/printers/{id}/pause"),
        RESUME("POST", "console/api/printers/{id}/resume"),
        CANCEL("POST", "console/api/printers/{id}/cancel"),
        HOME("POST", "console/api/printers/{id}/home"),
        LIGHT("POST", "console/api/printers/{id}/light?name=light&on=true"),
        LIVE_LINK("POST", "console/api/printers/{id}/live-link"),
        PRINT("POST", "console/api/printers/{id}/print?file=other-farm.gcode"),
        API_KEY("PUT", "console/api/printers/{id}/octoprint-api-key"),
        REMOVE("DELETE", "console/api/printers/{id}"),
        SNAPSHOT("GET", "console/webcam/{id}/snapshot"),
        STREAM("GET", "console/webcam/{id}/stream");

        private final String method;
        private final String path;

        Endpoint(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** The answer, with the id in its body replaced, so answers for different ids compare equal. */
        Answer send(ConsoleAnswersIT test, URI server, String id) {
            HttpRequest.BodyPublisher body = switch (this) {
                case PRINT -> HttpRequest.BodyPublishers.ofString("G28\n");
                case API_KEY -> HttpRequest.BodyPublishers.ofString("{\"apiKey\": \"other-farm-key\"}");
                default -> HttpRequest.BodyPublishers.noBody();
            };
            HttpRequest.Builder request =
                    operator(server, path.replace("{id}", id)).method(method, body);
            if (this == PRINT) {
                request.header("Content-Type", "application/octet-stream");
            } else if (this == API_KEY) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> answer = test.send(request);
            return new Answer(
                    answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(""),
                    new String(answer.body(), StandardCharsets.UTF_8).replace(id, "{id}"));
        }
    }

    private record Answer(int status, String contentType, String body) {}

    /** One part of a {@code multipart/x-mixed-replace} body: its declared type and its bytes. */
    private record Part(String contentType, byte[] data) {

        static Part next(InputStream in, String boundary) throws IOException {
            String line;
            do {
                line = line(in);
            } while (!line.startsWith("--" + boundary));
            String contentType = "";
            int length = -1;
            for (line = line(in); !line.isEmpty(); line = line(in)) {
                String[] header = line.split(":", 2);
                if (header[0].equalsIgnoreCase("Content-Type")) {
                    contentType = header[1].strip();
                } else if (header[0].equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(header[1].strip());
                }
            }
            assertTrue(length >= 0, "a part without Content-Length");
            return new Part(contentType, in.readNBytes(length));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the stream ended");
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }

    /** A scripted answer of the printer's camera (snapshot and stream share the path {@code /webcam/}). */
    private static String camera(String contentType, String body) {
        return Json.createObjectBuilder()
                .add("method", "GET")
                .add("path", "/webcam/")
                .add("status", 200)
                .add("headers", Json.createObjectBuilder().add("Content-Type", contentType))
                .add("body", body)
                .build()
                .toString();
    }

    /** A request as the farm's operator (HTTP Basic), bounded in time. */
    private static HttpRequest.Builder operator(URI server, String path) {
        return HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", PortalDriver.operator());
    }

    /**
     * Over HTTP/1.1, as a browser speaks to an http:// site: the JDK's default HTTP/2 upgrade of a GET hung for ever on
     * Liberty when the page is the welcome file (forwarded).
     */
    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String printerId(SandboxClient sandbox, int index) {
        return sandbox.printers().getJsonObject(index).getString("id");
    }

    private static int liveLinks(SandboxClient sandbox) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(sandbox.base().resolve("control/live-links"))
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            try (var reader = Json.createReader(new java.io.StringReader(answer.body()))) {
                return reader.readArray().size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String type(HttpResponse<?> answer) {
        return answer.headers().firstValue("Content-Type").orElse("");
    }

    private static String text(HttpResponse<byte[]> answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    private static boolean jpeg(byte[] data) {
        return data.length > 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF;
    }
}
