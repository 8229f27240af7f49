package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.lan.LanRequest;
import dev.printfarm.appconnection.sandbox.lan.LanRequestLog;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlJsonTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(SandboxSettings.defaults(), clock);
    private final EmulatedPrinter printer = printers.all().get(0);

    @Test
    void printerShowsItsLanUrlAndLanAndPluginSwitches() {
        printers.update(printer.id(), controls -> controls.withPlugin(false));

        JsonObject json = ControlJson.printer(printer, clock.instant(), "http://localhost:9080/sandbox/lan/X");

        assertEquals("http://localhost:9080/sandbox/lan/X", json.getString("lanUrl"));
        assertTrue(json.getBoolean("lan"));
        assertFalse(json.getBoolean("plugin"));
    }

    @Test
    void lanRequestsListStatusAndHeadersByLowerCasedName() {
        LanRequestLog log = new LanRequestLog();
        log.record(LanRequest.of("/P1/api/version", "GET",
                Map.of("Authorization", List.of("Basic dTpw"), "X-Api-Key", List.of("KEY"))), 403);

        JsonArray json = ControlJson.lanRequests(log.snapshot());
        JsonObject first = json.getJsonObject(0);

        assertEquals(1, json.size());
        assertEquals("P1", first.getString("printerId"));
        assertEquals("GET", first.getString("method"));
        assertEquals("/api/version", first.getString("path"));
        assertEquals(403, first.getInt("status"));
        assertEquals("Basic dTpw", first.getJsonObject("headers").getString("authorization"));
        assertEquals("KEY", first.getJsonObject("headers").getString("x-api-key"));
    }
}
