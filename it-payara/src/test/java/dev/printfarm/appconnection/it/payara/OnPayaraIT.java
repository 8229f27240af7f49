package dev.printfarm.appconnection.it.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.appapi.NotificationEvent;
import dev.printfarm.appconnection.api.appapi.WebhookTest;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.event.PrinterNotification;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.impl.fleet.FleetMonitor;
import dev.printfarm.appconnection.impl.internal.Secrets;
import dev.printfarm.appconnection.it.Await;
import dev.printfarm.appconnection.it.ConnectionEvents;
import dev.printfarm.appconnection.it.ModuleEvents;
import dev.printfarm.appconnection.it.PortalDriver;
import dev.printfarm.appconnection.it.PrometheusText;
import dev.printfarm.appconnection.it.SandboxClient;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module's main paths on Payara Micro, inside the server against the sandbox beside it: the portal flow and its
 * refusals, a job read through the relay, revocation (603/604), a bounded fleet refresh that spares revoked
 * connections, and webhooks from registration to a fired notification. One deployment for all (one Payara start), so
 * every test uses printers and connections of its own and asserts on differences, not on totals.
 */
@ExtendWith(ArquillianExtension.class)
class OnPayaraIT {

    private static final int FLEET_CONCURRENCY = 4;

    @Deployment
    static WebArchive module() {
        return PayaraDeployments.module(
                PayaraDeployments.settings(Map.of(
                        // On, so the test can ask for a refresh; an hour apart, so the background stays quiet
                        // meanwhile.
                        "appconnection.fleet.cycle",
                        "PT1H",
                        "appconnection.fleet.concurrency",
                        String.valueOf(FLEET_CONCURRENCY))),
                OnPayaraIT.class,
                ConnectionEvents.class,
                ModuleEvents.class);
    }

    @Inject
    AppConnectionService service;

    @Inject
    FleetMonitor fleet;

    @Inject
    ConnectionEvents connectionEvents;

    @Inject
    ModuleEvents moduleEvents;

    // JUnit creates the test instance on the client side too, so nothing here may need the server.
    private SandboxClient sandbox;
    private final PortalDriver browser = new PortalDriver();

    @BeforeEach
    void sandboxOnThisServer() {
        sandbox = SandboxClient.onThisServer();
    }

    private String printer(int index) {
        return sandbox.printers().getJsonObject(index).getString("id");
    }

    private String connect(int printer, String owner) {
        return PortalDriver.connect(
                service, PortalRequest.forOwner(owner).withOctoPrintApiKey("Payara IT"), printer(printer));
    }

    private ConnectionState state(String id) {
        return service.connection(id).orElseThrow().state();
    }

    @Test
    void portalFlowStoresTheConnectionAndTheJobIsReadThroughTheRelay() {
        URI portal =
                browser.start(service, PortalRequest.forOwner("payara-relay").withOctoPrintApiKey("Payara IT"));
        assertTrue(portal.toString().startsWith(sandbox.base() + "appportal/v1/?"), portal.toString());
        URI callback = browser.authorize(portal, printer(0));
        String id = PortalDriver.query(callback).get("id");
        HttpResponse<String> landing = browser.get(callback);
        assertEquals(303, landing.statusCode(), landing.body());
        assertEquals(
                "http://localhost:" + callback.getPort() + "/" + PayaraDeployments.MODULE_APP + "/",
                landing.headers().firstValue("Location").orElseThrow());
        assertTrue(
                landing.headers().firstValue("Cache-Control").orElseThrow().startsWith("no-store"),
                landing.headers().map().toString());
        assertEquals(
                "no-referrer", landing.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals(1, connectionEvents.created(id), "one ConnectionCreated");

        AppConnection connection = service.connection(id).orElseThrow(() -> new AssertionError("not stored: " + id));
        assertEquals("payara-relay", connection.owner());
        assertTrue(connection.hasOctoPrintApiKey());
        assertEquals(
                sandbox.connection(id).getString("url"), connection.relayUrl().toString());
        var octoPrint = service.octoPrint(id);
        assertEquals("1.10.3", octoPrint.version().server().orElseThrow());
        PrintJob job = octoPrint.job();
        JsonObject sandboxJob = sandbox.printer(printer(0)).getJsonObject("job");
        assertEquals(sandboxJob.getString("file"), job.file().orElseThrow());
        assertTrue(
                Math.abs(sandboxJob.getJsonNumber("progress").doubleValue()
                                - job.progress().orElseThrow())
                        < 1.0,
                "progress " + job.progress() + " vs sandbox " + sandboxJob);
        assertEquals(ConnectionState.ONLINE, state(id));
    }

    @Test
    void forgedAndReplayedCompletionsStoreNothing() {
        String owner = "payara-callback-" + UUID.randomUUID();
        URI portal = browser.start(service, PortalRequest.forOwner(owner));
        URI callback = browser.authorize(portal, printer(1));
        URI forged = URI.create(callback.toString().replaceFirst("state=[^&]*", "state=" + UUID.randomUUID()));
        HttpResponse<String> refused = browser.get(forged);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("did not start this portal flow"), refused.body());
        assertEquals(0, service.connections(owner).size());

        assertEquals(303, browser.get(callback).statusCode());
        assertEquals(303, browser.get(callback).statusCode(), "a browser refresh lands again");
        HttpResponse<String> replay = browser.get(browser.authorize(portal, printer(1)));
        assertEquals(403, replay.statusCode());
        assertTrue(replay.body().contains("already completed"), replay.body());
        assertEquals(1, service.connections(owner).size());
    }

