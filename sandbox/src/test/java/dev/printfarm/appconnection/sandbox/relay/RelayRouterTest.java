package dev.printfarm.appconnection.sandbox.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RelayRouterTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final RelayStats stats = new RelayStats();
    private final RelayRouter router = new RelayRouter(connections, printers, stats);
    private final EmulatedPrinter printing = printers.all().get(0);
    private final EmulatedPrinter idle = printers.all().get(1);

    @Test
    void unknownConnectionAnswers603AndIsStillCounted() {
        RelayAnswer answer = router.answer(
                new RelayRequest("nope", "GET", "/api/version", Optional.of("Bearer x"), Optional.empty()));

        assertEquals(603, answer.status());
        assertEquals(1, stats.snapshot().get("nope").byStatus().get(603));
    }

    @Test
    void requestWithoutCredentialsAnswers606() {
        AppConnection connection = connect(printing, false);

        assertEquals(
                606,
                router.answer(new RelayRequest(
                                connection.id(), "GET", "/api/version", Optional.empty(), Optional.empty()))
                        .status());
    }

    @Test
    void versionIsAnsweredLikeOctoPrint() {
        RelayAnswer answer = get(connect(printing, false), "/api/version", Optional.empty());

        assertEquals(200, answer.status());
        assertEquals("1.10.3", answer.body().getString("server"));
        assertEquals("0.1", answer.body().getString("api"));
        assertEquals("OctoPrint 1.10.3", answer.body().getString("text"));
    }

    @Test
    void printingPrinterReportsJobProgressThatMovesWithTheClock() {
        AppConnection connection = connect(printing, false);
        clock.advance(Duration.ofSeconds(500));

        JsonObject job = get(connection, "/api/job", Optional.empty()).body();

        assertEquals("Printing", job.getString("state"));
        assertEquals(
                "benchy-1.gcode", job.getJsonObject("job").getJsonObject("file").getString("name"));
        assertEquals(
                50.0, job.getJsonObject("progress").getJsonNumber("completion").doubleValue(), 1e-9);
        assertEquals(500, job.getJsonObject("progress").getInt("printTimeLeft"));
    }

    @Test
    void idlePrinterReportsNullJobFields() {
        JsonObject job = get(connect(idle, false), "/api/job", Optional.empty()).body();

        assertEquals("Operational", job.getString("state"));
        assertTrue(job.getJsonObject("job").getJsonObject("file").isNull("name"));
        assertTrue(job.getJsonObject("progress").isNull("completion"));
    }

    @Test
    void printerStateCarriesOctoPrintFlags() {
        JsonObject printer =
                get(connect(printing, false), "/api/printer", Optional.empty()).body();
        JsonObject flags = printer.getJsonObject("state").getJsonObject("flags");

        assertTrue(flags.getBoolean("printing"));
        assertTrue(flags.getBoolean("operational"));
        assertEquals(
                215.0,
                printer.getJsonObject("temperature")
                        .getJsonObject("tool0")
                        .getJsonNumber("target")
                        .doubleValue());
    }

    @Test
    void unknownPrinterPathAnswers404() {
        RelayAnswer answer = get(connect(printing, false), "/api/nothing", Optional.empty());

        assertEquals(404, answer.status());
        assertEquals("Not found", answer.body().getString("error"));
    }

    @Test
    void connectionWithApiKeyNeedsItInXApiKey() {
        AppConnection connection = connect(printing, true);

        assertEquals(403, get(connection, "/api/version", Optional.empty()).status());
        assertEquals(403, get(connection, "/api/version", Optional.of("WRONG")).status());
        assertEquals(
                200,
                get(connection, "/api/version", connection.octoPrintApiKey()).status());
    }

    @Test
    void userApiKeyIsNoSubstituteForTheConnectionsIssuedKeyOnTheRelay() {
        AppConnection withKey = connect(printing, true);
        AppConnection withoutKey = connect(printing, false);

        assertEquals(
                403,
                get(withKey, "/api/version", Optional.of(printing.userApiKey())).status());
        assertEquals(
                200,
                get(withoutKey, "/api/version", Optional.of(printing.userApiKey()))
                        .status());
    }

    @Test
    void failWithWinsOverAnOnlinePrinter() {
        AppConnection connection = connect(printing, false);
        printers.update(printing.id(), controls -> controls.withFailWith(OptionalInt.of(605)));

        assertEquals(605, get(connection, "/api/version", Optional.empty()).status());
    }

    @Test
    void offlinePrinterAnswers601() {
        AppConnection connection = connect(printing, false);
        printers.update(printing.id(), controls -> controls.withOnline(false));

        RelayAnswer answer = get(connection, "/api/version", Optional.empty());

        assertEquals(601, answer.status());
        assertTrue(answer.body().containsKey("Error"));
    }

    @Test
    void printerLatencyTravelsWithTheAnswer() {
        AppConnection connection = connect(printing, false);
        printers.update(printing.id(), controls -> controls.withLatencyMs(1500));

        assertEquals(1500, get(connection, "/api/version", Optional.empty()).delayMs());
    }

    @Test
    void everyRelayedStatusIsCountedPerConnection() {
        AppConnection connection = connect(printing, false);
        get(connection, "/api/version", Optional.empty());
        get(connection, "/api/job", Optional.empty());
        get(connection, "/nowhere", Optional.empty());

        ConnectionCounts counts = stats.snapshot().get(connection.id());

        assertEquals(3, counts.total());
        assertEquals(Map.of(200, 2L, 404, 1L), counts.byStatus());
    }

    @Test
    void pluginEndpointIsRelayedWithoutApiKey() {
        AppConnection connection = connect(idle, true);

        RelayAnswer answer = get(connection, "/api/plugin/octoeverywhere", Optional.empty());

        assertEquals(200, answer.status());
        assertEquals(idle.id(), answer.body().getString("PrinterId"));
        assertTrue(answer.body().containsKey("PluginVersion"));
    }

    @Test
    void pluginEndpointIsNotFoundThroughTheRelayWhenThePluginIsNotInstalled() {
        AppConnection connection = connect(idle, true);
        printers.update(idle.id(), controls -> controls.withPlugin(false));

        RelayAnswer answer = get(connection, "/api/plugin/octoeverywhere", connection.octoPrintApiKey());

        assertEquals(404, answer.status());
        assertEquals("Not found", answer.body().getString("error"));
    }

    @Test
    void pluginEndpointStillNeedsRelayCredentialsAndAConnectedPrinter() {
        AppConnection connection = connect(idle, false);

        assertEquals(
                606,
                router.answer(new RelayRequest(
                                connection.id(),
                                "GET",
                                "/api/plugin/octoeverywhere",
                                Optional.empty(),
                                Optional.empty()))
                        .status());
        printers.update(idle.id(), controls -> controls.withOnline(false));
        assertEquals(
                601,
                get(connection, "/api/plugin/octoeverywhere", Optional.empty()).status());
    }

    @Test
    void lanControlDoesNotAffectTheRelay() {
        AppConnection connection = connect(printing, false);
        printers.update(printing.id(), controls -> controls.withLan(false));

        assertEquals(200, get(connection, "/api/version", Optional.empty()).status());
    }

    private AppConnection connect(EmulatedPrinter printer, boolean withApiKey) {
        return connections.create(printer.id(), "devtest", "http://localhost/sandbox/relay", withApiKey);
    }

    private RelayAnswer get(AppConnection connection, String path, Optional<String> apiKey) {
        return router.answer(new RelayRequest(
                connection.id(), "GET", path, Optional.of("Bearer " + connection.authBearerToken()), apiKey));
    }
}
