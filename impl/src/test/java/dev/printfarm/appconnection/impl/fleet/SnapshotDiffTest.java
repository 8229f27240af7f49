package dev.printfarm.appconnection.impl.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.fleet.Temperature;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {

    private static PrinterView snapshot(ConnectionState state, double progress, double bed, Instant at) {
        PrintJob job = new PrintJob(
                Optional.of("Printing"),
                Optional.of("cube.gcode"),
                OptionalDouble.of(progress),
                OptionalLong.of(10),
                OptionalLong.of(90));
        return new PrinterView(
                "c",
                "Prusa",
                state,
                ConnectionRoute.RELAY,
                Optional.of("Printing"),
                Optional.of(job),
                List.of(new Temperature("bed", OptionalDouble.of(bed), OptionalDouble.of(60))),
                Optional.empty(),
                at);
    }

    @Test
    void theFirstSnapshotIsAChange() {
        assertTrue(SnapshotDiff.changed(Optional.empty(), snapshot(ConnectionState.ONLINE, 1, 60, Instant.EPOCH)));
    }

    @Test
    void onlyWhatAConsoleShowsCounts() {
        PrinterView before = snapshot(ConnectionState.ONLINE, 10.00, 60.0, Instant.EPOCH);
        assertFalse(
                SnapshotDiff.changed(
                        Optional.of(before),
                        snapshot(ConnectionState.ONLINE, 10.02, 60.1, Instant.EPOCH.plusSeconds(10))),
                "a newer refresh time, progress within 0.1 %, a tenth of a degree");
        assertTrue(
                SnapshotDiff.changed(Optional.of(before), snapshot(ConnectionState.ONLINE, 10.2, 60.0, Instant.EPOCH)));
        assertTrue(
                SnapshotDiff.changed(Optional.of(before), snapshot(ConnectionState.ONLINE, 10.0, 61.0, Instant.EPOCH)));
        assertTrue(SnapshotDiff.changed(
                Optional.of(before), snapshot(ConnectionState.PRINTER_OFFLINE, 10.0, 60.0, Instant.EPOCH)));
        PrinterView failing = new PrinterView(
                "c",
                "Prusa",
                ConnectionState.ONLINE,
                ConnectionRoute.RELAY,
                before.statusText(),
                before.job(),
                before.temperatures(),
                Optional.of(new PrinterView.Failure(
                        OptionalInt.of(601), OptionalInt.empty(), "offline", true, Optional.empty())),
                Instant.EPOCH);
        assertTrue(SnapshotDiff.changed(Optional.of(before), failing));
    }
}
