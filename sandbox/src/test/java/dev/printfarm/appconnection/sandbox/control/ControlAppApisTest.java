package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.appapi.InfoCalls;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.gadget.GadgetBoard;
import dev.printfarm.appconnection.sandbox.gadget.GadgetCall;
import dev.printfarm.appconnection.sandbox.gadget.GadgetScript;
import dev.printfarm.appconnection.sandbox.gadget.GadgetStatus;
import dev.printfarm.appconnection.sandbox.lan.LanRequestLog;
import dev.printfarm.appconnection.sandbox.live.LiveLink;
import dev.printfarm.appconnection.sandbox.live.LiveLinkOptions;
import dev.printfarm.appconnection.sandbox.live.LiveLinks;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.outage.RelayOutage;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrintJobs;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.push.PushHub;
import dev.printfarm.appconnection.sandbox.relay.ConnectionResets;
import dev.printfarm.appconnection.sandbox.relay.RelayInFlight;
import dev.printfarm.appconnection.sandbox.relay.RelayStats;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import dev.printfarm.appconnection.sandbox.webhook.PrintEventTicker;
import dev.printfarm.appconnection.sandbox.webhook.WebhookDelivery;
import dev.printfarm.appconnection.sandbox.webhook.WebhookLog;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistration;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistry;
import dev.printfarm.appconnection.sandbox.webhook.Webhooks;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlAppApisTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(100), Optional.empty(), 0), clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final WebhookRegistry webhookRegistry = new WebhookRegistry();
    private final WebhookLog webhookLog = new WebhookLog();
    private final List<String> sent = new ArrayList<>();
    private final List<Runnable> queued = new ArrayList<>();
    private final Webhooks webhooks = new Webhooks(
            connections,
            webhookRegistry,
            webhookLog,
            clock,
            (url, json) -> {
                sent.add(json);
                return 200;
            },
            queued::add);
    private final GadgetBoard gadget = new GadgetBoard();
    private final InfoCalls infoCalls = new InfoCalls(clock);
    private final LiveLinks liveLinks = new LiveLinks();
    private final EmulatedPrinter printer = printers.all().get(0);

    // --- Gadget scripts ------------------------------------------------------------------------------------------

    @Test
    void aGadgetScriptTakesAStateAndDefaultsTheRest() {
        assertEquals(
                new GadgetScript.Answer(new GadgetStatus(3, "Looking good", "g", 8)),
                GadgetScripts.parse("{\"state\": 3, \"status\": \"Looking good\", \"color\": \"g\", \"rating\": 8}"));
        assertEquals(
                new GadgetScript.Answer(new GadgetStatus(3, "Looking good", "r", 2)),
                GadgetScripts.parse("{\"state\": 3, \"rating\": 2}"));
        assertEquals(
                new GadgetScript.Answer(new GadgetStatus(1, "Disabled for this print", "w", 10)),
                GadgetScripts.parse("{\"state\": 1}"));
        assertEquals(
                new GadgetScript.Answer(new GadgetStatus(4, "Paused: possible failure", "r", 1)),
                GadgetScripts.parse("{\"state\": 4}"));
    }

    @Test
    void aGadgetFailureIs500OrA6xxAndGoesAlone() {
        for (int status : List.of(500, 601, 602, 610, 611, 699)) {
            assertEquals(new GadgetScript.Failure(status), GadgetScripts.parse("{\"failWith\": " + status + "}"));
        }
        for (String body : List.of(
                "{\"failWith\": 501}",
                "{\"failWith\": 404}",
                "{\"failWith\": 700}",
                "{\"failWith\": 610, \"state\": 3}",
                "{\"failWith\": \"610\"}")) {
            assertThrows(InvalidControlException.class, () -> GadgetScripts.parse(body), body);
        }
    }

    @Test
    void aBadGadgetScriptIsRefused() {
        for (String body : List.of(
                "",
                "[]",
                "{}",
                "{\"state\": 5}",
                "{\"state\": -1}",
                "{\"state\": 2.5}",
                "{\"state\": 3, \"rating\": 0}",
                "{\"state\": 3, \"rating\": 11}",
                "{\"state\": 3, \"color\": \"b\"}",
                "{\"state\": 3, \"status\": 1}",
                "{\"state\": 3, \"mood\": \"ok\"}",
                "{\"state\": 3, \"status\": \"" + "x".repeat(GadgetStatus.MAX_STATUS_LENGTH + 1) + "\"}")) {
            assertThrows(InvalidControlException.class, () -> GadgetScripts.parse(body), body);
        }
    }

    @Test
    void theGadgetScriptIsShownAsSent() {
        assertEquals("{\"script\":null}", GadgetScripts.json(Optional.empty()).toString());
        assertEquals(
                "{\"script\":{\"failWith\":610}}",
                GadgetScripts.json(Optional.of(new GadgetScript.Failure(610))).toString());
        assertEquals(
                "{\"script\":{\"state\":3,\"status\":\"ok\",\"color\":\"y\",\"rating\":5}}",
                GadgetScripts.json(Optional.of(new GadgetScript.Answer(new GadgetStatus(3, "ok", "y", 5))))
                        .toString());
    }

    @Test
    void gadgetCallsAreListedOldestFirstAndByConnection() {
        gadget.recordCall(printer.id(), new GadgetCall("C2", Instant.parse("2026-11-28T10:00:00.250Z")));
        gadget.recordCall(printer.id(), new GadgetCall("C1", Instant.parse("2026-11-28T10:00:10Z")));
        gadget.recordCall(printer.id(), new GadgetCall("C2", Instant.parse("2026-11-28T10:00:20.123456Z")));

        JsonObject json = ControlJson.gadgetCalls(gadget.calls(printer.id()));

        assertEquals(
                List.of("2026-11-28T10:00:00.250Z", "2026-11-28T10:00:10Z", "2026-11-28T10:00:20.123Z"),
                strings(json.getJsonArray("calls")));
        assertEquals(
                List.of("2026-11-28T10:00:10Z"),
                strings(json.getJsonObject("byConnection").getJsonArray("C1")));
        assertEquals(2, json.getJsonObject("byConnection").getJsonArray("C2").size());
        assertEquals(
                "{\"calls\":[],\"byConnection\":{}}",
                ControlJson.gadgetCalls(gadget.calls("other")).toString());
    }

    // --- Info API calls -----------------------------------------------------------------------------------------

    @Test
    void infoCallsAreListedOldestFirstToTheMillisecond() {
        AppConnection connection = connect();
        clock.advance(Duration.ofMillis(249));
        infoCalls.record(connection.id());
        clock.advance(Duration.ofMillis(9_750));
        infoCalls.record(connection.id());
        clock.advance(Duration.ofNanos(10_123_456_789L));
        infoCalls.record(connection.id());

        JsonObject json = control().infoCallsOf(connection.id()).orElseThrow();

        assertEquals(
                List.of("2026-11-28T10:00:00.250Z", "2026-11-28T10:00:10Z", "2026-11-28T10:00:20.123Z"),
                strings(json.getJsonArray("calls")));
        assertEquals(Set.of("calls"), json.keySet());
    }

    @Test
    void aConnectionNeverCalledListsNoInfoCallsAndAnUnknownOneIsNotFound() {
        AppConnection connection = connect();
        infoCalls.record("someone-else");

        assertEquals(
                "{\"calls\":[]}",
                control().infoCallsOf(connection.id()).orElseThrow().toString());
        assertEquals(Optional.empty(), control().infoCallsOf("someone-else"));
    }

    @Test
    void aRevokedConnectionStillListsItsInfoCalls() {
        AppConnection connection = connect();
        infoCalls.record(connection.id());
        connections.revoke(connection.id(), true);

        assertEquals(
                "{\"calls\":[\"2026-11-28T10:00:00.001Z\"]}",
                control().infoCallsOf(connection.id()).orElseThrow().toString());
    }

    // --- webhooks ------------------------------------------------------------------------------------------------

    @Test
    void aWebhookTriggerTakesAnyEventTypeARepeatAndPayloadOverrides() {
        WebhookTrigger trigger = WebhookTrigger.parse(
                "{\"eventType\": 99, \"repeat\": 3, \"Error\": \"Nozzle clog\", \"Progress\": 55, \"NewKey\": null}");

        assertEquals(99, trigger.eventType());
        assertEquals(3, trigger.repeat());
        assertEquals(Optional.empty(), trigger.connectionId());
        assertEquals(
                "{\"Error\":\"Nozzle clog\",\"Progress\":55,\"NewKey\":null}",
                trigger.overrides().toString());
        assertEquals(1, WebhookTrigger.parse("{\"eventType\": -7}").repeat());
        assertEquals(
                Optional.of("C1"),
                WebhookTrigger.parse("{\"eventType\": 1, \"connectionId\": \"C1\"}")
                        .connectionId());
    }

    @Test
    void aBadWebhookTriggerIsRefused() {
        for (String body : List.of(
                "",
                "{}",
                "{\"eventType\": \"1\"}",
                "{\"eventType\": 1.5}",
                "{\"eventType\": 1, \"repeat\": 0}",
                "{\"eventType\": 1, \"repeat\": 101}",
                "{\"eventType\": 1, \"connectionId\": 5}",
                "{\"eventType\": 1, \"EventType\": 2}")) {
            assertThrows(InvalidControlException.class, () -> WebhookTrigger.parse(body), body);
        }
    }

    @Test
    void firingAWebhookQueuesThePayloadRepeatedOrAnswersNothingWithoutATarget() {
        assertTrue(ControlWebhooks.fire(webhooks, printer, WebhookTrigger.parse("{\"eventType\": 1}"), clock.instant())
                .isEmpty());
        AppConnection all = connect();
        AppConnection picky = connect();
        register(all, Set.of());
        register(picky, Set.of(2));

        JsonObject dispatch = ControlWebhooks.fire(
                        webhooks,
                        printer,
                        WebhookTrigger.parse("{\"eventType\": 99, \"repeat\": 2, \"Error\": \"E\"}"),
                        clock.instant())
                .orElseThrow();
        queued.forEach(Runnable::run);

        assertEquals(99, dispatch.getInt("eventType"));
        assertEquals(List.of(all.id()), strings(dispatch.getJsonArray("queued")));
        assertEquals(List.of(picky.id()), strings(dispatch.getJsonArray("filteredOut")));
        assertEquals(2, sent.size());
        assertEquals(sent.get(0), sent.get(1));
        JsonObject payload = Json.createReader(new StringReader(sent.get(0))).readObject();
        assertEquals(99, payload.getInt("EventType"));
        assertEquals("E", payload.getString("Error"));
        assertEquals("benchy-1.gcode", payload.getString("FileName"));
        assertTrue(ControlWebhooks.fire(
                        webhooks,
                        printer,
                        WebhookTrigger.parse("{\"eventType\": 1, \"connectionId\": \"nobody\"}"),
                        clock.instant())
                .isEmpty());
    }

    @Test
    void aConnectionShowsItsWebhookMasked() {
        AppConnection connection = connect();
        WebhookRegistration registration = register(connection, Set.of(6, 2));

        JsonObject json = ControlJson.connection(connection, false, Optional.of(registration));
        JsonObject without = ControlJson.connection(connection, false);

        JsonObject webhook = json.getJsonObject("webhook");
        assertEquals("http://localhost:8080/hook?token=***", webhook.getString("url"));
        assertEquals("[2,6]", webhook.getJsonArray("filter").toString());
        assertEquals("2026-11-28T10:00:00.001Z", webhook.getString("registeredAt"));
        assertEquals("2027-05-27T10:00:00.001Z", webhook.getString("expiresAt"));
        assertTrue(without.isNull("webhook"));
    }

    @Test
    void deliveriesShowStatusOrError() {
        List<WebhookDelivery> deliveries = List.of(
                new WebhookDelivery(
                        "C1",
                        "P1",
                        "http://localhost/h?t=***",
                        2,
                        OptionalInt.of(500),
                        Optional.empty(),
                        Instant.parse("2026-11-28T10:00:01Z")),
                new WebhookDelivery(
                        "C1",
                        "P1",
                        "http://localhost/h?t=***",
                        99,
                        OptionalInt.empty(),
                        Optional.of("HttpTimeoutException: request timed out"),
                        Instant.parse("2026-11-28T10:00:02Z")));

        JsonArray json = ControlJson.webhookDeliveries(deliveries);

        assertEquals(
                "{\"connectionId\":\"C1\",\"printerId\":\"P1\",\"url\":\"http://localhost/h?t=***\","
                        + "\"eventType\":2,\"status\":500,\"error\":null,\"time\":\"2026-11-28T10:00:01Z\"}",
                json.getJsonObject(0).toString());
        assertTrue(json.getJsonObject(1).isNull("status"));
        assertEquals(
                "HttpTimeoutException: request timed out", json.getJsonObject(1).getString("error"));
    }

    @Test
    void liveLinksShowWhetherTheyAreStillActive() {
        LiveLink plain = liveLinks.create(
                "C1", printer.id(), new LiveLinkOptions(1, false), Optional.empty(), clock.instant(), "http://h");
        LiveLink withPrint = liveLinks.create(
                "C1", printer.id(), new LiveLinkOptions(5, true), Optional.of("X-1"), clock.instant(), "http://h");

        JsonArray active = ControlJson.liveLinks(liveLinks.all(), clock.instant(), printerId -> Optional.of("X-1"));
        JsonArray ended = ControlJson.liveLinks(
                liveLinks.all(), clock.instant().plus(Duration.ofHours(1)), printerId -> Optional.empty());

        assertEquals(plain.liveId(), active.getJsonObject(0).getString("liveId"));
        assertEquals("http://h/live/" + plain.liveId(), active.getJsonObject(0).getString("url"));
        assertEquals("http://h/l/" + plain.liveId(), active.getJsonObject(0).getString("shortUrl"));
        assertTrue(active.getJsonObject(0).isNull("printId"));
        assertEquals("X-1", active.getJsonObject(1).getString("printId"));
        assertEquals(withPrint.liveId(), active.getJsonObject(1).getString("liveId"));
        assertTrue(active.getJsonObject(0).getBoolean("active"));
        assertTrue(active.getJsonObject(1).getBoolean("active"));
        assertFalse(ended.getJsonObject(0).getBoolean("active"));
        assertFalse(ended.getJsonObject(1).getBoolean("active"));
        assertEquals("2026-11-28T11:00:00Z", active.getJsonObject(0).getString("expiresAt"));
    }

    // --- reset ---------------------------------------------------------------------------------------------------

    @Test
    void resetForgetsWebhooksDeliveriesGadgetAndLiveLinksAndQueuedDeliveriesAreNotSent() {
        PrintEventTicker ticker = new PrintEventTicker(printers, webhooks);
        SandboxReset reset = new SandboxReset(
                connections,
                new RelayStats(),
                new LanRequestLog(),
                new ScriptedResponses(),
                new ConnectionResets(),
                webhookRegistry,
                webhookLog,
                gadget,
                infoCalls,
                liveLinks,
                printers,
                ticker,
                new WebcamBoard(clock, 5),
                new PushHub(printers),
                new RelayInFlight(),
                new RelayOutage(clock));
        AppConnection connection = connect();
        register(connection, Set.of());
        ControlWebhooks.fire(webhooks, printer, WebhookTrigger.parse("{\"eventType\": 1}"), clock.instant());
        webhookLog.record(
                webhookLog.generation(),
                new WebhookDelivery(
                        connection.id(), printer.id(), "u", 1, OptionalInt.of(200), Optional.empty(), clock.instant()));
        gadget.script(printer.id(), new GadgetScript.Failure(610));
        gadget.recordCall(printer.id(), new GadgetCall(connection.id(), clock.instant()));
        liveLinks.create(
                connection.id(),
                printer.id(),
                new LiveLinkOptions(1, false),
                Optional.empty(),
                clock.instant(),
                "http://h");
        ticker.tick();
        printer.changeJob(job -> PrintJobs.cancel(job, clock.instant()));

        reset.run();
        queued.forEach(Runnable::run);
        AppConnection again = connect();
        register(again, Set.of());
        ticker.tick();
        queued.clear();

        assertEquals(List.of(again), connections.all());
        assertTrue(webhookRegistry.find(connection.id()).isEmpty());
        assertTrue(webhookLog.snapshot().isEmpty());
        assertTrue(sent.isEmpty());
        assertTrue(gadget.script(printer.id()).isEmpty());
        assertTrue(gadget.calls(printer.id()).isEmpty());
        assertTrue(liveLinks.all().isEmpty());
        assertTrue(printer.octoPrintAt(clock.instant()).printing());
    }

    @Test
    void resetForgetsInfoCalls() {
        SandboxReset reset = new SandboxReset(
                connections,
                new RelayStats(),
                new LanRequestLog(),
                new ScriptedResponses(),
                new ConnectionResets(),
                webhookRegistry,
                webhookLog,
                gadget,
                infoCalls,
                liveLinks,
                printers,
                new PrintEventTicker(printers, webhooks),
                new WebcamBoard(clock, 5),
                new PushHub(printers),
                new RelayInFlight(),
                new RelayOutage(clock));
        AppConnection connection = connect();
        infoCalls.record(connection.id());

        reset.run();

        assertTrue(infoCalls.of(connection.id()).isEmpty());
        assertEquals(Optional.empty(), control().infoCallsOf(connection.id()));
    }

    private ControlResource control() {
        ControlResource resource = new ControlResource();
        resource.connections = connections;
        resource.infoCalls = infoCalls;
        return resource;
    }

    private AppConnection connect() {
        clock.advance(Duration.ofMillis(1));
        return connections.create(printer.id(), "devtest", "http://h/relay", false);
    }

    private WebhookRegistration register(AppConnection connection, Set<Integer> eventTypes) {
        WebhookRegistration registration = WebhookRegistration.of(
                connection.id(),
                printer.id(),
                "http://localhost:8080/hook?token=s3cret",
                eventTypes,
                clock.instant(),
                "http://h");
        webhookRegistry.register(registration);
        return registration;
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }
}
