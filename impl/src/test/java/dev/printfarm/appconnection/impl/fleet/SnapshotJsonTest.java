package dev.printfarm.appconnection.impl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.fleet.Temperature;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

    private static final Instant AT = Instant.parse("2026-11-28T19:00:01.123456Z");

    @Test
    void aPrintingPrinterComesBackAsItWasWritten() {
        PrinterView printing = new PrinterView(
                "c1",
                "Voron \"2.4\" #2",
                ConnectionState.ONLINE,
                ConnectionRoute.LAN,
                Optional.of("Printing"),
                Optional.of(new PrintJob(
                        Optional.of("Printing"),
                        Optional.of("benchy.gcode"),
                        OptionalDouble.of(42.55),
                        OptionalLong.of(765),
                        OptionalLong.empty())),
                List.of(
                        new Temperature(
                                "tool0", OptionalDouble.of(215.2), OptionalDouble.of(215), OptionalDouble.empty()),
                        new Temperature("bed", OptionalDouble.empty(), OptionalDouble.of(60), OptionalDouble.of(-1.5))),
                Optional.empty(),
                AT);
        assertEquals(printing, SnapshotJson.read(SnapshotJson.write(printing)));
    }

    @Test
    void aFailedRefreshKeepsItsStatusAndRemedyAndAbsentFieldsStayAbsent() {
        PrinterView suspended = new PrinterView(
                "c2",
                "Prusa",
                ConnectionState.SUSPENDED,
                ConnectionRoute.RELAY,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.of(new PrinterView.Failure(
                        OptionalInt.of(605),
                        OptionalInt.empty(),
                        "Supporter perk needed",
                        false,
                        Optional.of(URI.create("https://octoeverywhere.com/supporter")))),
                AT);
        assertEquals(suspended, SnapshotJson.read(SnapshotJson.write(suspended)));
        PrinterView unreachable = new PrinterView(
                "c3",
                "Ender",
                ConnectionState.PRINTER_OFFLINE,
                ConnectionRoute.RELAY,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.of(new PrinterView.Failure(
                        OptionalInt.empty(), OptionalInt.of(502), "no answer", true, Optional.empty())),
                AT);
        assertEquals(unreachable, SnapshotJson.read(SnapshotJson.write(unreachable)));
    }

    @Test
    void aRowItCannotReadIsRefusedNotGuessed() {
        assertThrows(RuntimeException.class, () -> SnapshotJson.read("{\"id\": \"c1\"}"));
        assertThrows(RuntimeException.class, () -> SnapshotJson.read("{"));
    }
}
