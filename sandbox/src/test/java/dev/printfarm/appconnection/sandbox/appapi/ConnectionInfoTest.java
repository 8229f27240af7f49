package dev.printfarm.appconnection.sandbox.appapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionInfoTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");

    @Test
    void everyPrinterReportsItsOwnLocalIp() {
        List<EmulatedPrinter> printers = registry(Optional.empty()).all();

        assertEquals(
                List.of("127.0.1.1", "127.0.1.2", "127.0.1.3"),
                printers.stream()
                        .map(printer -> ConnectionInfo.of(printer, "http://h/printer/" + printer.id()))
                        .map(info -> info.body().getString("PrinterLocalIp"))
                        .toList());
    }

    @Test
    void configuredLanIpIsReportedForEveryPrinter() {
        List<EmulatedPrinter> printers = registry(Optional.of("127.0.0.5")).all();

        printers.forEach(printer -> assertEquals(
                "127.0.0.5",
                ConnectionInfo.of(printer, "http://h/printer/" + printer.id())
                        .body()
                        .getString("PrinterLocalIp")));
    }

    private PrinterRegistry registry(Optional<String> lanIp) {
        return new PrinterRegistry(new SandboxSettings(3, lanIp, Duration.ofSeconds(60), Optional.empty(), 0), clock);
    }
}
