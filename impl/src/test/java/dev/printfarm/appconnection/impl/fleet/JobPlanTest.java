package dev.printfarm.appconnection.impl.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.octoprint.OctoPrintPrinterState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** When a fleet refresh asks {@code /api/job} after {@code /api/printer}. */
class JobPlanTest {

    private static PrinterView before(String stateText, boolean withJob) {
        Optional<PrintJob> job = withJob
                ? Optional.of(new PrintJob(
                        Optional.of(stateText),
                        Optional.of("cube.gcode"),
                        OptionalDouble.empty(),
                        OptionalLong.empty(),
                        OptionalLong.empty()))
                : Optional.empty();
        return new PrinterView(
                "c",
                "Prusa",
                ConnectionState.ONLINE,
                ConnectionRoute.RELAY,
                Optional.of(stateText),
                job,
                List.of(),
                Optional.empty(),
                Instant.EPOCH);
    }

    private static OctoPrintPrinterState now(String stateText, boolean printing, boolean paused) {
        return new OctoPrintPrinterState(
                Optional.of(stateText), true, printing, paused, false, List.of(), Optional.empty(), List.of());
    }

    @Test
    void anIdlePrinterWhoseStateDidNotMoveCostsOneRequest() {
        assertFalse(
                FleetQueries.needsJob(0, Optional.of(before("Operational", true)), now("Operational", false, false)));
        assertFalse(FleetQueries.needsJob(
                FleetQueries.IDLE_JOB_EVERY - 2,
                Optional.of(before("Operational", true)),
                now("Operational", false, false)));
    }

    @Test
    void anIdlePrintersJobIsReadAgainEverySoManyRefreshes() {
        assertTrue(FleetQueries.needsJob(
                FleetQueries.IDLE_JOB_EVERY - 1,
                Optional.of(before("Operational", true)),
                now("Operational", false, false)));
    }

    @Test
    void printingPausedAMovedStateOrNoJobYetAskTheJob() {
        assertTrue(FleetQueries.needsJob(0, Optional.of(before("Printing", true)), now("Printing", true, false)));
        assertTrue(FleetQueries.needsJob(0, Optional.of(before("Paused", true)), now("Paused", false, true)));
        assertTrue(FleetQueries.needsJob(0, Optional.of(before("Printing", true)), now("Operational", false, false)));
        assertTrue(FleetQueries.needsJob(0, Optional.empty(), now("Operational", false, false)));
        assertTrue(
                FleetQueries.needsJob(0, Optional.of(before("Operational", false)), now("Operational", false, false)));
    }
}
