package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook renewal across a restart of the application that carries the module: the due time lives in the store, so
 * a renewal that fell due while no application ran is made as soon as one starts again. Renewal is due 10 s after
 * registration here (OctoEverywhere's registrations live 180 days; the default is 150).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookRenewalIT {

    private static final String OWNER = "renewal-it";

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "renewer", managed = false, order = 2)
    static WebArchive renewer() {
        return Deployments.module(
                "module-renewal-it",
                Map.of(
                        "appconnection.webhooks.renew-after", "PT10S",
                        "appconnection.webhooks.renewal-check-interval", "PT1S"),
                WebhookRenewalIT.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Inject
    AppConnectionService service;

    @Test
    @Order(1)
    @RunAsClient
    void start() {
        deployer.deploy("renewer");
    }

    @Test
    @Order(2)
    @OperateOnDeployment("renewer")
    void registrationIsRenewedOnSchedule() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(0).getString("id");
        String id = PortalDriver.connect(service, PortalRequest.forOwner(OWNER), printerId);
        Instant registered = service.registerWebhook(id, Set.of()).registeredAt();
        Await.until(
                Duration.ofSeconds(15),
                () -> service.webhook(id).orElseThrow().registeredAt().isAfter(registered),
                () -> "not renewed: " + service.webhook(id));
        Duration after =
                Duration.between(registered, service.webhook(id).orElseThrow().registeredAt());
        assertTrue(
                after.compareTo(Duration.ofSeconds(10)) >= 0 && after.compareTo(Duration.ofSeconds(13)) <= 0,
                "due 10 s after registration, renewed after " + after);
    }

    @Test
    @Order(3)
    @RunAsClient
    void aRenewalThatFellDueWhileTheApplicationWasDownIsMadeOnStart() {
        SandboxClient sandbox = new SandboxClient("http://localhost:" + Deployments.httpPort() + "/sandbox");
        deployer.undeploy("renewer");
        Instant stopped = Instant.now();
        Instant before = registeredAt(sandbox);
        // The registration falls due while no application carrying the module runs.
        Await.during(Duration.ofSeconds(13));
        assertEquals(before, registeredAt(sandbox), "nobody renewed while the application was down");

        deployer.deploy("renewer");
        Await.until(
                Duration.ofSeconds(20),
                () -> registeredAt(sandbox).isAfter(before),
                () -> "no renewal after the restart; registered at " + before + ", stopped at " + stopped);
    }

    @Test
    @Order(4)
    @RunAsClient
    void stop() {
        deployer.undeploy("renewer");
    }

    /** When the sandbox last accepted the webhook registration of this test's only connection. */
    private static Instant registeredAt(SandboxClient sandbox) {
        Optional<JsonObject> webhook = sandbox.connections().stream()
                .map(v -> v.asJsonObject())
                .filter(c -> !c.isNull("webhook"))
                .map(c -> c.getJsonObject("webhook"))
                .findFirst();
        return Instant.parse(webhook.orElseThrow(() -> new AssertionError("no webhook registered"))
                .getString("registeredAt"));
    }
}
