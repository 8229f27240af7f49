package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.appapi.InfoCalls;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.gadget.GadgetBoard;
import dev.printfarm.appconnection.sandbox.lan.LanRequest;
import dev.printfarm.appconnection.sandbox.lan.LanRequestLog;
import dev.printfarm.appconnection.sandbox.lan.LanRouter;
import dev.printfarm.appconnection.sandbox.live.LiveLinks;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.outage.RelayOutage;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
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
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlUserApiKeyTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final SandboxSettings settings = new SandboxSettings(
            2, Optional.empty(), Duration.ofSeconds(100), Optional.of("http://localhost:9080/sandbox"), 0);
    private final PrinterRegistry printers = new PrinterRegistry(settings, clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final LanRouter lan = new LanRouter(connections, printers, new LanRequestLog());
    private final ControlResource control = control();

    @Test
    void bothPrinterListingsShowEachPrintersOwnUserApiKey() {
        JsonArray listed = listed();

        for (int i = 0; i < printers.all().size(); i++) {
            EmulatedPrinter printer = printers.all().get(i);
            assertEquals(printer.id(), listed.getJsonObject(i).getString("id"));
            assertEquals(printer.userApiKey(), listed.getJsonObject(i).getString("userApiKey"));
            assertEquals(
                    printer.userApiKey(),
                    ControlJson.printer(printer, clock.instant(), "http://localhost:9080/sandbox/lan/" + printer.id())
                            .getString("userApiKey"));
        }
        assertNotEquals(
                listed.getJsonObject(0).getString("userApiKey"),
                listed.getJsonObject(1).getString("userApiKey"));
    }

    @Test
    void aNewUserApiKeyIsListedAndTheOldOneNoLongerOpensTheLan() {
        EmulatedPrinter printer = printers.all().get(1);
        String old = printer.userApiKey();

        String replacement = ControlJson.userApiKey(printer.newUserApiKey()).getString("userApiKey");

        assertEquals(replacement, listed().getJsonObject(1).getString("userApiKey"));
        assertEquals(403, lanStatus(printer, old));
        assertEquals(200, lanStatus(printer, replacement));
    }

    @Test
    void resetGivesEveryPrinterANewUserApiKeyAndRetiresTheOldOnes() {
        List<String> before =
                printers.all().stream().map(EmulatedPrinter::userApiKey).toList();

        reset().run();

        JsonArray listed = listed();
        for (int i = 0; i < printers.all().size(); i++) {
            EmulatedPrinter printer = printers.all().get(i);
            String now = listed.getJsonObject(i).getString("userApiKey");
            assertNotEquals(before.get(i), now);
            assertEquals(printer.userApiKey(), now);
            assertEquals(403, lanStatus(printer, before.get(i)));
            assertEquals(200, lanStatus(printer, now));
        }
    }

    private ControlResource control() {
        ControlResource resource = new ControlResource();
        resource.printers = printers;
        resource.settings = settings;
        return resource;
    }

    /** {@code GET /control/printers}; the request is not looked at since the public URL is configured. */
    private JsonArray listed() {
        return Json.createReader(new StringReader(control.printers(null))).readArray();
    }

    private int lanStatus(EmulatedPrinter printer, String apiKey) {
        return lan.answer(
                        LanRequest.of("/" + printer.id() + "/api/version", "GET", Map.of("X-Api-Key", List.of(apiKey))))
                .status();
    }

    private SandboxReset reset() {
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
                new RelayOutage(clock));
    }
}
