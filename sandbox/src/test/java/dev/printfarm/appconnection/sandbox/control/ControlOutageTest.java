package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.printfarm.appconnection.sandbox.push.PushHub;
import dev.printfarm.appconnection.sandbox.relay.ConnectionResets;
import dev.printfarm.appconnection.sandbox.relay.RelayInFlight;
import dev.printfarm.appconnection.sandbox.relay.RelayStats;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import dev.printfarm.appconnection.sandbox.webhook.PrintEventTicker;
import dev.printfarm.appconnection.sandbox.webhook.WebhookLog;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistry;
import dev.printfarm.appconnection.sandbox.webhook.Webhooks;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The relay outage and the mid-body cut as the control API shows and takes them. */
class ControlOutageTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(1, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    private final EmulatedPrinter printer = printers.all().get(0);
    private final RelayOutage outage = new RelayOutage(clock);

    @Test
    void outageSecondsAreAnIntegerFromZeroToThreeHundred() {
        assertEquals(0, ControlBodies.outageSeconds("{\"seconds\": 0}"));
        assertEquals(300, ControlBodies.outageSeconds("{\"seconds\": 300}"));
        assertEquals(30, ControlBodies.outageSeconds("{\"seconds\": 30.0}"));
    }

    @Test
    void anyOtherOutageBodyIsRefusedSayingWhatIsExpected() {
        for (String bad : List.of(
                "{\"seconds\": -1}",
                "{\"seconds\": 301}",
                "{\"seconds\": 1.5}",
                "{\"seconds\": \"10\"}",
                "{\"seconds\": null}",
                "{}",
                "{\"seconds\": 10, \"extra\": 1}")) {
            InvalidControlException refused =
                    assertThrows(InvalidControlException.class, () -> ControlBodies.outageSeconds(bad), bad);
            assertTrue(
                    refused.getMessage()
                            .startsWith("The body must be {\"seconds\": n} with n an integer from 0 to "
                                    + "300 (0 ends the outage)"),
                    refused.getMessage());
        }
        assertThrows(InvalidControlException.class, () -> ControlBodies.outageSeconds("[10]"));
        assertThrows(InvalidControlException.class, () -> ControlBodies.outageSeconds(""));
    }

    @Test
    void theOutageShowsWhatIsLeftOfItInMilliseconds() {
        assertEquals(Json.createObjectBuilder().add("remainingMs", 0).build(), ControlJson.outage(outage.remaining()));

        outage.start(10);
        clock.advance(Duration.ofMillis(2_500));

        assertEquals(
                Json.createObjectBuilder().add("remainingMs", 7_500).build(), ControlJson.outage(outage.remaining()));
    }

    @Test
    void statsCountTheRequestsRefusedByAnOutage() {
        outage.start(1);
        outage.refuses();
        outage.refuses();

        assertEquals(
                2,
                ControlJson.stats(new RelayStats().snapshot(), new RelayInFlight().counts(), outage.refused())
                        .getInt("refusedByOutage"));
    }

    @Test
    void theRefusedRequestsShowWhenWhatAndFromWhichPort() {
        outage.start(1);
        outage.refuses("GET", "/relay/c1/api/job", 50123);

        assertEquals(
                Json.createObjectBuilder()
                        .add(
                                "requests",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("time", "2026-11-28T10:00:00Z")
                                                .add("method", "GET")
                                                .add("path", "/relay/c1/api/job")
                                                .add("clientPort", 50123)))
                        .build(),
                ControlJson.refusedRequests(outage.refusedRequests()));
    }

    @Test
    void resetEndsTheOutageForgetsItsRefusalsAndClearsTheCut() {
        outage.start(300);
        outage.refuses("GET", "/relay/c1/api/job", 1);
        printers.update(printer.id(), controls -> controls.withCutBodyAfterBytes(OptionalLong.of(10)));

        reset().run();

        assertEquals(Duration.ZERO, outage.remaining());
        assertEquals(0, outage.refused());
        assertEquals(List.of(), outage.refusedRequests());
        assertEquals(PrinterControls.NORMAL, printer.controls());
    }

    @Test
    void thePrinterShowsItsCutOrNull() {
        assertTrue(ControlJson.printer(printer, clock.instant(), "x").isNull("cutBodyAfterBytes"));

        printers.update(printer.id(), controls -> controls.withCutBodyAfterBytes(OptionalLong.of(0)));

        assertEquals(0, ControlJson.printer(printer, clock.instant(), "x").getInt("cutBodyAfterBytes"));
    }

    private SandboxReset reset() {
        ConnectionRegistry connections = new ConnectionRegistry(clock);
        Webhooks webhooks = new Webhooks(
                connections, new WebhookRegistry(), new WebhookLog(), clock, (url, json) -> 200, Runnable::run);
        return new SandboxReset(
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
                new WebcamBoard(clock, 5),
                new PushHub(printers),
                new RelayInFlight(),
                outage);
    }
}