    @Test
    void codes603And604RevokeTheConnectionAndCostNoFurtherTraffic() {
        String printerId = printer(2);
        for (int code : new int[] {603, 604}) {
            String id = connect(2, "payara-revoked");
            try {
                sandbox.control(printerId, "{\"failWith\": " + code + "}");
                ConnectionGoneException gone = assertThrows(
                        ConnectionGoneException.class,
                        () -> service.octoPrint(id).job());
                assertEquals(code, gone.octoEverywhereCode().orElseThrow());
                assertEquals(id, gone.connectionId().orElseThrow());
            } finally {
                sandbox.restore(printerId);
            }
            assertEquals(ConnectionState.REVOKED, state(id), "state after " + code);
            int sent = sandbox.relayedRequests(id);
            // Refused here without sending: nothing answered, so no code; the message names the earlier one.
            ConnectionGoneException known = assertThrows(
                    ConnectionGoneException.class, () -> service.octoPrint(id).version());
            assertTrue(known.octoEverywhereCode().isEmpty(), known.toString());
            assertTrue(known.getMessage().contains("(" + code + ")"), known.getMessage());
            assertEquals(sent, sandbox.relayedRequests(id), "no request after " + code);
        }
        // Revoked by its user at OctoEverywhere: the relay answers 604.
        String id = connect(2, "payara-revoked");
        sandbox.revoke(id);
        assertEquals(
                604,
                assertThrows(
                                ConnectionGoneException.class,
                                () -> service.octoPrint(id).job())
                        .octoEverywhereCode()
                        .orElseThrow());
        assertEquals(ConnectionState.REVOKED, state(id));
    }

    @Test
    void fleetRefreshIsBoundedSparesRevokedConnectionsAndPublishesChanges() {
        int printers = 12;
        List<String> ids = new ArrayList<>();
        Map<String, String> printerOf = new HashMap<>();
        for (int i = 0; i < printers; i++) {
            String id = connect(10 + i, "payara-fleet");
            ids.add(id);
            printerOf.put(id, printer(10 + i));
        }
        try {
            // Slow printers, so that the bound (not the speed of the answers) is what limits requests in flight.
            printerOf.values().forEach(p -> sandbox.control(p, "{\"latencyMs\": 300}"));
            sandbox.resetPeak();
            refreshAll();
            int peak = sandbox.peakInFlight();
            assertTrue(
                    peak <= FLEET_CONCURRENCY,
                    "the sandbox saw " + peak + " in flight, the bound is " + FLEET_CONCURRENCY);
            assertTrue(peak >= FLEET_CONCURRENCY - 1, "the bound is what limits: peak " + peak);
            List<PrinterView> views = service.fleet();
            for (String id : ids) {
                PrinterView view = views.stream()
                        .filter(v -> v.connectionId().equals(id))
                        .findFirst()
                        .orElseThrow();
                assertEquals(ConnectionState.ONLINE, view.state(), view.toString());
                assertTrue(view.job().isPresent() && !view.temperatures().isEmpty(), view.toString());
            }

            List<String> revoked = ids.subList(0, 2);
            revoked.forEach(sandbox::revoke);
            refreshAll();
            revoked.forEach(id -> assertEquals(ConnectionState.REVOKED, state(id)));
            Map<String, Integer> before = new HashMap<>();
            ids.forEach(id -> before.put(id, sandbox.relayedRequests(id)));
            refreshAll();
            for (String id : ids) {
                if (revoked.contains(id)) {
                    assertEquals(before.get(id), sandbox.relayedRequests(id), "a revoked connection gets no traffic");
                } else {
                    int now = sandbox.relayedRequests(id);
                    assertTrue(
                            now > before.get(id),
                            () -> "the others are refreshed: " + id + " had " + before.get(id) + " requests, then "
                                    + now + "; its view: "
                                    + service.fleet().stream()
                                            .filter(v -> v.connectionId().equals(id))
                                            .findFirst());
                }
            }

            String offline = ids.get(5);
            sandbox.control(printerOf.get(offline), "{\"online\": false}");
            refreshAll();
            assertTrue(
                    moduleEvents.snapshotChanges(offline).stream()
                            .anyMatch(c -> c.current().state() == ConnectionState.PRINTER_OFFLINE
                                    && c.previous()
                                            .map(p -> p.state() == ConnectionState.ONLINE)
                                            .orElse(false)),
                    "an ONLINE -> PRINTER_OFFLINE change was published: " + moduleEvents.snapshotChanges(offline));
        } finally {
            printerOf.values().forEach(sandbox::restore);
        }
    }

