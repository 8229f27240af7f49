package dev.printfarm.appconnection.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.impl.internal.Secrets;
import dev.printfarm.appconnection.impl.store.WebhookStore;
import dev.printfarm.appconnection.it.Await;
import dev.printfarm.appconnection.it.Deployments;
import dev.printfarm.appconnection.it.ModuleEvents;
import dev.printfarm.appconnection.it.PortalDriver;
import dev.printfarm.appconnection.it.PrometheusText;
import dev.printfarm.appconnection.it.SandboxClient;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an outsider can do with the module's two public doors, the webhook receiver and the portal callback: replay a
 * delivery it saw (fires nothing while the delivery's token is accepted), use a token a renewal replaced (refused once
 * its grace is over), leave portal flows behind (deleted once expired) and knock on the callback (counted by reason,
 * logged once a minute). Short durations here: renewal checks every second, a replaced token's grace of 8 s, flows that
 * live 2 s and are purged every second.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksAndFlowsIT {

    private static final String APP = "module-webhooks-flows-it";
    private static final Duration GRACE = Duration.ofSeconds(8);
    private static final Duration FLOW_TTL = Duration.ofSeconds(2);

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                APP,
                Map.of(
                        "appconnection.webhooks.renewal-check-interval", "PT1S",
                        "appconnection.webhooks.renew-after", "PT1H",
                        "appconnection.webhooks.previous-token-grace", GRACE.toString(),
                        // Gone with issue 19, when deliveries were forgotten after this window: now it must change
                        // nothing.
                        "appconnection.webhooks.dedupe-window", "PT1S"),
                WebhooksAndFlowsIT.class,
                ModuleEvents.class);
    }

    @Deployment(name = "purging", order = 3)
    static WebArchive purging() {
        return Deployments.module(
                "module-purging-it",
                Map.of(
                        "appconnection.portal.state-ttl",
                        FLOW_TTL.toString(),
                        "appconnection.portal.purge-interval",
                        "PT1S"),
                WebhooksAndFlowsIT.class,
                ModuleEvents.class);
    }

    @Inject
    AppConnectionService service;

    @Inject
    ModuleEvents events;

    @Inject
    WebhookStore webhookStore;

    /** HTTP/1.1 as OctoEverywhere's deliveries are; the JDK's default would try an h2c upgrade on a POST. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private String connect(int printer) {
        SandboxClient sandbox = SandboxClient.onThisServer();
        return PortalDriver.connect(
                service,
                PortalRequest.forOwner("webhooks-flows-it"),
                sandbox.printers().getJsonObject(printer).getString("id"));
    }

    /** The receiver of this test's application, as OctoEverywhere is given it (without the token). */
    private static URI receiver() {
        return URI.create("http://localhost:"
                + SandboxClient.onThisServer().base().getPort() + "/" + APP + "/appconnection/webhook");
    }

    /** A registration with a token this test knows, as OctoEverywhere holds it, renewed at {@code renewAt}. */
    private String registerKnownToken(String id, Instant renewAt) {
        String token = Secrets.randomToken(32);
        Instant now = Instant.now();
        webhookStore.save(id, Secrets.fingerprint(token), receiver(), Set.of(), now, renewAt, now);
        return token;
    }

    private HttpResponse<String> deliver(String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(receiver() + "?token=" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Before issue 19 a delivery was remembered for {@code appconnection.webhooks.dedupe-window} only (2 days by default,
     * 1 s here), while its token stayed accepted: the same delivery, replayed later, fired again.
     */
    @Test
    @OperateOnDeployment("module")
    void aDeliveryReplayedLaterFiresNothingWhileItsTokenIsAccepted() {
        String id = connect(0);
        String token = registerKnownToken(id, Instant.now().plus(Duration.ofDays(1)));
        String delivery = "{\"EventType\": 2, \"PrintId\": \"replayed-" + UUID.randomUUID() + "\"}";
        assertEquals(200, deliver(token, delivery).statusCode());
        assertEquals(
                1, events.notifications(id).size(), events.notifications(id).toString());

        // Past the old window, with the renewal task (which used to forget old deliveries) run three times.
        Await.during(Duration.ofSeconds(3));
        assertEquals(200, deliver(token, delivery).statusCode(), "a replay is acknowledged, so a retry stops");
        assertEquals(1, events.notifications(id).size(), "the replay fired again: " + events.notifications(id));
    }

    /**
     * Before issue 19 a replay within the grace fired again once the old window (1 s here) had passed; the replaced
     * token itself was refused after its grace then too.
     */
    @Test
    @OperateOnDeployment("module")
    void afterARenewalTheOldTokenReplaysNothingAndIsRefusedOnceItsGraceIsOver() {
        String id = connect(1);
        String old = registerKnownToken(id, Instant.now().plus(Duration.ofSeconds(2)));
        Instant registered = service.webhook(id).orElseThrow().registeredAt();
        String delivery = "{\"EventType\": 1, \"PrintId\": \"renewed-" + UUID.randomUUID() + "\"}";
        assertEquals(200, deliver(old, delivery).statusCode());
        assertEquals(1, events.notifications(id).size());

        Await.until(
                Duration.ofSeconds(15),
                () -> service.webhook(id).orElseThrow().registeredAt().isAfter(registered),
                () -> "not renewed: " + service.webhook(id));
        HttpResponse<String> replay = deliver(old, delivery);
        assertEquals(200, replay.statusCode(), "the replaced token is accepted during its grace");
        assertEquals(1, events.notifications(id).size(), "the replay fired again: " + events.notifications(id));

        // Asked with the replay again: while the token is accepted it is a repeat (200), which fires nothing.
        Await.until(
                GRACE.plusSeconds(10),
                () -> deliver(old, delivery).statusCode() == 404,
                () -> "the replaced token is still accepted " + GRACE + " after the renewal");
        assertEquals(1, events.notifications(id).size(), "a delivery fired: " + events.notifications(id));
        assertTrue(service.testWebhook(id).delivered(), "the renewal's new token is accepted");
    }

    /**
     * Before issue 19 refused callbacks were not counted, and each was logged: anyone could fill the log by requesting
     * the callback URL.
     */
    @Test
    @RunAsClient
    void refusedCallbacksAreCountedByReasonAndLoggedOnce() throws IOException {
        URI server = URI.create("http://localhost:" + Deployments.httpPort() + "/");
        Path log = Path.of(System.getProperty("it.server.logs"), "messages.log");
        String line = "Refused an App Connection portal callback (unknown-state)";
        long loggedBefore = lines(log, line);
        double countedBefore = refused(server, "unknown-state");
        int refusals = 10;
        for (int i = 0; i < refusals; i++) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(server.resolve(
                            APP + "/appconnection/callback?state=" + UUID.randomUUID() + "&success=false"))
                    .GET());
            assertEquals(403, answer.statusCode(), answer.body());
        }
        assertEquals(countedBefore + refusals, refused(server, "unknown-state"), 0.0);
        Await.until(Duration.ofSeconds(10), () -> lines(log, line) > loggedBefore, () -> "no line in " + log);
        // Lines are written as they come: a second one would be there by now.
        Await.during(Duration.ofSeconds(1));
        assertEquals(loggedBefore + 1, lines(log, line), refusals + " refusals of one reason within a minute");
    }

    /**
     * Before issue 19 portal flows were never deleted: this callback answered "expired" for ever. A flow is kept one
     * more flow lifetime after it expired (a late callback still reads "expired"), then it is gone.
     */
    @Test
    @OperateOnDeployment("purging")
    void anExpiredPortalFlowIsDeleted() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String owner = "purge-it-" + UUID.randomUUID();
        PortalDriver browser = new PortalDriver();
        URI callback = browser.authorize(
                browser.start(service, PortalRequest.forOwner(owner)),
                sandbox.printers().getJsonObject(2).getString("id"));
        // Its own browser's cookie, sent by hand: the browser drops it when the flow expires.
        String cookie = browser.cookieHeader(callback);
        assertTrue(!cookie.isEmpty(), "the browser has no cookie for the flow");
        Await.during(FLOW_TTL);

        List<String> seen = new ArrayList<>();
        Await.until(
                Duration.ofSeconds(20),
                () -> {
                    HttpResponse<String> answer = send(HttpRequest.newBuilder(callback)
                            .header("Cookie", cookie)
                            .GET());
                    seen.add(answer.statusCode() + (answer.body().contains("expired") ? " expired" : ""));
                    return answer.statusCode() == 403 && answer.body().contains("did not start this portal flow");
                },
                () -> "the expired flow is still there: " + seen);
        assertTrue(seen.stream().limit(seen.size() - 1).allMatch("410 expired"::equals), seen.toString());
        assertEquals(0, service.connections(owner).size());
    }

    private static long lines(Path log, String text) {
        try (var all = Files.lines(log, java.nio.charset.StandardCharsets.UTF_8)) {
            return all.filter(l -> l.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double refused(URI server, String reason) {
        return PrometheusText.of(server).sum("appconnection_portal_refused_total", "reason=\"" + reason + "\"");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
