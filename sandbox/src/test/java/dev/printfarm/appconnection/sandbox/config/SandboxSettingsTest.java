package dev.printfarm.appconnection.sandbox.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

    @Test
    void privateRangeLanIpIsRefusedSoNoClientLeavesLoopback() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> new SandboxSettings(3, Optional.of("192.168.1.5"), Duration.ofSeconds(60), Optional.empty(), 0));
        assertTrue(refused.getMessage().contains("sandbox.lan-ip"), refused.getMessage());
    }

    @Test
    void anyLoopbackAddressIsAccepted() {
        assertEquals(
                Optional.of("127.0.0.2"),
                new SandboxSettings(1, Optional.of("127.0.0.2"), Duration.ofSeconds(60), Optional.empty(), 0).lanIp());
        assertEquals(
                Optional.of("::1"),
                new SandboxSettings(1, Optional.of("::1"), Duration.ofSeconds(60), Optional.empty(), 0).lanIp());
    }

    @Test
    void lanIpIsNoOverrideUnlessConfigured() {
        assertEquals(Optional.empty(), SandboxSettings.defaults().lanIp());
        assertEquals(
                Optional.empty(),
                new SandboxSettings(1, Optional.of("  "), Duration.ofSeconds(60), Optional.empty(), 0).lanIp());
    }

    @Test
    void apiKeyFailureRateAboveOneIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SandboxSettings(3, Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 1.5));
    }

    @Test
    void publicUrlLosesItsTrailingSlash() {
        SandboxSettings settings = new SandboxSettings(
                3, Optional.empty(), Duration.ofSeconds(60), Optional.of("http://localhost:9080/sandbox/"), 0);
        assertEquals(Optional.of("http://localhost:9080/sandbox"), settings.publicUrl());
    }

    @Test
    void zeroPrintersAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SandboxSettings(0, Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 0));
    }

    @Test
    void upToTenThousandPrintersAreAccepted() {
        assertEquals(
                10_000,
                new SandboxSettings(10_000, Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 0).printers());
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> new SandboxSettings(10_001, Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 0));
        assertTrue(refused.getMessage().startsWith("sandbox.printers must be 1..10000"), refused.getMessage());
    }

    @Test
    void latencyDefaultsToZeroAndMustBeZeroToTenMinutes() {
        assertEquals(0, SandboxSettings.defaults().latencyMs());
        assertEquals(
                600_000,
                new SandboxSettings(1, Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 0, 1000, 5, 600_000)
                        .latencyMs());
        for (long latency : new long[] {-1, 600_001}) {
            IllegalArgumentException refused = assertThrows(
                    IllegalArgumentException.class,
                    () -> new SandboxSettings(
                            1, Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 0, 1000, 5, latency));
            assertTrue(refused.getMessage().startsWith("sandbox.latency-ms must be 0..600000"), refused.getMessage());
        }
    }

    @Test
    void webcamFpsDefaultsToFiveAndMustBeOneToThirty() {
        assertEquals(5, SandboxSettings.defaults().webcamFps());
        assertEquals(
                30,
                new SandboxSettings(1, Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 0, 1000, 30)
                        .webcamFps());
        for (int fps : new int[] {0, -1, 31}) {
            IllegalArgumentException refused = assertThrows(
                    IllegalArgumentException.class,
                    () -> new SandboxSettings(
                            1, Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 0, 1000, fps));
            assertTrue(refused.getMessage().startsWith("sandbox.webcam.fps must be 1..30"), refused.getMessage());
        }
    }

    @Test
    void printerKindsAreGivenRoundRobinAndDefaultToOctoPrint() {
        SandboxSettings settings =
                SandboxSettings.defaults().withPrinterKinds(SandboxSettings.parseKinds(" octoprint, Moonraker ,other"));

        assertEquals(
                List.of(PrinterKind.OCTOPRINT, PrinterKind.MOONRAKER, PrinterKind.OTHER, PrinterKind.OCTOPRINT),
                IntStream.rangeClosed(1, 4).mapToObj(settings::kindOf).toList());
        assertEquals(PrinterKind.OCTOPRINT, SandboxSettings.defaults().kindOf(7));
    }

    @Test
    void anUnknownOrMissingPrinterKindFailsNamingTheKey() {
        for (String pattern : new String[] {"octoprint,bambu", "", "moonraker,,other"}) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> SandboxSettings.parseKinds(pattern));
            assertTrue(
                    refused.getMessage().startsWith("sandbox.printer-kinds must list octoprint, moonraker or other"),
                    refused.getMessage());
        }
    }

    @Test
    void stateIsKeptNowhereUnlessAStateDirIsConfigured() {
        assertEquals(Optional.empty(), SandboxSettings.defaults().stateDir());
        assertEquals(Optional.empty(), SandboxSettings.parseStateDir("   "));
        Path dir = Path.of("/var/lib/sandbox").toAbsolutePath();
        assertEquals(Optional.of(dir), SandboxSettings.parseStateDir(" " + dir + " "));
        assertEquals(
                Optional.of(dir),
                SandboxSettings.defaults()
                        .withStateDir(Optional.of(dir))
                        .withPrinterKinds(List.of(PrinterKind.MOONRAKER))
                        .stateDir());
    }

    @Test
    void aRelativeStateDirFailsNamingTheKey() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> SandboxSettings.defaults().withStateDir(SandboxSettings.parseStateDir("sandbox")));
        assertTrue(refused.getMessage().startsWith("sandbox.state-dir must be an absolute path"), refused.getMessage());
    }

    @Test
    void aStateDirThatIsNoPathFailsNamingTheKey() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> SandboxSettings.parseStateDir("/var/lib/sand\u0000box"));
        assertTrue(refused.getMessage().startsWith("sandbox.state-dir must be a directory path"), refused.getMessage());
    }
}
