package dev.printfarm.appconnection.sandbox.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PrinterRegistryTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry registry = registry(4, clock);

    @Test
    void oddNumberedPrintersPrintAndEvenNumberedOnesIdle() {
        List<EmulatedPrinter> printers = registry.all();
        Instant now = clock.instant();

        assertEquals(
                List.of("Printing", "Operational", "Printing", "Operational"),
                printers.stream()
                        .map(printer -> printer.octoPrintAt(now).text())
                        .toList());
        assertTrue(printers.get(1).octoPrintAt(now).job().isEmpty());
        assertEquals(0.0, printers.get(1).octoPrintAt(now).tool0().target());
    }

    @Test
    void printersAreNamedAfterCyclingModels() {
        assertEquals(
                List.of("Prusa MK4 #1", "Voron 2.4 #2", "Ender 3 #3", "Prusa MINI+ #4"),
                registry.all().stream().map(EmulatedPrinter::name).toList());
    }

    @Test
    void printerIdsAreStableAcrossRestartsAndDistinct() {
        PrinterRegistry restarted = registry(4, MutableClock.at("2030-01-01T00:00:00Z"));
        List<String> ids = registry.all().stream().map(EmulatedPrinter::id).toList();

        assertEquals(ids, restarted.all().stream().map(EmulatedPrinter::id).toList());
        assertEquals(4, Set.copyOf(ids).size());
        ids.forEach(id -> assertTrue(id.matches("[A-Z0-9]{20}"), id));
    }

    @Test
    void printerIdsAreTheSameInEveryVersionSoKeptConnectionsFindTheirPrinters() {
        assertEquals("V35G63VM116FGG3YPQFT", PrinterIds.forNumber(1));
        assertEquals("KOCO0CTTO3EY8QUZW8S1", PrinterIds.forNumber(2));
        assertEquals("UUOHQXKBHA31G1R0APEM", PrinterIds.forNumber(SandboxSettings.MAX_PRINTERS));
    }

    @Test
    void everyPrinterHasItsOwnUserApiKeyShapedLikeAnIssuedOne() {
        String issued = new ConnectionRegistry(clock)
                .create(registry.all().get(0).id(), "devtest", "http://localhost/sandbox/relay", true)
                .octoPrintApiKey()
                .orElseThrow();
        List<String> keys =
                registry.all().stream().map(EmulatedPrinter::userApiKey).toList();

        assertTrue(issued.matches("[0-9A-F]{32}"), issued);
        keys.forEach(key -> assertTrue(key.matches("[0-9A-F]{32}"), key));
        assertEquals(4, Set.copyOf(keys).size());
    }

    @Test
    void userApiKeysAreNewOnEveryStartNotDerivedFromThePrinterId() {
        PrinterRegistry restarted = registry(4, clock);

        for (int i = 0; i < 4; i++) {
            EmulatedPrinter before = registry.all().get(i);
            EmulatedPrinter after = restarted.all().get(i);
            assertEquals(before.id(), after.id());
            assertNotEquals(before.userApiKey(), after.userApiKey());
        }
    }

    @Test
    void newUserApiKeyReplacesTheOldOne() {
        EmulatedPrinter printer = registry.all().get(1);
        String old = printer.userApiKey();

        String replacement = printer.newUserApiKey();

        assertNotEquals(old, replacement);
        assertEquals(replacement, printer.userApiKey());
        assertTrue(replacement.matches("[0-9A-F]{32}"), replacement);
    }

    @Test
    void aKeptUserApiKeyComesBackAndOnlyThatShapeIsTakenBack() {
        EmulatedPrinter printer = registry.all().get(0);
        String kept = registry(4, clock).all().get(0).userApiKey();

        printer.restoreUserApiKey(kept);

        assertEquals(kept, printer.userApiKey());
        for (String odd : new String[] {kept.toLowerCase(Locale.ROOT), kept + "0", "", "KEY WITH SPACES"}) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> printer.restoreUserApiKey(odd));
            assertFalse(odd.length() > 0 && refused.getMessage().contains(odd), refused.getMessage());
        }
        assertEquals(kept, printer.userApiKey());
    }

    @Test
    void everyChangeOfAUserApiKeyIsReported() {
        AtomicInteger changes = new AtomicInteger();
        registry.onUserApiKeyChange(changes::incrementAndGet);

        registry.all().get(1).newUserApiKey();
        assertEquals(1, changes.get());
        registry.resetControls();
        assertEquals(1 + registry.all().size(), changes.get());
    }

    @Test
    void resetGivesEveryPrinterANewUserApiKey() {
        List<String> before =
                registry.all().stream().map(EmulatedPrinter::userApiKey).toList();

        registry.resetControls();

        List<String> after =
                registry.all().stream().map(EmulatedPrinter::userApiKey).toList();
        for (int i = 0; i < before.size(); i++) {
            assertNotEquals(before.get(i), after.get(i));
            assertTrue(after.get(i).matches("[0-9A-F]{32}"), after.get(i));
        }
    }

    @Test
    void jobProgressFollowsTheInjectedClock() {
        EmulatedPrinter printing = registry.all().get(0);
        double before = printing.octoPrintAt(registry.now()).job().orElseThrow().completion();

        clock.advance(Duration.ofSeconds(450));

        assertEquals(0.0, before);
        assertEquals(
                25.0, printing.octoPrintAt(registry.now()).job().orElseThrow().completion(), 1e-9);
    }

    @Test
    void heaterTemperatureStaysNearTargetWhilePrinting() {
        Temperature tool = registry.all().get(0).octoPrintAt(registry.now()).tool0();

        assertEquals(215.0, tool.target());
        assertEquals(215.0, tool.actual(), 1.5);
    }

    @Test
    void takingAPrinterOfflineRecordsTheDisconnectTime() {
        String id = registry.all().get(0).id();
        clock.advance(Duration.ofMinutes(5));

        PrinterStatus status = registry.update(id, controls -> PrinterControls.NORMAL.withOnline(false))
                .orElseThrow();

        assertFalse(status.controls().online());
        assertEquals(clock.instant(), status.lastDisconnect());
        assertEquals(Instant.parse("2026-11-28T10:00:00Z"), status.lastConnection());
    }

    @Test
    void resetBringsEveryPrinterBackToNormal() {
        EmulatedPrinter printer = registry.all().get(2);
        registry.update(printer.id(), controls -> new PrinterControls(false, OptionalInt.of(605), 2000, false, false));

        registry.resetControls();

        assertEquals(PrinterControls.NORMAL, printer.controls());
        assertEquals(clock.instant(), printer.status().lastConnection());
    }

    @Test
    void resetRestoresTheConfiguredStorageSize() {
        EmulatedPrinter printer = registry.all().get(1);
        printer.files().limitTo(10);

        registry.resetControls();

        assertEquals(SandboxSettings.DEFAULT_UPLOAD_LIMIT_BYTES, printer.files().limitBytes());
    }

    @Test
    void storageSizeIsPerPrinter() {
        registry.all().get(0).files().limitTo(10);

        assertEquals(
                SandboxSettings.DEFAULT_UPLOAD_LIMIT_BYTES,
                registry.all().get(1).files().limitBytes());
    }

    @Test
    void unknownPrinterIsNotFound() {
        assertTrue(registry.find("NOPE").isEmpty());
        assertTrue(registry.update("NOPE", controls -> PrinterControls.NORMAL).isEmpty());
    }

    @Test
    void everyPrinterHasItsOwnLanIpByDefault() {
        assertEquals(
                List.of("127.0.1.1", "127.0.1.2", "127.0.1.3", "127.0.1.4"),
                registry.all().stream().map(EmulatedPrinter::lanIp).toList());
    }

    @Test
    void configuredLanIpIsReportedForEveryPrinter() {
        PrinterRegistry shared = new PrinterRegistry(
                new SandboxSettings(4, Optional.of("127.0.0.1"), Duration.ofSeconds(1800), Optional.empty(), 0), clock);

        Set<String> ips = shared.all().stream().map(EmulatedPrinter::lanIp).collect(Collectors.toSet());

        assertEquals(Set.of("127.0.0.1"), ips);
        assertNotEquals(shared.all().get(0).id(), shared.all().get(1).id());
        assertEquals(4, shared.withLanIp("127.0.0.1").size());
    }

    @Test
    void printerIsFoundByItsLanIp() {
        assertEquals(List.of(registry.all().get(1)), registry.withLanIp("127.0.1.2"));
        assertTrue(registry.withLanIp("127.0.1.5").isEmpty());
        assertTrue(registry.withLanIp("127.0.0.1").isEmpty());
    }

    @Test
    void theLargestFleetIsBuiltQuicklyWithDistinctIdsAndLoopbackAddresses() {
        PrinterRegistry fleet = assertTimeout(Duration.ofSeconds(3), () -> {
            PrinterRegistry built = registry(SandboxSettings.MAX_PRINTERS, clock);
            for (EmulatedPrinter printer : built.all()) {
                assertEquals(Optional.of(printer), built.find(printer.id()));
                assertEquals(List.of(printer), built.withLanIp(printer.lanIp()));
            }
            return built;
        });

        List<EmulatedPrinter> printers = fleet.all();
        assertEquals(10_000, printers.size());
        assertEquals(
                10_000,
                printers.stream()
                        .map(EmulatedPrinter::id)
                        .collect(Collectors.toSet())
                        .size());
        assertEquals(
                10_000,
                printers.stream()
                        .map(EmulatedPrinter::lanIp)
                        .collect(Collectors.toSet())
                        .size());
        for (EmulatedPrinter printer : printers) {
            String[] octets = printer.lanIp().split("\\.");
            assertEquals("127.0", octets[0] + "." + octets[1], printer.lanIp());
            int third = Integer.parseInt(octets[2]);
            int fourth = Integer.parseInt(octets[3]);
            assertTrue(third >= 1 && third <= 40, printer.lanIp());
            assertTrue(fourth >= 1 && fourth <= 254, printer.lanIp());
        }
        assertEquals("127.0.40.94", printers.get(9_999).lanIp());
    }

    @Test
    void theConfiguredLatencyIsEveryPrintersStartAndWhatAResetRestores() {
        PrinterRegistry slow = new PrinterRegistry(
                new SandboxSettings(
                        3,
                        Optional.empty(),
                        Duration.ofSeconds(1800),
                        Optional.empty(),
                        0,
                        SandboxSettings.DEFAULT_UPLOAD_LIMIT_BYTES,
                        5,
                        250),
                clock);
        EmulatedPrinter printer = slow.all().get(1);

        assertEquals(List.of(250L, 250L, 250L), latencies(slow));
        slow.update(printer.id(), controls -> controls.withLatencyMs(0).withOnline(false));
        slow.resetControls();

        assertEquals(PrinterControls.NORMAL.withLatencyMs(250), printer.controls());
        assertEquals(PrinterControls.NORMAL.withLatencyMs(250), slow.initialControls());
    }

    @Test
    void aResetGivesEachPrinterBackTheKindItStartedWith() {
        PrinterRegistry mixed = new PrinterRegistry(
                new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1800), Optional.empty(), 0)
                        .withPrinterKinds(List.of(PrinterKind.OTHER, PrinterKind.MOONRAKER)),
                clock);
        EmulatedPrinter first = mixed.all().get(0);
        mixed.update(first.id(), controls -> controls.withKind(PrinterKind.OCTOPRINT));
        first.setLight(true);
        first.changeToolhead(Toolhead::homed);

        mixed.resetControls();

        assertEquals(
                List.of(PrinterKind.OTHER, PrinterKind.MOONRAKER),
                mixed.all().stream().map(printer -> printer.controls().kind()).toList());
        assertFalse(first.lightOn());
        assertEquals(Toolhead.PARKED, first.toolhead());
    }

    @Test
    void oneChangeCanApplyToEveryPrinterLeavingTheirOtherControls() {
        EmulatedPrinter offline = registry.all().get(3);
        registry.update(offline.id(), controls -> controls.withOnline(false));

        registry.updateAll(controls -> controls.withLatencyMs(75));

        assertEquals(List.of(75L, 75L, 75L, 75L), latencies(registry));
        assertFalse(offline.controls().online());
        assertEquals(clock.instant(), offline.status().lastDisconnect());
    }

    private static List<Long> latencies(PrinterRegistry registry) {
        return registry.all().stream()
                .map(printer -> printer.controls().latencyMs())
                .toList();
    }

    static PrinterRegistry registry(int printers, MutableClock clock) {
        return new PrinterRegistry(
                new SandboxSettings(printers, Optional.empty(), Duration.ofSeconds(1800), Optional.empty(), 0), clock);
    }
}
