package dev.printfarm.appconnection.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.error.AnswerTooLargeException;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import dev.printfarm.appconnection.it.Await;
import dev.printfarm.appconnection.it.Deployments;
import dev.printfarm.appconnection.it.PortalDriver;
import dev.printfarm.appconnection.it.SandboxClient;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where the module sends a connection's secrets and what it reads back: only to relay URLs its policy admits, from a
 * portal flow completed in the browser that started it; never to a LAN address outside the allowed ranges; and never
 * more of an answer than its cap. Runs inside Liberty, against the sandbox; the LAN face is the sandbox's
 * {@code /sandbox/lan-ip/{ip}}, which logs every request, so an address that is dialled shows there.
 */
@ExtendWith(ArquillianExtension.class)
class ModuleBoundariesIT {

    /** The cap on JSON answers in this deployment (the default is 4 MiB). */
    private static final int JSON_CAP = 64 * 1024;

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox(Map.of("sandbox.printers", "4"));
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-boundaries-it",
                Map.of(
                        "appconnection.lan.url-template",
                                "http://localhost:" + Deployments.httpPort() + "/sandbox/lan-ip/{ip}",
                        // The sandbox's printers (127.0.1.N) and no other loopback address: 127.0.0.1 is this server.
                        "appconnection.lan.allowed-ranges", "127.0.1.0/24",
                        "appconnection.lan.probe-interval", "PT0S",
                        "appconnection.lan.good-probes", "1",
                        "appconnection.lan.timeout", "PT1S",
                        "appconnection.limits.json-bytes", String.valueOf(JSON_CAP)),
                ModuleBoundariesIT.class);
    }

    @Inject
    AppConnectionService service;

    private final String owner = "boundaries-it-" + UUID.randomUUID();

    private static String printerId(SandboxClient sandbox, int index) {
        return sandbox.printers().getJsonObject(index).getString("id");
    }

    /**
     * Before issue 19 the callback accepted any https URL, or anything that began with the service URL as a string: all
     * three were stored, and the module would have sent the relay credentials there.
     */
    @Test
    @OperateOnDeployment("module")
    void completionsThatWouldSendTheSecretsElsewhereAreRefusedAndStoreNothing() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        PortalDriver browser = new PortalDriver();
        URI callback = browser.authorize(browser.start(service, PortalRequest.forOwner(owner)), printerId(sandbox, 0));
        String id = PortalDriver.query(callback).get("id");
        Map<String, String> refused = Map.of(
                "http://localhost:" + sandbox.base().getPort() + "/sandbox/../console/",
                "its path has . or .. segments",
                "https://evil.example/",
                "its host is not on appconnection.relay.allowed-hosts",
                "https://relay-user:relay-password@app-" + id + ".octoeverywhere.com/",
                "it carries user info");
        refused.forEach((relayUrl, reason) -> {
            HttpResponse<String> answer = browser.get(withParameter(callback, "url", relayUrl));
            assertEquals(400, answer.statusCode(), relayUrl + ": " + answer.body());
            assertTrue(answer.body().contains(reason), relayUrl + ": " + answer.body());
            assertEquals(0, service.connections(owner).size(), relayUrl + " was stored");
            assertTrue(service.connection(id).isEmpty(), relayUrl + " was stored");
        });
        // The flow was real and the browser its own: with the portal's relay URL the same completion is stored.
        assertEquals(303, browser.get(callback).statusCode());
        assertEquals(1, service.connections(owner).size());
    }

    /** Before issue 19 whoever held the callback URL completed the flow: the other browser's request was stored. */
    @Test
    @OperateOnDeployment("module")
    void aCompletionFromAnotherBrowserIsRefusedAndTheFlowStaysItsBrowsers() {
        PortalDriver browser = new PortalDriver();
        URI callback = browser.authorize(
                browser.start(service, PortalRequest.forOwner(owner)), printerId(SandboxClient.onThisServer(), 0));
        String id = PortalDriver.query(callback).get("id");

        HttpResponse<String> elsewhere = new PortalDriver().get(callback);
        assertEquals(403, elsewhere.statusCode(), elsewhere.body());
        assertTrue(elsewhere.body().contains("started in another browser"), elsewhere.body());
        assertEquals(0, service.connections(owner).size());
        assertTrue(service.connection(id).isEmpty());

        assertEquals(303, browser.get(callback).statusCode(), "the browser that started the flow completes it");
        assertEquals(1, service.connections(owner).size());
    }

    /** Before issue 19 the address was dialled as given: the LAN probes went to 169.254.169.254. */
    @Test
    @OperateOnDeployment("module")
    void aLinkLocalLanAddressIsNeverDialled() {
        neverDialled("169.254.169.254", "a link-local address");
    }

    /** Before issue 19 the address was dialled as given, whatever the ranges: the LAN probes went to 127.0.0.1. */
    @Test
    @OperateOnDeployment("module")
    void theServersOwnLoopbackIsNeverDialledWhenTheRangesDoNotAdmitIt() {
        neverDialled("127.0.0.1", "a loopback address");
    }

    /**
     * Connects a printer whose portal completion reported {@code address} as its LAN address, and shows that its calls
     * go through the relay and nothing is sent to that address; next to a printer at an admitted address, which is
     * probed on the LAN at once (so a probe of {@code address} would have been seen too).
     */
    private void neverDialled(String address, String what) {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String admitted = PortalDriver.connect(
                service, PortalRequest.forOwner(owner).withOctoPrintApiKey("Boundaries IT"), printerId(sandbox, 1));
        String admittedIp =
                service.connection(admitted).orElseThrow().lastKnownLocalIp().orElseThrow();
        OctoPrintClient admittedPrinter = service.octoPrint(admitted);
        Await.until(
                Duration.ofSeconds(15),
                () -> {
                    admittedPrinter.job();
                    return lanRequests(sandbox, admittedIp) > 0;
                },
                () -> "the admitted address " + admittedIp + " was never probed: " + sandbox.lanRequests());

        PortalDriver browser = new PortalDriver();
        URI callback = browser.authorize(
                browser.start(service, PortalRequest.forOwner(owner).withOctoPrintApiKey("Boundaries IT")),
                printerId(sandbox, 2));
        assertEquals(
                303,
                browser.get(withParameter(callback, "printerLastKnownLocalIp", address))
                        .statusCode());
        String id = PortalDriver.query(callback).get("id");
        assertEquals(
                address, service.connection(id).orElseThrow().lastKnownLocalIp().orElseThrow());

        int relayed = sandbox.relayedRequests(id);
        OctoPrintClient printer = service.octoPrint(id);
        for (int i = 0; i < 5; i++) {
            assertEquals("Printing", printer.job().statusText().orElseThrow());
        }
        assertEquals(relayed + 5, sandbox.relayedRequests(id), "the calls went through the relay");
        assertEquals(ConnectionRoute.RELAY, service.route(id));
        // The probes run in the background: give any that was made the time the admitted one needed.
        Await.during(Duration.ofSeconds(1));
        assertEquals(0, lanRequests(sandbox, address), address + " was dialled: " + sandbox.lanRequests());
        String refusal = service.lanRefusal(id).orElseThrow(() -> new AssertionError("no reason given"));
        assertTrue(
                refusal.contains(address + " is " + what) && refusal.contains("appconnection.lan.allowed-ranges"),
                refusal);
    }

    /**
     * Before issue 19 the whole answer was read and parsed: the call succeeded (and an endless answer would have filled
     * the heap).
     */
    @Test
    @OperateOnDeployment("module")
    void aJsonAnswerOverTheCapFailsThatCallAndTheNextOneSucceeds() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = printerId(sandbox, 3);
        String id = PortalDriver.connect(service, PortalRequest.forOwner(owner), printerId);
        OctoPrintClient printer = service.octoPrint(id);
        assertTrue(printer.job().statusText().isPresent(), "the printer answers before the test");

        // A job as OctoPrint answers it, with one field that makes it four times the cap.
        JsonObject job = Json.createObjectBuilder()
                .add("state", "Printing")
                .add(
                        "job",
                        Json.createObjectBuilder()
                                .add("file", Json.createObjectBuilder().add("name", "big.gcode")))
                .add("padding", "x".repeat(4 * JSON_CAP))
                .build();
        sandbox.printerResource(
                printerId,
                "responses",
                Json.createObjectBuilder()
                        .add("method", "GET")
                        .add("path", "/api/job")
                        .add("status", 200)
                        .add("headers", Json.createObjectBuilder().add("Content-Type", "application/json"))
                        .add("body", job.toString())
                        .build()
                        .toString());
        try {
            AnswerTooLargeException tooLarge = assertThrows(AnswerTooLargeException.class, printer::job);
            assertEquals(JSON_CAP, tooLarge.limitBytes());
            assertTrue(tooLarge.getMessage().contains("larger than " + JSON_CAP + " bytes"), tooLarge.getMessage());
        } finally {
            sandbox.printerResource(printerId, "responses", null);
        }
        assertTrue(printer.job().statusText().isPresent(), "the next call, once the printer answers normally");
        assertTrue(service.octoPrint(id).job().statusText().isPresent(), "a new client of the connection");
    }

    /**
     * The cap on a body that never ends: the call fails once the cap is passed, promptly, and the connection to the
     * relay is given up (the sandbox's answer ends), rather than the thread reading, or draining it at close, for ever.
     * Before issue 19 the body was read whole: the call never returned and the heap filled.
     */
    @Test
    @OperateOnDeployment("module")
    void anEndlessJsonAnswerFailsAtTheCapAndIsNotReadOn() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = printerId(sandbox, 3);
        String id = PortalDriver.connect(service, PortalRequest.forOwner(owner), printerId);
        OctoPrintClient printer = service.octoPrint(id);
        assertTrue(printer.job().statusText().isPresent(), "the printer answers before the test");

        sandbox.printerResource(
                printerId,
                "responses",
                Json.createObjectBuilder()
                        .add("method", "GET")
                        .add("path", "/api/job")
                        .add("status", 200)
                        .add("headers", Json.createObjectBuilder().add("Content-Type", "application/json"))
                        // Whitespace is valid JSON for as long as it lasts: only the cap can end this answer.
                        .add("body", " ".repeat(8 * 1024))
                        .add("endless", true)
                        .build()
                        .toString());
        try {
            AnswerTooLargeException tooLarge = assertTimeoutPreemptively(
                    Duration.ofSeconds(30),
                    () -> assertThrows(AnswerTooLargeException.class, printer::job),
                    "the endless answer was read on");
            assertTrue(tooLarge.getMessage().contains("larger than " + JSON_CAP + " bytes"), tooLarge.getMessage());
            Await.until(
                    Duration.ofSeconds(15),
                    () -> inFlight(sandbox, printerId) == 0,
                    () -> "the module still holds the endless answer open: " + sandbox.stats());
        } finally {
            sandbox.printerResource(printerId, "responses", null);
        }
        assertTrue(printer.job().statusText().isPresent(), "the next call, once the printer answers normally");
    }

    /** Relayed requests the sandbox is answering now for this printer. */
    private static int inFlight(SandboxClient sandbox, String printerId) {
        JsonObject byPrinter = sandbox.stats().getJsonObject("inFlightByPrinter");
        return byPrinter.containsKey(printerId) ? byPrinter.getInt(printerId) : 0;
    }

    /** How many requests the sandbox's LAN face received for this address. */
    private static long lanRequests(SandboxClient sandbox, String address) {
        return sandbox.lanRequests().stream()
                .map(v -> v.asJsonObject())
                .filter(r -> !r.isNull("lanIp") && address.equals(r.getString("lanIp")))
                .count();
    }

    /** The callback URL with one query parameter's value replaced. */
    private static URI withParameter(URI callback, String name, String value) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>(PortalDriver.query(callback));
        assertTrue(parameters.containsKey(name), "the portal sent no " + name + ": " + parameters.keySet());
        parameters.put(name, value);
        String url = callback.toString();
        return URI.create(url.substring(0, url.indexOf('?') + 1)
                + parameters.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
    }
}
