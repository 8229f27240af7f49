package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal callback against forged, replayed, expired, cancelled, incomplete and legacy completions.
 * Every refused completion leaves the store as it was. Runs inside Liberty, on Derby and on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("store")
class PortalCallbackIT {

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(PortalCallbackIT.class, ConnectionEvents.class);
    }

    /** Every flow expires before its completion can arrive. */
    @Deployment(name = "expiring", order = 3)
    static WebArchive expiring() {
        return Deployments.module(
                "module-expiring-it",
                Map.of("appconnection.portal.state-ttl", "PT0.001S"),
                PortalCallbackIT.class,
                ConnectionEvents.class);
    }

    @Inject
    AppConnectionService service;

    @Inject
    ConnectionEvents events;

    private SandboxClient sandbox;
    private final PortalDriver browser = new PortalDriver();
    private String owner;

    @BeforeEach
    void setUp() {
        sandbox = SandboxClient.onThisServer();
        owner = "callback-it-" + UUID.randomUUID();
    }

    private String printerId() {
        return sandbox.printers().getJsonObject(0).getString("id");
    }

    private URI startFlow() {
        return browser.start(service, PortalRequest.forOwner(owner).withOctoPrintApiKey("Callback IT"));
    }

    /** The flow's own return URL (with its state) plus hand-written completion parameters. */
    private static URI completion(URI portal, Map<String, String> parameters) {
        String returnUrl = PortalDriver.query(portal).get("returnUrl");
        return URI.create(returnUrl + "&"
                + parameters.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
    }

    private Map<String, String> validParameters(String id) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("success", "true");
        p.put("id", id);
        p.put("url", sandbox.base() + "relay/" + id);
        p.put("appApiToken", "token-" + id);
        p.put("printername", "Hand-made");
        p.put("authBearerToken", "bearer-" + id);
        return p;
    }

    private int stored() {
        return service.connections(owner).size();
    }

    @Test
    @OperateOnDeployment("module")
    void missingStateIsRefusedAndStoresNothing() {
        URI portal = startFlow();
        URI callback = browser.authorize(portal, printerId());
        URI withoutState = URI.create(callback.toString().replaceFirst("state=[^&]*&?", ""));
        HttpResponse<String> answer = browser.get(withoutState);
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("not the end of a portal flow"), answer.body());
        assertEquals(0, stored());
    }

    @Test
    @OperateOnDeployment("module")
    void forgedStateIsRefusedAndStoresNothing() {
        URI callback = browser.authorize(startFlow(), printerId());
        URI forged = URI.create(callback.toString().replaceFirst("state=[^&]*", "state=" + UUID.randomUUID()));
        HttpResponse<String> answer = browser.get(forged);
        assertEquals(403, answer.statusCode());
        assertTrue(answer.body().contains("did not start this portal flow"), answer.body());
        assertEquals(0, stored());
        assertTrue(service.connection(PortalDriver.query(callback).get("id")).isEmpty());
    }

    @Test
    @OperateOnDeployment("module")
    void usedStateStoresNothingNewAndARefreshLandsAgain() {
        URI portal = startFlow();
        URI callback = browser.authorize(portal, printerId());
        String id = PortalDriver.query(callback).get("id");
        assertEquals(303, browser.get(callback).statusCode());
        assertEquals(303, browser.get(callback).statusCode(), "a browser refresh lands again");

        URI secondCompletion = browser.authorize(portal, printerId());
        HttpResponse<String> replay = browser.get(secondCompletion);
        assertEquals(403, replay.statusCode());
        assertTrue(replay.body().contains("already completed"), replay.body());

        assertEquals(1, stored());
        assertEquals(1, events.created(id), "one ConnectionCreated for one connection");
        assertTrue(service.connection(PortalDriver.query(secondCompletion).get("id"))
                .isEmpty());
    }

    @Test
    @OperateOnDeployment("expiring")
    void expiredStateIsRefusedAndStoresNothing() {
        URI callback = browser.authorize(startFlow(), printerId());
        HttpResponse<String> answer = browser.get(callback);
        assertEquals(410, answer.statusCode());
        assertTrue(answer.body().contains("expired"), answer.body());
        assertEquals(0, stored());
    }

    @Test
    @OperateOnDeployment("module")
    void cancelledFlowShowsAClearPageStoresNothingAndUsesUpTheState() {
        URI portal = startFlow();
        URI callback = browser.cancel(portal);
        assertEquals("false", PortalDriver.query(callback).get("success"));
        HttpResponse<String> answer = browser.get(callback);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("No printer connected"), answer.body());
        assertEquals(0, stored());
        assertEquals(403, browser.get(browser.authorize(portal, printerId())).statusCode());
        assertEquals(0, stored());
    }

    @Test
    @OperateOnDeployment("module")
    void completionsMissingRequiredValuesAre400AndStoreNothing() {
        URI portal = startFlow();
        for (String required : new String[] {"id", "url", "appApiToken", "authBearerToken", "success"}) {
            Map<String, String> parameters = validParameters("missing-" + required);
            parameters.remove(required);
            HttpResponse<String> answer = browser.get(completion(portal, parameters));
            assertEquals(400, answer.statusCode(), "without " + required + ": " + answer.body());
        }
        Map<String, String> plainHttp = validParameters("plain-http");
        plainHttp.put("url", "http://relay.example.net/");
        assertEquals(400, browser.get(completion(portal, plainHttp)).statusCode());
        assertEquals(0, stored());
        // Refused completions do not use up the flow: the real one still succeeds.
        assertEquals(303, browser.get(browser.authorize(portal, printerId())).statusCode());
        assertEquals(1, stored());
    }

    @Test
    @OperateOnDeployment("module")
    void legacyLowercaseKeysAreAccepted() {
        URI callback = browser.authorize(startFlow(), printerId());
        String lowered = callback.toString()
                .replace("appApiToken=", "appapitoken=")
                .replace("authBasicHttpUser=", "authbasichttpuser=")
                .replace("authBasicHttpPassword=", "authbasichttppassword=")
                .replace("authBearerToken=", "x-dropped=")
                .replace("userPrinterAccessUrl=", "userprinteraccessurl=")
                .replace("printerLastKnownLocalIp=", "printerlastknownlocalip=")
                .replace("octoPrintApiKey=", "octoprintapikey=");
        assertEquals(303, browser.get(URI.create(lowered)).statusCode());
        String id = PortalDriver.query(callback).get("id");
        assertEquals(1, stored());
        // Only the lower-cased Basic credentials are left, so a relayed call proves they were read.
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow());
    }

    @Test
    @OperateOnDeployment("module")
    void duplicateCompletionKeepsExactlyOneRow() {
        URI callback = browser.authorize(startFlow(), printerId());
        assertEquals(303, browser.get(callback).statusCode());
        assertEquals(303, browser.get(callback).statusCode());
        assertEquals(303, browser.get(callback).statusCode());
        assertEquals(1, stored());
        assertEquals(1, events.created(PortalDriver.query(callback).get("id")));
    }

    @Test
    @OperateOnDeployment("module")
    void removeDeletesOnlyLocallyAndAnnouncesIt() {
        URI callback = browser.authorize(startFlow(), printerId());
        assertEquals(303, browser.get(callback).statusCode());
        String id = PortalDriver.query(callback).get("id");
        assertTrue(service.remove(id));
        assertTrue(service.connection(id).isEmpty());
        assertEquals(0, stored());
        assertEquals(1, events.removed(id));
        assertTrue(!service.remove(id), "a second remove finds nothing");
        // OctoEverywhere still has it: removing here revokes nothing there.
        assertEquals(id, sandbox.connection(id).getString("id"));
    }
}
