package dev.printfarm.appconnection.sandbox.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterLimits;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RelayHandshakeTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final RelayStats stats = new RelayStats();
    private final ConnectionResets resets = new ConnectionResets();
    private final RelayRouter router = new RelayRouter(connections, printers, stats, new ScriptedResponses(), resets);
    private final EmulatedPrinter printer = printers.all().get(0);
    private final AppConnection connection = connections.create(printer.id(), "devtest", "http://h/relay", false);

    @Test
    void aGoodConnectionUpgradesToItsPrinter() {
        RelayHandshake handshake = handshake(bearer());

        assertTrue(handshake.upgrades());
        assertEquals(101, handshake.status());
        assertEquals(Optional.of(printer), handshake.printer());
        assertEquals(1, stats.snapshot().get(connection.id()).byStatus().get(101));
    }

    @Test
    void basicCredentialsWorkToo() {
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((connection.authBasicHttpUser() + ":" + connection.authBasicHttpPassword())
                                .getBytes(StandardCharsets.UTF_8));

        assertTrue(handshake(Optional.of(basic)).upgrades());
    }

    @Test
    void anUnknownConnectionIs603WithoutAPrinter() {
        RelayHandshake handshake =
                router.handshake(RelayRequest.of("/nope/sockjs/websocket", "GET", bearer(), Optional.empty()));

        assertEquals(603, handshake.status());
        assertEquals(Optional.empty(), handshake.printer());
        assertEquals("App connection not found.", handshake.errorBody().getString("Error"));
    }

    @Test
    void missingOrWrongCredentialsAre606ButTheirPrinterIsKnown() {
        assertEquals(606, handshake(Optional.empty()).status());
        RelayHandshake wrong = handshake(Optional.of("Bearer nope"));

        assertEquals(606, wrong.status());
        assertEquals(Optional.of(printer), wrong.printer());
    }

    @Test
    void aRevokedConnectionIs604() {
        connections.revoke(connection.id(), true);

        assertEquals(604, handshake(bearer()).status());
    }

    @Test
    void theOwnerWithoutSupporterPerksIs605() {
        printers.update(printer.id(), controls -> controls.withSupporter(false));

        assertEquals(605, handshake(bearer()).status());
    }

    @Test
    void failWithWinsOverSupporterAndOffline() {
        printers.update(
                printer.id(),
                controls -> controls.withSupporter(false).withOnline(false).withFailWith(OptionalInt.of(612)));

        assertEquals(612, handshake(bearer()).status());
    }

    @Test
    void anOfflinePrinterIs601() {
        printers.update(printer.id(), controls -> controls.withOnline(false));

        assertEquals(601, handshake(bearer()).status());
    }

    @Test
    void resetsAndTransferLimitsDoNotConcernHandshakes() {
        resets.schedule(printer.id(), 1);
        printers.update(printer.id(), controls -> controls.withLimits(new PrinterLimits(0, 0, 0)));

        assertTrue(handshake(bearer()).upgrades());
        assertEquals(1, resets.pending(printer.id()));
    }

    @Test
    void everyAnswerIsCountedInTheStats() {
        handshake(bearer());
        handshake(Optional.empty());
        connections.revoke(connection.id(), true);
        handshake(bearer());

        assertEquals(3, stats.snapshot().get(connection.id()).total());
        assertEquals(1, stats.snapshot().get(connection.id()).byStatus().get(604));
    }

    @Test
    void anUpgradeAlwaysNamesItsPrinter() {
        assertThrows(IllegalArgumentException.class, () -> new RelayHandshake(101, Optional.empty()));
        assertFalse(new RelayHandshake(604, Optional.empty()).upgrades());
    }

    private Optional<String> bearer() {
        return Optional.of("Bearer " + connection.authBearerToken());
    }

    private RelayHandshake handshake(Optional<String> authorization) {
        return router.handshake(
                RelayRequest.of("/" + connection.id() + "/sockjs/websocket", "GET", authorization, Optional.empty()));
    }
}
