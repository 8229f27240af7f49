package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.appapi.AppApiFault;
import dev.printfarm.appconnection.sandbox.appapi.InfoCalls;
import dev.printfarm.appconnection.sandbox.commandapi.CommandCalls;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.gadget.GadgetBoard;
import dev.printfarm.appconnection.sandbox.lan.LanRequestLog;
import dev.printfarm.appconnection.sandbox.live.LiveLinks;
import dev.printfarm.appconnection.sandbox.moonraker.MoonrakerSockets;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.outage.RelayOutage;
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
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The App APIs' failure switch as the control API takes and shows it. */
class ControlAppApiFaultTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final AppApiFault fault = new AppApiFault();

    @Test
    void aStatusAloneFailsEveryAppApiRequest() {
        assertEquals(
                Optional.of(new AppApiFault.Plan(500, OptionalInt.empty())),
                ControlBodies.appApiFault("{\"failWith\": 500}"));
        assertEquals(
                Optional.of(new AppApiFault.Plan(600, OptionalInt.empty())),
                ControlBodies.appApiFault("{\"failWith\": 600, \"times\": null}"));
    }

    @Test
    void timesLimitsTheFailuresToTheNextRequests() {
        assertEquals(
                Optional.of(new AppApiFault.Plan(503, OptionalInt.of(1))),
                ControlBodies.appApiFault("{\"failWith\": 503, \"times\": 1}"));
    }

    @Test
    void aNullStatusEndsTheFailures() {
        assertEquals(Optional.empty(), ControlBodies.appApiFault("{\"failWith\": null}"));
    }

    @Test
    void anyOtherBodyIsRefusedSayingWhatIsExpected() {
        for (String bad : List.of(
                "{}",
                "{\"failWith\": 499}",
                "{\"failWith\": 700}",
                "{\"failWith\": 500.5}",
                "{\"failWith\": \"500\"}",
                "{\"failWith\": 500, \"times\": 0}",
                "{\"failWith\": 500, \"times\": 1.5}",
                "{\"failWith\": null, \"times\": 1}",
                "{\"failWith\": 500, \"extra\": 1}",
                "{\"times\": 1}")) {
            InvalidControlException refused =
                    assertThrows(InvalidControlException.class, () -> ControlBodies.appApiFault(bad), bad);
            assertTrue(
                    refused.getMessage()
                            .startsWith("The body must be {\"failWith\": n} with n an integer from 500" + " to 699"),
                    refused.getMessage());
        }
        assertThrows(InvalidControlException.class, () -> ControlBodies.appApiFault("[500]"));
        assertThrows(InvalidControlException.class, () -> ControlBodies.appApiFault(""));
    }

    @Test
    void theSwitchShowsItsStatusWhatIsLeftAndTheRequestsItFailed() {
        fault.set(ControlBodies.appApiFault("{\"failWith\": 500, \"times\": 3}"));
        fault.take();

        assertEquals(
                Json.createObjectBuilder()
                        .add("failWith", 500)
                        .add("times", 2)
                        .add("failed", 1)
                        .build(),
                json(control().appApiFault()));

        fault.set(ControlBodies.appApiFault("{\"failWith\": null}"));

        assertEquals(
                Json.createObjectBuilder()
                        .addNull("failWith")
                        .addNull("times")
                        .add("failed", 1)
                        .build(),
                json(control().appApiFault()));
    }

    @Test
    void aSwitchWithoutTimesShowsNone() {
        fault.set(ControlBodies.appApiFault("{\"failWith\": 600}"));

        assertEquals(
                Json.createObjectBuilder()
                        .add("failWith", 600)
                        .addNull("times")
                        .add("failed", 0)
                        .build(),
                ControlJson.appApiFault(fault.plan(), fault.failed()));
    }

    @Test
    void resetEndsTheFailuresAndForgetsTheirCount() {
        fault.set(Optional.of(new AppApiFault.Plan(500, OptionalInt.empty())));
        fault.take();

        reset().run();

        assertEquals(Optional.empty(), fault.plan());
        assertEquals(0, fault.failed());
    }

    private ControlResource control() {
        ControlResource resource = new ControlResource();
        resource.appApiFault = fault;
        return resource;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private SandboxReset reset() {
        PrinterRegistry printers = new PrinterRegistry(
                new SandboxSettings(1, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
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
                new RelayOutage(clock),
                new MoonrakerSockets(printers),
                new CommandCalls(),
                fault);
    }
}
