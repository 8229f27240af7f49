package dev.printfarm.appconnection.sandbox.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterLimits;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RelayRulesTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, "127.0.0.1", Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final RelayStats stats = new RelayStats();
    private final ScriptedResponses scripts = new ScriptedResponses();
    private final ConnectionResets resets = new ConnectionResets();
    private final RelayRouter router = new RelayRouter(connections, printers, stats, scripts, resets);
    private final EmulatedPrinter printer = printers.all().get(0);
    private final AppConnection connection = connections.create(printer.id(), "devtest", "http://h/relay", false);

    @Test
    void revokedConnectionAnswers604UntilUnrevoked() {
        connections.revoke(connection.id(), true);
        assertEquals(604, get("/api/version").status());

        connections.revoke(connection.id(), false);
        assertEquals(200, get("/api/version").status());
    }

    @Test
    void nonSupporterAnswers605() {
        printers.update(printer.id(), controls -> controls.withSupporter(false));

        assertEquals(605, get("/api/version").status());
    }

    @Test
    void failWithStillWinsOverSupporter() {
        printers.update(printer.id(), controls -> controls.withSupporter(false).withFailWith(OptionalInt.of(602)));

        assertEquals(602, get("/api/version").status());
    }

    @Test
    void announcedBodyOverTheUploadLimitAnswers608() {
        limits(new PrinterLimits(1_000_000, 100, 60));

        RelayAnswer answer = router.answer(post(OptionalLong.of(101), ReceivedBody.of(new byte[0])));

        assertEquals(608, answer.status());
    }

    @Test
    void withoutContentLengthTheReceivedBytesCountAgainstTheUploadLimit() {
        limits(new PrinterLimits(1_000_000, 100, 60));

        assertEquals(608, router.answer(post(OptionalLong.empty(), new ReceivedBody(new byte[0], 101))).status());
        assertFalse(router.answer(post(OptionalLong.empty(), new ReceivedBody(new byte[0], 100))).status() == 608);
    }

    @Test
    void answerOverTheDownloadLimitAnswers607() {
        limits(new PrinterLimits(10, 1_000_000, 60));

        assertEquals(607, get("/api/printer").status());
    }

    @Test
    void uploadBytesAreCountedPerConnection() {
        router.answer(post(OptionalLong.of(42), new ReceivedBody(new byte[0], 42)));
        router.answer(post(OptionalLong.of(8), new ReceivedBody(new byte[0], 8)));

        assertEquals(50, stats.snapshot().get(connection.id()).uploadBytes());
    }

    @Test
    void scheduledResetsHitTheNextRequestsOnly() {
        resets.schedule(printer.id(), 2);

        assertTrue(get("/api/version").reset());
        assertTrue(get("/api/version").reset());
        assertFalse(get("/api/version").reset());
        assertEquals(1, stats.snapshot().get(connection.id()).total());
    }

    @Test
    void scriptedAnswerReplacesThePrinterButNotTheRelayRules() {
        scripts.put(printer.id(), new ScriptedResponse("GET", "/api/job", 642, "odd", Map.of()));

        assertEquals(642, get("/api/job").status());
        printers.update(printer.id(), controls -> controls.withOnline(false));
        assertEquals(601, get("/api/job").status());
    }

    private void limits(PrinterLimits limits) {
        printers.update(printer.id(), controls -> controls.withLimits(limits));
    }

    private RelayAnswer get(String path) {
        return router.answer(new RelayRequest(connection.id(), "GET", path,
                Optional.of("Bearer " + connection.authBearerToken()), Optional.empty()));
    }

    private RelayRequest post(OptionalLong contentLength, ReceivedBody body) {
        return new RelayRequest(connection.id(), "POST", "/api/printer/command",
                Optional.of("Bearer " + connection.authBearerToken()), Optional.empty(), Map.of(),
                Optional.of("application/json"), contentLength, body, "http://h/relay/" + connection.id());
    }
}
