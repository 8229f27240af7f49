package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.lan.LanRequest;
import dev.printfarm.appconnection.sandbox.lan.LanRequestLog;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.relay.RelayInFlight;
import dev.printfarm.appconnection.sandbox.relay.RelayStats;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ControlJsonTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(SandboxSettings.defaults(), clock);
    private final EmulatedPrinter printer = printers.all().get(0);

    @Test
    void clientPortsAreKeyedByPortInText() {
        JsonObject json = ControlJson.clientPorts(new TreeMap<>(Map.of(50_001, 3L, 40_000, 1L)));

        assertEquals(Json.createObjectBuilder().add("40000", 1).add("50001", 3).build(), json.getJsonObject("ports"));
    }

    @Test
    void printerShowsItsKindEffectiveFeaturesLightAndToolhead() {
        printers.update(printer.id(), controls -> controls.withKind(PrinterKind.MOONRAKER));
        printer.setLight(true);

        JsonObject json = ControlJson.printer(printer, clock.instant(), "http://localhost:9080/sandbox/lan/X");

        assertEquals("moonraker", json.getString("kind"));
        assertEquals(63, json.getInt("features"));
        assertTrue(json.getBoolean("light"));
        assertEquals("", json.getJsonObject("toolhead").getString("homedAxes"));
        assertEquals(
                "octoprint",
                ControlJson.printer(printers.all().get(1), clock.instant(), "x").getString("kind"));
    }

    @Test
    void printerShowsItsLanUrlAndLanAndPluginSwitches() {
        printers.update(printer.id(), controls -> controls.withPlugin(false));

        JsonObject json = ControlJson.printer(printer, clock.instant(), "http://localhost:9080/sandbox/lan/X");

        assertEquals("http://localhost:9080/sandbox/lan/X", json.getString("lanUrl"));
        assertTrue(json.getBoolean("lan"));
        assertFalse(json.getBoolean("plugin"));
    }

    @Test
    void printerShowsItsUserApiKey() {
        assertEquals(
                printer.userApiKey(),
                ControlJson.printer(printer, clock.instant(), "x").getString("userApiKey"));

        String replacement = printer.newUserApiKey();

        assertEquals(
                replacement, ControlJson.printer(printer, clock.instant(), "x").getString("userApiKey"));
        assertEquals(
                Json.createObjectBuilder().add("userApiKey", replacement).build(), ControlJson.userApiKey(replacement));
    }

    @Test
    void printerShowsItsStorageSize() {
        assertEquals(
                SandboxSettings.DEFAULT_UPLOAD_LIMIT_BYTES,
                ControlJson.printer(printer, clock.instant(), "x")
                        .getJsonNumber("storageBytes")
                        .longValue());

        printer.files().limitTo(2048);

        assertEquals(
                2048,
                ControlJson.printer(printer, clock.instant(), "x")
                        .getJsonNumber("storageBytes")
                        .longValue());
        assertEquals(
                2048,
                ControlJson.files(printer.files()).getJsonNumber("limitBytes").longValue());
    }

    @Test
    void statsListUploadBytesOfAConnectionWithoutAnswersYet() {
        RelayStats stats = new RelayStats();
        stats.recordUpload("C1", 4096);

        JsonObject connection = ControlJson.stats(stats.snapshot(), new RelayInFlight().counts(), 0)
                .getJsonObject("connections")
                .getJsonObject("C1");

        assertEquals(0, connection.getInt("total"));
        assertEquals(4096, connection.getJsonNumber("uploadBytes").longValue());
        assertTrue(connection.getJsonObject("byStatus").isEmpty());
    }

    @Test
    void statsShowWhatIsInFlightAndThePeakAtTheTopLevel() {
        RelayInFlight inFlight = new RelayInFlight();
        inFlight.arrive(Optional.of("P2"));
        inFlight.arrive(Optional.of("P1"));
        inFlight.arrive(Optional.empty()).close();

        JsonObject json = ControlJson.stats(new RelayStats().snapshot(), inFlight.counts(), 0);

        assertEquals(2, json.getInt("inFlight"));
        assertEquals(3, json.getInt("peakInFlight"));
        assertEquals(
                List.of("P1", "P2"),
                List.copyOf(json.getJsonObject("inFlightByPrinter").keySet()));
        assertEquals(1, json.getJsonObject("inFlightByPrinter").getInt("P2"));
        assertTrue(json.getJsonObject("connections").isEmpty());
        assertEquals(
                Json.createObjectBuilder()
                        .add("peakInFlight", 2)
                        .add("inFlight", 2)
                        .build(),
                ControlJson.peak(inFlight.resetPeak()));
    }

    @Test
    void lanRequestsListStatusAndHeadersByLowerCasedName() {
        LanRequestLog log = new LanRequestLog();
        log.record(
                LanRequest.of(
                        "/P1/api/version",
                        "GET",
                        Map.of("Authorization", List.of("Basic dTpw"), "X-Api-Key", List.of("KEY"))),
                403);

        JsonArray json = ControlJson.lanRequests(log.snapshot());
        JsonObject first = json.getJsonObject(0);

        assertEquals(1, json.size());
        assertEquals("P1", first.getString("printerId"));
        assertTrue(first.isNull("lanIp"));
        assertEquals("GET", first.getString("method"));
        assertEquals("/api/version", first.getString("path"));
        assertEquals(403, first.getInt("status"));
        assertEquals("Basic dTpw", first.getJsonObject("headers").getString("authorization"));
        assertEquals("KEY", first.getJsonObject("headers").getString("x-api-key"));
    }

    @Test
    void lanRequestsByLanIpShowTheAddress() {
        LanRequestLog log = new LanRequestLog();
        log.record(LanRequest.byLanIp("/127.0.1.2/api/version", "GET", Map.of()).forPrinter("P2"), 200);

        JsonObject first = ControlJson.lanRequests(log.snapshot()).getJsonObject(0);

        assertEquals("P2", first.getString("printerId"));
        assertEquals("127.0.1.2", first.getString("lanIp"));
    }

    @Test
    void printerShowsItsOwnLanIp() {
        EmulatedPrinter second = printers.all().get(1);

        assertEquals(
                "127.0.1.2",
                ControlJson.printer(second, clock.instant(), "http://h/lan/X").getString("lanIp"));
    }
}
