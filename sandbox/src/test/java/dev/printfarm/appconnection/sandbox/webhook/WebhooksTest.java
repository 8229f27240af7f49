package dev.printfarm.appconnection.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class WebhooksTest {

    private static final String BASE = "http://localhost:9080/sandbox";

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(100), Optional.empty(), 0), clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final WebhookRegistry registry = new WebhookRegistry();
    private final WebhookLog log = new WebhookLog();
    private final RecordingSender sender = new RecordingSender();
    private final List<Runnable> queued = new ArrayList<>();
    private final Webhooks webhooks = new Webhooks(connections, registry, log, clock, sender, queued::add);
    private final EmulatedPrinter printer = printers.all().get(0);

    @Test
    void aNotificationGoesToTheUrlExactlyAsRegisteredWithEveryPayloadKey() {
        AppConnection connection = registered("http://localhost:8080/hooks/octo?token=s3cret&x=1", Set.of());

        Webhooks.Dispatch dispatch = notify(2, JsonValue.EMPTY_JSON_OBJECT, 1);
        runQueued();

        assertEquals(List.of(connection.id()), dispatch.queued());
        assertEquals(1, sender.sent.size());
        assertEquals(
                URI.create("http://localhost:8080/hooks/octo?token=s3cret&x=1"),
                sender.sent.get(0).url());
        JsonObject payload = json(sender.sent.get(0).json());
        assertEquals(WebhookPayload.KEYS, List.copyOf(payload.keySet()));
        assertEquals(2, payload.getInt("EventType"));
        assertEquals(printer.id(), payload.getString("PrinterId"));
        assertEquals(BASE + "/printer/" + printer.id(), payload.getString("QuickViewUrl"));
    }

    @Test
    void theFilterLetsOnlyItsEventTypesThroughAndEmptyMeansAll() {
        AppConnection picky = registered("http://localhost:1/a", Set.of(1, 2));
        AppConnection all = registered("http://localhost:1/b", Set.of());

        Webhooks.Dispatch progress = notify(6, JsonValue.EMPTY_JSON_OBJECT, 1);
        Webhooks.Dispatch unknown = notify(99, JsonValue.EMPTY_JSON_OBJECT, 1);
        Webhooks.Dispatch complete = notify(2, JsonValue.EMPTY_JSON_OBJECT, 1);

        assertEquals(List.of(all.id()), progress.queued());
        assertEquals(List.of(picky.id()), progress.filteredOut());
        assertEquals(List.of(all.id()), unknown.queued());
        assertEquals(List.of(picky.id(), all.id()), complete.queued());
        assertTrue(complete.filteredOut().isEmpty());
    }

    @Test
    void repeatDeliversTheIdenticalPayloadThatManyTimesInOrder() {
        registered("http://127.0.0.1:7/hook", Set.of());

        notify(3, Json.createObjectBuilder().add("Error", "Nozzle clog").build(), 3);
        clock.advance(Duration.ofSeconds(5));
        runQueued();

        assertEquals(3, sender.sent.size());
        assertEquals(
                1,
                sender.sent.stream().map(RecordingSender.Sent::json).distinct().count());
        assertEquals("Nozzle clog", json(sender.sent.get(0).json()).getString("Error"));
        assertEquals(3, log.snapshot().size());
    }

    @Test
    void everyAttemptIsLoggedWithTheMaskedUrlAndTheStatusOrTheError() {
        AppConnection connection = registered("http://localhost:8080/hook?token=s3cret", Set.of());
        notify(1, JsonValue.EMPTY_JSON_OBJECT, 1);
        runQueued();
        sender.status = 0;
        notify(5, JsonValue.EMPTY_JSON_OBJECT, 1);
        runQueued();

        List<WebhookDelivery> deliveries = log.snapshot();
        assertEquals(2, deliveries.size());
        WebhookDelivery ok = deliveries.get(0);
        assertEquals(connection.id(), ok.connectionId());
        assertEquals(printer.id(), ok.printerId());
        assertEquals("http://localhost:8080/hook?token=***", ok.url());
        assertEquals(1, ok.eventType());
        assertEquals(OptionalInt.of(200), ok.status());
        assertEquals(Optional.empty(), ok.error());
        assertEquals(clock.instant(), ok.time());
        assertEquals(OptionalInt.empty(), deliveries.get(1).status());
        assertEquals(
                Optional.of("ConnectException: Connection refused"),
                deliveries.get(1).error());
    }

    @Test
    void revokedConnectionsAndExpiredRegistrationsGetNothing() {
        AppConnection revoked = registered("http://localhost:1/a", Set.of());
        connections.revoke(revoked.id(), true);

        assertTrue(webhooks.targets(printer.id()).isEmpty());
        connections.revoke(revoked.id(), false);
        assertEquals(1, webhooks.targets(printer.id()).size());
        clock.advance(WebhookRegistration.LIFETIME);
        assertTrue(webhooks.targets(printer.id()).isEmpty());
    }

    @Test
    void onlyTheNamedConnectionIsNotifiedWhenOneIsNamed() {
        AppConnection first = registered("http://localhost:1/a", Set.of());
        registered("http://localhost:1/b", Set.of());

        Webhooks.Dispatch dispatch = webhooks.notify(
                printer, PrintEvent.of(1, Optional.empty()), JsonValue.EMPTY_JSON_OBJECT, 1, Optional.of(first.id()));

        assertEquals(List.of(first.id()), dispatch.queued());
    }

    @Test
    void deliveriesQueuedBeforeAClearAreNeitherSentNorLogged() {
        registered("http://localhost:1/a", Set.of());
        notify(1, JsonValue.EMPTY_JSON_OBJECT, 2);

        log.clear();
        runQueued();

        assertTrue(sender.sent.isEmpty());
        assertTrue(log.snapshot().isEmpty());
    }

    @Test
    void aFullQueueIsLoggedAsNotSent() {
        Webhooks full = new Webhooks(connections, registry, log, clock, sender, task -> {
            throw new RejectedExecutionException("full");
        });
        registered("http://localhost:1/a", Set.of());

        full.notify(printer, PrintEvent.of(1, Optional.empty()), JsonValue.EMPTY_JSON_OBJECT, 1, Optional.empty());

        assertEquals(Optional.of(Webhooks.QUEUE_FULL), log.snapshot().get(0).error());
        assertTrue(sender.sent.isEmpty());
    }

    @Test
    void theTestNotificationIsSentAtOnceWhateverTheFilter() {
        WebhookRegistration registration = registration(connect(), "http://localhost:1/a", Set.of(1));
        registry.register(registration);

        Webhooks.Outcome outcome = webhooks.test(printer, registration, PrintEvent.of(16, Optional.empty()));

        assertEquals(OptionalInt.of(200), outcome.status());
        assertEquals(16, json(sender.sent.get(0).json()).getInt("EventType"));
        assertEquals(16, log.snapshot().get(0).eventType());
        assertTrue(queued.isEmpty());
    }

    @Test
    void theLogKeepsTheLast500() {
        WebhookRegistration registration = registration(connect(), "http://localhost:1/a", Set.of());
        for (int i = 0; i < WebhookLog.CAPACITY + 20; i++) {
            log.record(
                    log.generation(),
                    new WebhookDelivery("C", "P", "u", i, OptionalInt.of(200), Optional.empty(), clock.instant()));
        }

        assertEquals(WebhookLog.CAPACITY, log.snapshot().size());
        assertEquals(20, log.snapshot().get(0).eventType());
        assertEquals("http://localhost:1/a", registration.maskedUrl());
    }

    private Webhooks.Dispatch notify(int eventType, JsonObject overrides, int repeat) {
        return webhooks.notify(
                printer,
                PrintEvent.of(eventType, printer.octoPrintAt(clock.instant()).job()),
                overrides,
                repeat,
                Optional.empty());
    }

    private AppConnection registered(String url, Set<Integer> eventTypes) {
        AppConnection connection = connect();
        registry.register(registration(connection, url, eventTypes));
        return connection;
    }

    private AppConnection connect() {
        clock.advance(Duration.ofMillis(1));
        return connections.create(printer.id(), "devtest", BASE + "/relay", false);
    }

    private WebhookRegistration registration(AppConnection connection, String url, Set<Integer> eventTypes) {
        return WebhookRegistration.of(connection.id(), printer.id(), url, eventTypes, clock.instant(), BASE);
    }

    private void runQueued() {
        List<Runnable> tasks = List.copyOf(queued);
        queued.clear();
        tasks.forEach(Runnable::run);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
