package dev.printfarm.appconnection.impl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.octoprint.OctoPrintPrinterState;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.IntStream;
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
        assertFalse(FleetQueries.needsJob(
                false, Optional.of(before("Operational", true)), now("Operational", false, false)));
    }

    @Test
    void anIdlePrintersJobIsReadAgainWhenItsPeriodicReadIsDue() {
        assertTrue(FleetQueries.needsJob(
                true, Optional.of(before("Operational", true)), now("Operational", false, false)));
    }

    /**
     * 600 printers answering every refresh together from their first on (as after connecting a fleet at once, or with
     * refreshAll()): each one's periodic job read comes once in every six refreshes, and each refresh carries about a
     * sixth of them instead of one refresh carrying all.
     */
    @Test
    void printersRefreshedTogetherReadTheirIdleJobsOnDifferentRefreshes() {
        Random random = new Random(21);
        List<String> ids = IntStream.range(0, 600)
                .mapToObj(i -> String.format("%016x%016x", random.nextLong(), random.nextLong()))
                .toList();
        int[] perRefresh = new int[2 * FleetQueries.IDLE_JOB_EVERY];
        for (String id : ids) {
            int due = 0;
            for (int answered = 0; answered < perRefresh.length; answered++) {
                if (FleetQueries.jobDue(answered, id)) {
                    perRefresh[answered]++;
                    due++;
                }
            }
            assertEquals(2, due, "twice in twelve refreshes: " + id);
        }
        for (int count : perRefresh) {
            assertTrue(count >= 60 && count <= 140, () -> "job reads per refresh " + Arrays.toString(perRefresh));
        }
    }

    @Test
    void printingPausedAMovedStateOrNoJobYetAskTheJob() {
        assertTrue(FleetQueries.needsJob(false, Optional.of(before("Printing", true)), now("Printing", true, false)));
        assertTrue(FleetQueries.needsJob(false, Optional.of(before("Paused", true)), now("Paused", false, true)));
        assertTrue(
                FleetQueries.needsJob(false, Optional.of(before("Printing", true)), now("Operational", false, false)));
        assertTrue(FleetQueries.needsJob(false, Optional.empty(), now("Operational", false, false)));
        assertTrue(FleetQueries.needsJob(
                false, Optional.of(before("Operational", false)), now("Operational", false, false)));
    }
}
