package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.appapi.InfoCalls;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.gadget.GadgetBoard;
import dev.printfarm.appconnection.sandbox.lan.LanRequestLog;
import dev.printfarm.appconnection.sandbox.live.LiveLinks;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.outage.RelayOutage;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.printer.WebcamBackToBack;
import dev.printfarm.appconnection.sandbox.push.PushCounts;
import dev.printfarm.appconnection.sandbox.push.PushHub;
import dev.printfarm.appconnection.sandbox.push.PushSocket;
import dev.printfarm.appconnection.sandbox.push.PushTransport;
import dev.printfarm.appconnection.sandbox.relay.ConnectionResets;
import dev.printfarm.appconnection.sandbox.relay.RelayInFlight;
import dev.printfarm.appconnection.sandbox.relay.RelayStats;
import dev.printfarm.appconnection.sandbox.webcam.ActiveStream;
import dev.printfarm.appconnection.sandbox.webcam.WebcamAction;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import dev.printfarm.appconnection.sandbox.webcam.WebcamCounts;
import dev.printfarm.appconnection.sandbox.webcam.WebcamFace;
import dev.printfarm.appconnection.sandbox.webcam.WebcamView;
import dev.printfarm.appconnection.sandbox.webhook.PrintEventTicker;
import dev.printfarm.appconnection.sandbox.webhook.WebhookLog;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistry;
import dev.printfarm.appconnection.sandbox.webhook.Webhooks;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ControlLiveDataTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(100), Optional.empty(), 0), clock);
    private final EmulatedPrinter printer = printers.all().get(0);

    @Test
    void webcamBackToBackSetsARuleAndNullRemovesIt() {
        PrinterControls limited = ControlUpdate.parse("{\"webcamBackToBack\": {\"max\": 3, \"windowSeconds\": 60}}")
                .applyTo(PrinterControls.NORMAL);

        assertEquals(Optional.of(new WebcamBackToBack(3, Duration.ofSeconds(60))), limited.webcamBackToBack());
        assertEquals(
                PrinterControls.NORMAL,
                ControlUpdate.parse("{\"webcamBackToBack\": null}").applyTo(limited));
        assertEquals(limited, ControlUpdate.parse("{\"online\": true}").applyTo(limited));
    }

    @Test
    void aBadWebcamBackToBackIsRefusedWithTheShapeItNeeds() {
        for (String bad : new String[] {
            "5",
            "\"2/60\"",
            "{}",
            "{\"max\": 1}",
            "{\"windowSeconds\": 10}",
            "{\"max\": -1, \"windowSeconds\": 10}",
            "{\"max\": 1, \"windowSeconds\": 0}",
            "{\"max\": 1.5, \"windowSeconds\": 10}",
            "{\"max\": 1, \"windowSeconds\": 86401}",
            "{\"max\": 1, \"windowSeconds\": 10, \"burst\": 2}",
            "{\"max\": \"1\", \"windowSeconds\": 10}"
        }) {
            InvalidControlException refused = assertThrows(
                    InvalidControlException.class,
                    () -> ControlUpdate.parse("{\"online\": false, \"webcamBackToBack\": " + bad + "}"),
                    bad);
            assertTrue(
                    refused.getMessage()
                            .startsWith("webcamBackToBack must be null (no limit) or "
                                    + "{\"max\": n, \"windowSeconds\": s}"),
                    refused.getMessage());
        }
    }

    @Test
    void theUnknownFieldMessageNamesWebcamBackToBack() {
        InvalidControlException refused =
                assertThrows(InvalidControlException.class, () -> ControlUpdate.parse("{\"backToBack\": null}"));

        assertTrue(refused.getMessage().contains("webcamBackToBack"), refused.getMessage());
    }

    @Test
    void thePrinterShowsItsBackToBackRule() {
        assertTrue(ControlJson.printer(printer, clock.instant(), "x").isNull("webcamBackToBack"));

        printers.update(
                printer.id(),
                controls ->
                        controls.withWebcamBackToBack(Optional.of(new WebcamBackToBack(2, Duration.ofSeconds(30)))));

        JsonObject rule = ControlJson.printer(printer, clock.instant(), "x").getJsonObject("webcamBackToBack");
        assertEquals(2, rule.getInt("max"));
        assertEquals(30, rule.getInt("windowSeconds"));
    }

    @Test
    void webcamCountsShowTheRelayAtTheTopAndTheLanBelow() {
        Instant open = Instant.parse("2026-11-28T10:00:01.250Z");
        WebcamCounts relay = new WebcamCounts(4, 2, 1, 2, 3, 1, List.of(open, open.plusSeconds(5)));

        JsonObject json = ControlJson.webcam(relay, WebcamCounts.NONE);

        assertEquals(4, json.getInt("snapshots"));
        assertEquals(2, json.getInt("streamsOpened"));
        assertEquals(1, json.getInt("activeStreams"));
        assertEquals(2, json.getInt("maxConcurrentStreams"));
        assertEquals(3, json.getInt("refused609"));
        assertEquals(1, json.getInt("cutAtLimit"));
        assertEquals("2026-11-28T10:00:01.250Z", json.getJsonArray("opens").getString(0));
        assertEquals("2026-11-28T10:00:06.250Z", json.getJsonArray("opens").getString(1));
        JsonObject lan = json.getJsonObject("lan");
        assertEquals(0, lan.getInt("snapshots"));
        assertEquals(0, lan.getJsonArray("opens").size());
    }

    @Test
    void pushCountsShowStatusesAsStrings() {
        JsonObject json = ControlJson.push(new PushCounts(2, 1, 4, new TreeMap<>(Map.of(101, 3L, 604, 1L)), 17));

        assertEquals(2, json.getInt("open"));
        assertEquals(1, json.getInt("authenticated"));
        assertEquals(4, json.getInt("handshakes"));
        assertEquals(3, json.getJsonObject("statuses").getInt("101"));
        assertEquals(1, json.getJsonObject("statuses").getInt("604"));
        assertEquals(17, json.getInt("framesSent"));
    }

    @Test
    void resetEndsWebcamStreamsAndPushSocketsAndForgetsTheirCounts() {
        WebcamBoard webcams = new WebcamBoard(clock, 5);
        PushHub push = new PushHub(printers);
        ConnectionRegistry connections = new ConnectionRegistry(clock);
        Webhooks webhooks = new Webhooks(
                connections, new WebhookRegistry(), new WebhookLog(), clock, (url, json) -> 200, Runnable::run);
        SandboxReset reset = new SandboxReset(
                connections,
                new RelayStats(),
                new LanRequestLog(),
                new ScriptedResponses(),
                new ConnectionResets(),
                new WebhookRegistry(),
                new WebhookLog(),
                new GadgetBoard(),
                new InfoCalls(clock),
                new LiveLinks(),
                printers,
                new PrintEventTicker(printers, webhooks),
                webcams,
                push,
                new RelayInFlight(),
                new RelayOutage(clock));
        printers.update(
                printer.id(),
                controls ->
                        controls.withWebcamBackToBack(Optional.of(new WebcamBackToBack(1, Duration.ofSeconds(60)))));
        ActiveStream stream = webcams.openStream(WebcamView.relayed(WebcamAction.STREAM, printer), 0);
        List<Integer> closes = new ArrayList<>();
        push.open(printer, closingInto(closes::add));
        String session = printer.sessions().issue();

        reset.run();

        assertTrue(stream.isStopped());
        assertEquals(WebcamCounts.NONE, webcams.counts(printer.id(), WebcamFace.RELAY));
        assertEquals(List.of(PushSocket.GOING_AWAY), closes);
        assertEquals(0, push.counts(printer.id()).handshakes());
        assertEquals(Optional.empty(), printer.controls().webcamBackToBack());
        assertFalse(printer.sessions().admits("sandbox", session));
    }

    private static PushTransport closingInto(Consumer<Integer> closes) {
        return new PushTransport() {
            @Override
            public void send(String text, Consumer<Optional<Throwable>> done) {
                done.accept(Optional.empty());
            }

            @Override
            public void close(int code, String reason) {
                closes.accept(code);
            }
        };
    }
}
