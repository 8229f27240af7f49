package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.appapi.NotificationEvent;
import dev.printfarm.appconnection.api.appapi.WebhookRegistration;
import dev.printfarm.appconnection.api.appapi.WebhookTest;
import dev.printfarm.appconnection.api.event.PrinterNotification;
import dev.printfarm.appconnection.impl.internal.Secrets;
import dev.printfarm.appconnection.impl.store.WebhookStore;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notification webhooks through the real path: the module registers its receiver with the sandbox, the sandbox POSTs
 * to it on print events, the receiver fires {@link PrinterNotification}s. Jobs last 24 s here, so a whole print is
 * seen within the test; registrations are renewed every 8 s.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

    private static final String APP = "module-webhooks-it";

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox(Map.of("sandbox.job-seconds", "24"));
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                APP,
                Map.of(
                        "appconnection.webhooks.renew-after", "PT8S",
                        "appconnection.webhooks.renewal-check-interval", "PT1S"),
                WebhooksIT.class,
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
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private String connect(int printer) {
        SandboxClient sandbox = SandboxClient.onThisServer();
        return PortalDriver.connect(
                service,
                PortalRequest.forOwner("webhooks-it"),
                sandbox.printers().getJsonObject(printer).getString("id"));
    }

    private static String printerId(int printer) {
        return SandboxClient.onThisServer().printers().getJsonObject(printer).getString("id");
    }

    private HttpResponse<String> post(String query, String body) {
        URI receiver = URI.create(
                "http://localhost:" + SandboxClient.onThisServer().base().getPort() + "/" + APP
                        + "/appconnection/webhook"
                        + (query == null ? "" : "?" + query));
        try {
            return http.send(
                    HttpRequest.newBuilder(receiver)
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

    @Test
    @OperateOnDeployment("module")
    void aPrintRunArrivesAsStartedThenProgressThenComplete() {
        String id = connect(0);
        WebhookRegistration registration = service.registerWebhook(id, Set.of());
        assertTrue(registration.events().isEmpty());
        assertTrue(registration.renewAt().isAfter(registration.registeredAt()));

        Await.until(
                Duration.ofSeconds(60),
                () -> completedPrint(id) != null,
                () -> "no started → progress → complete run among " + events.notifications(id));
        String printId = completedPrint(id);
        List<PrinterNotification> run = events.notifications(id).stream()
                .filter(n -> n.printId().orElse("").equals(printId))
                .toList();
        assertEquals(
                1,
                run.stream()
                        .filter(n -> n.event() == NotificationEvent.PRINT_STARTED)
                        .count(),
                run.toString());
        assertEquals(
                1,
                run.stream()
                        .filter(n -> n.event() == NotificationEvent.PRINT_COMPLETE)
                        .count(),
                run.toString());
        PrinterNotification progress = run.stream()
                .filter(n -> n.event() == NotificationEvent.PRINT_PROGRESS)
                .findFirst()
                .orElseThrow();
        assertTrue(
                progress.progress().getAsDouble() > 0 && progress.progress().getAsDouble() < 100, progress.toString());
        assertEquals(printerId(0), progress.printerId().orElseThrow());
        assertTrue(progress.fileName().isPresent());
    }

    /** The print id of a print seen from its start through progress to its completion, in that order; else null. */
    private String completedPrint(String id) {
        List<PrinterNotification> all = events.notifications(id);
        for (PrinterNotification started : all) {
            if (started.event() != NotificationEvent.PRINT_STARTED
                    || started.printId().isEmpty()) {
                continue;
            }
            String printId = started.printId().get();
            List<PrinterNotification> after = all.subList(all.indexOf(started), all.size()).stream()
                    .filter(n -> n.printId().orElse("").equals(printId))
                    .toList();
            int progress = indexOf(after, NotificationEvent.PRINT_PROGRESS);
            int complete = indexOf(after, NotificationEvent.PRINT_COMPLETE);
            if (progress > 0 && complete > progress) {
                return printId;
            }
        }
        return null;
    }

    private static int indexOf(List<PrinterNotification> list, NotificationEvent event) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).event() == event) {
                return i;
            }
        }
        return -1;
    }

    @Test
    @OperateOnDeployment("module")
    void forgedMissingOrMalformedTokensFireNothingAndTellNothing() {
        String id = connect(1);
        service.registerWebhook(id, Set.of());
        int before = events.notifications(id).size();
        URI server = SandboxClient.onThisServer().base();
        double refusedBefore =
                PrometheusText.of(server).sum("appconnection_webhook_deliveries_total", "outcome=\"404\"");
        String body = "{\"EventType\": 1, \"PrinterId\": \"" + printerId(1) + "\"}";
        for (String query : new String[] {
            null, "token=" + Secrets.randomToken(32), "token=short", "token=", "other=" + Secrets.randomToken(32)
        }) {
            HttpResponse<String> answer = post(query, body);
            assertEquals(404, answer.statusCode(), query);
            assertEquals("", answer.body(), "a refusal says nothing: " + query);
        }
        assertEquals(before, events.notifications(id).size());
        PrometheusText metrics = PrometheusText.of(server);
        assertTrue(
                metrics.sum("appconnection_webhook_deliveries_total", "outcome=\"404\"") >= refusedBefore + 5,
                "the five refusals are counted: " + metrics);
    }

    @Test
    @OperateOnDeployment("module")
    void aRepeatedDeliveryFiresOnceAndUnknownEventNumbersArrive() {
        String id = connect(1);
        service.registerWebhook(id, Set.of());
        SandboxClient sandbox = SandboxClient.onThisServer();
        JsonObject queued = sandbox.notifyWebhooks(
                printerId(1),
                "{\"eventType\": 99, \"repeat\": 3, \"connectionId\": \"" + id + "\", \"Error\": \"Nozzle clog\"}");
        assertEquals(1, queued.getJsonArray("queued").size(), queued.toString());
        Await.until(
                Duration.ofSeconds(15),
                () -> answered(sandbox, id, 99) == 3,
                () -> "the sandbox did not deliver event 99 three times: " + sandbox.webhookDeliveries());
        List<PrinterNotification> unknown = events.notifications(id).stream()
                .filter(n -> n.eventCode() == 99)
                .toList();
        assertEquals(1, unknown.size(), "three identical deliveries, one event: " + unknown);
        assertEquals(NotificationEvent.UNKNOWN, unknown.get(0).event());
        assertEquals("Nozzle clog", unknown.get(0).error().orElseThrow());
        PrometheusText metrics = PrometheusText.of(sandbox.base());
        assertTrue(
                metrics.sum("appconnection_webhook_deliveries_total", "outcome=\"duplicate\"") >= 2,
                metrics.toString());
        assertTrue(metrics.sum("appconnection_webhook_deliveries_total", "outcome=\"fired\"") >= 1, metrics.toString());
    }

    private static long answered(SandboxClient sandbox, String connectionId, int eventType) {
        return sandbox.webhookDeliveries().stream()
                .map(v -> v.asJsonObject())
                .filter(d -> d.getString("connectionId").equals(connectionId) && d.getInt("eventType") == eventType)
                .filter(d -> !d.isNull("status") && d.getInt("status") == 200)
                .count();
    }

    @Test
    @OperateOnDeployment("module")
    void aBadBodyIsRefusedWithAClearMessageAndAReplayFiresOnce() {
        String id = connect(2);
        String token = Secrets.randomToken(32);
        Instant now = Instant.now();
        // A registration made here with a token this test knows, as OctoEverywhere would hold it.
        webhookStore.save(
                id,
                Secrets.fingerprint(token),
                URI.create("http://localhost/x"),
                Set.of(),
                now,
                now.plus(Duration.ofDays(1)),
                now);
        String query = "token=" + token;

        HttpResponse<String> notJson = post(query, "{\"EventType\": ");
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().contains("not valid JSON"), notJson.body());
        HttpResponse<String> array = post(query, "[1, 2]");
        assertEquals(400, array.statusCode());
        assertTrue(array.body().contains("must be a JSON object"), array.body());
        HttpResponse<String> noEvent = post(query, "{\"PrinterId\": \"p\"}");
        assertEquals(400, noEvent.statusCode());
        assertTrue(noEvent.body().contains("EventType"), noEvent.body());
        assertEquals(List.of(), events.notifications(id), "nothing fired for a refused body");

        String delivery = "{\"EventType\": 5, \"PrintId\": \"replay-1\", \"FutureKey\": [1]}";
        assertEquals(200, post(query, delivery).statusCode());
        assertEquals(200, post(query, delivery).statusCode(), "a replay is acknowledged, so OctoEverywhere stops");
        assertEquals(
                1, events.notifications(id).size(), events.notifications(id).toString());
        PrinterNotification resumed = events.notifications(id).get(0);
        assertEquals(NotificationEvent.PRINT_RESUMED, resumed.event());
        assertEquals("[1]", resumed.extra().get("FutureKey"));
        assertEquals(200, post(query, delivery.replace("replay-1", "replay-2")).statusCode());
        assertEquals(2, events.notifications(id).size(), "a different delivery fires");
        service.remove(id);
    }

    @Test
    @OperateOnDeployment("module")
    void testWebhookReachesTheReceiverAndRemovingTheConnectionDeletesTheRegistration() {
        String id = connect(2);
        service.registerWebhook(id, Set.of(NotificationEvent.PRINT_FAILED));
        WebhookTest test = service.testWebhook(id);
        assertTrue(test.delivered(), test.toString());
        assertEquals(200, test.statusCode().getAsInt());
        Await.until(
                Duration.ofSeconds(5),
                () -> events.count(id, NotificationEvent.TEST_NOTIFICATION) == 1,
                () -> "no test notification: " + events.notifications(id));
        SandboxClient sandbox = SandboxClient.onThisServer();
        JsonObject registered = sandbox.connection(id).getJsonObject("webhook");
        assertEquals("[3]", registered.getJsonArray("filter").toString());
        assertTrue(
                registered.getString("url").endsWith("/" + APP + "/appconnection/webhook?token=***"),
                "the receiver with its token (masked by the sandbox): " + registered.getString("url"));

        assertTrue(service.remove(id));
        assertTrue(sandbox.connection(id).isNull("webhook"), "the registration is deleted at OctoEverywhere");
        assertTrue(service.webhook(id).isEmpty());
    }

    @Test
    @OperateOnDeployment("module")
    void registrationsAreRenewedOnScheduleWithAFreshToken() {
        String id = connect(0);
        Instant first = service.registerWebhook(id, Set.of()).registeredAt();
        String firstAtSandbox = SandboxClient.onThisServer()
                .connection(id)
                .getJsonObject("webhook")
                .getString("registeredAt");
        Await.until(
                Duration.ofSeconds(15),
                () -> service.webhook(id).orElseThrow().registeredAt().isAfter(first),
                () -> "not renewed: " + service.webhook(id));
        Instant renewed = service.webhook(id).orElseThrow().registeredAt();
        Duration after = Duration.between(first, renewed);
        assertTrue(
                after.compareTo(Duration.ofSeconds(8)) >= 0 && after.compareTo(Duration.ofSeconds(12)) <= 0,
                "renewal due 8 s after registration, made after " + after);
        String renewedAtSandbox = SandboxClient.onThisServer()
                .connection(id)
                .getJsonObject("webhook")
                .getString("registeredAt");
        assertFalse(renewedAtSandbox.equals(firstAtSandbox), "OctoEverywhere got the renewal");
        assertTrue(service.testWebhook(id).delivered(), "the renewed registration's token is accepted");
    }
}
