package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LAN-or-relay routing against the sandbox's LAN face ({@code /sandbox/lan-ip/{ip}}, the address the portal
 * reports): calls move to the LAN after good probes, fall back to the relay in the same invocation when the LAN
 * goes down, and the LAN never sees the relay credentials. Runs inside Liberty.
 */
@ExtendWith(ArquillianExtension.class)
class LanRoutingIT {

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-lan-it",
                Map.of(
                        "appconnection.lan.url-template",
                                "http://localhost:" + Deployments.httpPort() + "/sandbox/lan-ip/{ip}",
                        "appconnection.lan.probe-interval", "PT0S",
                        "appconnection.lan.good-probes", "2",
                        "appconnection.lan.timeout", "PT1S"),
                LanRoutingIT.class);
    }

    @Inject
    AppConnectionService service;

    @Test
    @OperateOnDeployment("module")
    void callsUseTheLanWhenItAnswersAndTheRelayTheMomentItStops() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(2).getString("id");
        PortalDriver browser = new PortalDriver();
        URI callback = browser.authorize(
                browser.start(service, PortalRequest.forOwner("lan-it").withOctoPrintApiKey("LAN IT")), printerId);
        assertEquals(303, browser.get(callback).statusCode());
        String id = PortalDriver.query(callback).get("id");
        assertEquals(
                sandbox.printer(printerId).getString("lanIp"),
                service.connection(id).orElseThrow().lastKnownLocalIp().orElseThrow(),
                "the portal reported the printer's own LAN address");
        OctoPrintClient octoPrint = service.octoPrint(id);
        assertEquals(ConnectionRoute.RELAY, service.route(id), "no route to the LAN before any probe");

        awaitRoute(id, ConnectionRoute.LAN, octoPrint);
        int relayed = sandbox.relayedRequests(id);
        long lanJobCalls = lanCalls(sandbox, printerId, "GET", "/api/job");
        for (int i = 0; i < 5; i++) {
            assertEquals("Printing", octoPrint.job().statusText().orElseThrow());
        }
        assertEquals(relayed, sandbox.relayedRequests(id), "on the LAN route nothing goes through the relay");
        assertEquals(lanJobCalls + 5, lanCalls(sandbox, printerId, "GET", "/api/job"));
        octoPrint.pausePrint();
        assertEquals("Paused", octoPrint.job().statusText().orElseThrow());
        assertEquals(relayed, sandbox.relayedRequests(id), "commands take the LAN route too");

        // LAN down mid-run: the very next call succeeds, through the relay, in the same invocation.
        sandbox.control(printerId, "{\"lan\": false}");
        assertEquals("Paused", octoPrint.job().statusText().orElseThrow());
        assertEquals(relayed + 1, sandbox.relayedRequests(id));
        assertEquals(ConnectionRoute.RELAY, service.route(id));
        JsonObject failed = lanRequests(sandbox, printerId)
                .get(lanRequests(sandbox, printerId).size() - 1);
        assertEquals(503, failed.getInt("status"), "the LAN attempt was made and failed first");

        // A command whose LAN attempt provably never reached OctoPrint is sent once more, through the relay.
        sandbox.control(printerId, "{\"lan\": true}");
        awaitRoute(id, ConnectionRoute.LAN, octoPrint);
        sandbox.control(printerId, "{\"lan\": false}");
        int before = sandbox.relayedRequests(id);
        octoPrint.resumePrint();
        assertEquals(before + 1, sandbox.relayedRequests(id));
        assertEquals("Printing", octoPrint.job().statusText().orElseThrow());

        List<JsonObject> seen = lanRequests(sandbox, printerId);
        assertFalse(seen.isEmpty());
        for (JsonObject request : seen) {
            JsonObject headers = request.getJsonObject("headers");
            assertFalse(headers.containsKey("authorization"), "the LAN face received relay credentials: " + request);
            assertTrue(headers.containsKey("x-api-key"), "the LAN face needs the OctoPrint API key: " + request);
        }
        sandbox.restore(printerId);
    }

    @Test
    @OperateOnDeployment("module")
    void aConnectionWithoutAnOctoPrintApiKeyStaysOnTheRelay() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(1).getString("id");
        PortalDriver browser = new PortalDriver();
        URI callback = browser.authorize(browser.start(service, PortalRequest.forOwner("lan-it")), printerId);
        assertEquals(303, browser.get(callback).statusCode());
        String id = PortalDriver.query(callback).get("id");
        long lanBefore = lanRequests(sandbox, printerId).size();
        for (int i = 0; i < 5; i++) {
            service.octoPrint(id).job();
        }
        assertEquals(ConnectionRoute.RELAY, service.route(id));
        assertEquals(lanBefore, lanRequests(sandbox, printerId).size(), "no key, no LAN probe");
    }

    private void awaitRoute(String id, ConnectionRoute expected, OctoPrintClient octoPrint) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (service.route(id) != expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the route never became " + expected);
            }
            octoPrint.job();
            pause();
        }
    }

    private static List<JsonObject> lanRequests(SandboxClient sandbox, String printerId) {
        return sandbox.lanRequests().stream()
                .map(v -> v.asJsonObject())
                .filter(r -> printerId.equals(r.getString("printerId", "")))
                .toList();
    }

    private static long lanCalls(SandboxClient sandbox, String printerId, String method, String path) {
        return lanRequests(sandbox, printerId).stream()
                .filter(r -> method.equals(r.getString("method")) && path.equals(r.getString("path")))
                .count();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