    private void refreshAll() {
        try {
            fleet.refreshAll().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the fleet refresh did not complete", e);
        }
    }

    @Test
    void aTestWebhookReachesTheReceiverAndRemovingTheConnectionDeletesTheRegistration() {
        String id = connect(3, "payara-webhooks");
        service.registerWebhook(id, Set.of(NotificationEvent.PRINT_FAILED));
        WebhookTest test = service.testWebhook(id);
        assertTrue(test.delivered(), test.toString());
        assertEquals(200, test.statusCode().getAsInt());
        Await.until(
                Duration.ofSeconds(10),
                () -> moduleEvents.count(id, NotificationEvent.TEST_NOTIFICATION) == 1,
                () -> "no test notification: " + moduleEvents.notifications(id));
        JsonObject registered = sandbox.connection(id).getJsonObject("webhook");
        assertEquals("[3]", registered.getJsonArray("filter").toString());
        assertTrue(
                registered
                        .getString("url")
                        .endsWith("/" + PayaraDeployments.MODULE_APP + "/appconnection/webhook?token=***"),
                registered.getString("url"));

        assertTrue(service.remove(id));
        assertTrue(sandbox.connection(id).isNull("webhook"), "the registration is deleted at OctoEverywhere");
        assertTrue(service.webhook(id).isEmpty());
    }

    @Test
    void aRepeatedDeliveryFiresOnceAndRefusalsAreCounted() {
        String id = connect(4, "payara-webhooks");
        service.registerWebhook(id, Set.of());
        JsonObject queued = sandbox.notifyWebhooks(
                printer(4),
                "{\"eventType\": 99, \"repeat\": 3, \"connectionId\": \"" + id + "\", \"Error\": \"Nozzle clog\"}");
        assertEquals(1, queued.getJsonArray("queued").size(), queued.toString());
        Await.until(
                Duration.ofSeconds(15),
                () -> answered(id, 99) == 3,
                () -> "the sandbox did not deliver event 99 three times: " + sandbox.webhookDeliveries());
        List<PrinterNotification> unknown = moduleEvents.notifications(id).stream()
                .filter(n -> n.eventCode() == 99)
                .toList();
        assertEquals(1, unknown.size(), "three identical deliveries, one event: " + unknown);
        assertEquals(NotificationEvent.UNKNOWN, unknown.get(0).event());
        assertEquals("Nozzle clog", unknown.get(0).error().orElseThrow());

        URI server = sandbox.base();
        PrometheusText metrics = PrometheusText.of(server);
        assertTrue(
                metrics.sum("appconnection_webhook_deliveries_total", "outcome=\"duplicate\"") >= 2,
                metrics.toString());
        double refusedBefore = metrics.sum("appconnection_webhook_deliveries_total", "outcome=\"404\"");
        HttpResponse<String> forged = post(
                server.resolve(
                        "/" + PayaraDeployments.MODULE_APP + "/appconnection/webhook?token=" + Secrets.randomToken(32)),
                "{\"EventType\": 1}");
        assertEquals(404, forged.statusCode());
        assertEquals("", forged.body(), "a refusal says nothing");
        assertTrue(
                PrometheusText.of(server).sum("appconnection_webhook_deliveries_total", "outcome=\"404\"")
                        >= refusedBefore + 1,
                "the refusal is counted");
    }

    private long answered(String connectionId, int eventType) {
        return sandbox.webhookDeliveries().stream()
                .map(v -> v.asJsonObject())
                .filter(d -> d.getString("connectionId").equals(connectionId) && d.getInt("eventType") == eventType)
                .filter(d -> !d.isNull("status") && d.getInt("status") == 200)
                .count();
    }

    private static HttpResponse<String> post(URI to, String body) {
        try {
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                            HttpRequest.newBuilder(to)
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
