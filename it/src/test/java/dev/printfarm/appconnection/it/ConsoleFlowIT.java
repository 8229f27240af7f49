package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shipped EAR as an operator's browser sees it: console → portal → callback → console API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleFlowIT {

    @Deployment(testable = false)
    static EnterpriseArchive farm() {
        return Deployments.farm();
    }

    private final FarmConsole console = new FarmConsole();
    private final URI server = console.server;
    private final SandboxClient sandbox = console.sandbox;
    private final PortalDriver browser = console.browser;

    private static JsonValue json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readValue();
        }
    }

    @Test
    void operatorConnectsAPrinterAndSeesItsJobThroughTheRelay() {
        String printerId = sandbox.printers().getJsonObject(0).getString("id");

        HttpResponse<String> connect = browser.get(server.resolve("console/connect"));
        assertEquals(302, connect.statusCode());
        URI portal = URI.create(connect.headers().firstValue("Location").orElseThrow());
        assertTrue(portal.toString().startsWith(server + "sandbox/appportal/v1/?"), portal.toString());

        URI callback = browser.authorize(portal, printerId);
        assertTrue(callback.toString().startsWith(server + "console/appconnection/callback?"), callback.toString());
        String connectionId = PortalDriver.query(callback).get("id");
        HttpResponse<String> landing = browser.get(callback);
        assertEquals(303, landing.statusCode());
        assertEquals(
                server + "console/", landing.headers().firstValue("Location").orElseThrow());

        JsonArray printers =
                json(browser.get(server.resolve("console/api/printers"))).asJsonArray();
        JsonObject listed = printers.stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> p.getString("id").equals(connectionId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("console does not list " + connectionId + ": " + printers));
        assertEquals(sandbox.printer(printerId).getString("name"), listed.getString("name"));

        HttpResponse<String> detailResponse = browser.get(server.resolve("console/api/printers/" + connectionId));
        assertEquals(200, detailResponse.statusCode(), detailResponse.body());
        JsonObject detail = json(detailResponse).asJsonObject();
        assertEquals("ONLINE", detail.getString("state"));
        assertEquals("1.10.3", detail.getString("octoprintVersion"));
        JsonObject sandboxJob = sandbox.printer(printerId).getJsonObject("job");
        assertEquals(sandboxJob.getString("file"), detail.getJsonObject("job").getString("file"));
        assertTrue(
                Math.abs(sandboxJob.getJsonNumber("progress").doubleValue()
                                - detail.getJsonObject("job")
                                        .getJsonNumber("progress")
                                        .doubleValue())
                        < 1.0,
                detail.toString());
    }

    @Test
    void unreachablePrinterStillHasADetailWithItsState() {
        String printerId = sandbox.printers().getJsonObject(1).getString("id");
        String connectionId = console.connect(printerId);
        try {
            sandbox.control(printerId, "{\"online\": false}");
            HttpResponse<String> response = browser.get(server.resolve("console/api/printers/" + connectionId));
            assertEquals(200, response.statusCode(), response.body());
            JsonObject detail = json(response).asJsonObject();
            assertEquals("PRINTER_OFFLINE", detail.getString("state"));
            assertTrue(detail.isNull("octoprintVersion"));
            assertTrue(detail.isNull("job"));
            assertEquals(601, detail.getJsonObject("error").getInt("code"));
            assertTrue(detail.getJsonObject("error").isNull("printerStatus"), detail.toString());
        } finally {
            sandbox.restore(printerId);
        }
    }

    @Test
    void twoBrowserTabsOnOnePrintersCameraCostOneStreamFromThePrinter() throws Exception {
        String printerId = sandbox.printers().getJsonObject(2).getString("id");
        String connectionId = console.connect(printerId);
        int openedBefore = sandbox.printerJson(printerId, "webcam").getInt("streamsOpened");
        URI stream = server.resolve("console/webcam/" + connectionId + "/stream");
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest get = HttpRequest.newBuilder(stream)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", PortalDriver.operator())
                .GET()
                .build();
        HttpResponse<InputStream> first = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> second = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream a = first.body();
                InputStream b = second.body()) {
            assertEquals(200, first.statusCode());
            assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("multipart/x-mixed-replace"));
            assertEquals(3, jpegParts(a, 3), "the first tab gets frames");
            assertEquals(3, jpegParts(b, 3), "the second tab gets frames");
            assertEquals(
                    openedBefore + 1,
                    sandbox.printerJson(printerId, "webcam").getInt("streamsOpened"),
                    "both tabs share one stream from the printer");
        }
        HttpResponse<byte[]> snapshot = http.send(
                HttpRequest.newBuilder(server.resolve("console/webcam/" + connectionId + "/snapshot"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", PortalDriver.operator())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, snapshot.statusCode());
        assertEquals("image/jpeg", snapshot.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                404,
                browser.get(server.resolve("console/webcam/no-such-connection/stream"))
                        .statusCode());
    }

    /** Reads until {@code wanted} JPEG parts have come (start-of-image markers); returns how many came. */
    private static int jpegParts(InputStream in, int wanted) throws java.io.IOException {
        int found = 0;
        int previous = -1;
        int b;
        while (found < wanted && (b = in.read()) >= 0) {
            if (previous == 0xFF && b == 0xD8) {
                found++;
            }
            previous = b;
        }
        return found;
    }

    @Test
    void healthReportsLivenessTheStoreAndTheFleetsStates() {
        console.connect(sandbox.printers().getJsonObject(0).getString("id"));
        HttpResponse<String> ready = browser.get(server.resolve("health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject readiness = json(ready).asJsonObject();
        assertEquals("UP", readiness.getString("status"));
        JsonObject storeCheck = check(readiness, "appconnection-store");
        assertEquals("UP", storeCheck.getString("status"));
        assertEquals("Apache Derby", storeCheck.getJsonObject("data").getString("database"));
        JsonObject fleet = check(readiness, "appconnection-fleet").getJsonObject("data");
        long total = fleet.getJsonNumber("total").longValue();
        assertTrue(total >= 1, fleet.toString());
        long sum = 0;
        for (String state :
                new String[] {"ONLINE", "PRINTER_OFFLINE", "SUSPENDED", "REVOKED", "INVALID_CREDENTIALS", "UNKNOWN"}) {
            sum += fleet.getJsonNumber(state).longValue();
        }
        assertEquals(total, sum, "every state is listed and they add up: " + fleet);

        HttpResponse<String> live = browser.get(server.resolve("health/live"));
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", check(json(live).asJsonObject(), "appconnection").getString("status"));
    }

    @Test
    void metricsCountRelayedCallsByRouteAndOutcomeAndShowEachBreaker() {
        String printerId = sandbox.printers().getJsonObject(1).getString("id");
        String connectionId = console.connect(printerId);
        assertEquals(
                200,
                browser.get(server.resolve("console/api/printers/" + connectionId))
                        .statusCode());
        sandbox.control(printerId, "{\"failWith\": 612}");
        try {
            browser.get(server.resolve("console/api/printers/" + connectionId));
        } finally {
            sandbox.restore(printerId);
        }
        PrometheusText metrics = PrometheusText.of(server);
        assertTrue(
                metrics.value("appconnection_relay_calls_total", "outcome=\"2xx\"", "route=\"relay\"") >= 2,
                metrics.toString());
        assertTrue(
                metrics.value("appconnection_relay_calls_total", "outcome=\"612\"", "route=\"relay\"") >= 1,
                metrics.toString());
        assertEquals(0.0, metrics.value("appconnection_breakers_open"), "one 612 opens no breaker");
        assertFalse(metrics.toString().contains(connectionId), "no metric names a connection");
        // The console runs the fleet monitor (every 5 s): its refreshes are timed by the state they left the printer
        // in.
        Await.until(
                Duration.ofSeconds(15),
                () -> PrometheusText.of(server).sum("appconnection_fleet_refresh_seconds_count", "state=\"ONLINE\"")
                        >= 1,
                () -> "no fleet refresh timed: " + PrometheusText.of(server));
        assertTrue(PrometheusText.of(server).sum("appconnection_fleet_refresh_seconds_sum", "state=\"ONLINE\"") > 0);
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    @Test
    void unknownPrinterIs404() {
        assertEquals(
                404,
                browser.get(server.resolve("console/api/printers/no-such-connection"))
                        .statusCode());
    }
}
