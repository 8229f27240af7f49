package dev.printfarm.appconnection.impl.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GadgetPlanTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    private final GadgetPlan plan =
            new GadgetPlan(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofSeconds(10));

    private static PrintJob printing(String file, long printTime) {
        return new PrintJob(
                Optional.of("Printing"),
                Optional.of(file),
                OptionalDouble.of(10),
                OptionalLong.of(printTime),
                OptionalLong.of(100));
    }

    private static PrintJob idle() {
        return new PrintJob(
                Optional.of("Operational"),
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalLong.empty(),
                OptionalLong.empty());
    }

    private static GadgetUpdate answer(Instant at, GadgetStatus.State state) {
        return GadgetUpdate.of(
                "c", at, new GadgetStatus(state, Optional.empty(), GadgetStatus.Color.GREEN, OptionalInt.of(8)));
    }

    /** Runs the monitor's loop second by second; returns the times Gadget was asked (answers take 300 ms). */
    private List<Instant> run(
            Instant from,
            Duration length,
            java.util.function.Function<Instant, PrintJob> job,
            GadgetStatus.State state) {
        List<Instant> polls = new ArrayList<>();
        for (Instant now = from; now.isBefore(from.plus(length)); now = now.plusSeconds(1)) {
            if (!plan.due(now)) {
                continue;
            }
            Optional<PrintIdentity> print = PrintIdentity.of(job.apply(now), now);
            if (plan.shouldPoll(now, print)) {
                polls.add(now);
                plan.answered(answer(now.plusMillis(300), state), print.get());
            }
        }
        return polls;
    }

    @Test
    void aServerTakingThePollingOverWaitsTenSecondsFromTheAnswerAnotherServerHad() {
        plan.answeredElsewhere(T0.plusSeconds(4));
        plan.answeredElsewhere(T0.plusSeconds(1));
        Optional<PrintIdentity> print = PrintIdentity.of(printing("cube.gcode", 60), T0.plusSeconds(5));
        assertFalse(plan.shouldPoll(T0.plusSeconds(5), print), "4 s after the other server's answer");
        assertFalse(plan.due(T0.plusSeconds(13)), "an older answer elsewhere does not move the 10 s back");
        assertTrue(plan.due(T0.plusSeconds(14)));
        assertTrue(plan.shouldPoll(T0.plusSeconds(14), print));
    }

    @Test
    void whilePrintingGadgetIsAskedEveryTenSecondsCountedFromTheAnswer() {
        List<Instant> polls = run(
                T0,
                Duration.ofSeconds(35),
                now -> printing("cube.gcode", now.getEpochSecond() - T0.getEpochSecond() + 60),
                GadgetStatus.State.ACTIVE);
        assertEquals(4, polls.size(), polls.toString());
        for (int i = 1; i < polls.size(); i++) {
            assertTrue(Duration.between(polls.get(i - 1), polls.get(i)).compareTo(Duration.ofSeconds(10)) >= 0);
        }
    }

    @Test
    void anIdlePrinterIsNeverPolled() {
        assertEquals(List.of(), run(T0, Duration.ofMinutes(5), now -> idle(), GadgetStatus.State.IDLE));
    }

    @Test
    void disabledForCurrentPrintStopsPollingUntilTheNextPrint() {
        long startOffset = T0.getEpochSecond() - 120;
        List<Instant> polls = run(
                T0,
                Duration.ofSeconds(60),
                now -> printing("cube.gcode", now.getEpochSecond() - startOffset),
                GadgetStatus.State.DISABLED_FOR_CURRENT_PRINT);
        assertEquals(1, polls.size(), polls.toString());
        // The same file printed again, started a minute later: a new print.
        Instant restart = T0.plusSeconds(60);
        List<Instant> after = run(
                restart,
                Duration.ofSeconds(5),
                now -> printing("cube.gcode", now.getEpochSecond() - restart.getEpochSecond()),
                GadgetStatus.State.ACTIVE);
        assertEquals(1, after.size(), after.toString());
    }

    @Test
    void aDisabledGadgetIsAskedRarely() {
        List<Instant> polls = run(
                T0,
                Duration.ofMinutes(25),
                now -> printing("big.gcode", now.getEpochSecond() - T0.getEpochSecond()),
                GadgetStatus.State.DISABLED);
        assertEquals(3, polls.size(), "at 0, 10 and 20 minutes: " + polls);
    }

    @Test
    void aPermanentFailureStopsThePlanAndATemporaryOneWaitsAnInterval() {
        Optional<PrintIdentity> print = PrintIdentity.of(printing("a", 5), T0);
        assertTrue(plan.shouldPoll(T0, print));
        plan.answered(
                GadgetUpdate.failed(
                        "c", T0, new OctoEverywhereException("610", "c", ErrorDetails.octoEverywhere(610), true)),
                print.get());
        assertFalse(
                plan.due(T0.plusSeconds(599)), "610: the plugin needs an update, asked again after the long interval");
        assertTrue(plan.due(T0.plusSeconds(600)));
        plan.answered(
                GadgetUpdate.failed(
                        "c",
                        T0.plusSeconds(600),
                        new ConnectionGoneException("604", "c", ErrorDetails.octoEverywhere(604))),
                print.get());
        assertTrue(plan.stopped());
        assertFalse(plan.due(T0.plusSeconds(10_000)));
    }

    @Test
    void pollingFasterThanOctoEverywhereAllowsIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new GadgetPlan(Duration.ofSeconds(9), Duration.ofMinutes(10), Duration.ofSeconds(10)));
    }

    @Test
    void pausedAndPrintingStatesCountAsAPrintInProgress() {
        for (String state : List.of("Printing", "Printing from SD", "Paused", "Pausing", "Resuming")) {
            assertTrue(
                    PrintIdentity.of(
                                    new PrintJob(
                                            Optional.of(state),
                                            Optional.of("f"),
                                            OptionalDouble.empty(),
                                            OptionalLong.empty(),
                                            OptionalLong.empty()),
                                    T0)
                            .isPresent(),
                    state);
        }
        for (String state : List.of("Operational", "Offline", "Cancelling", "Error")) {
            assertTrue(
                    PrintIdentity.of(
                                    new PrintJob(
                                            Optional.of(state),
                                            Optional.of("f"),
                                            OptionalDouble.empty(),
                                            OptionalLong.empty(),
                                            OptionalLong.empty()),
                                    T0)
                            .isEmpty(),
                    state);
        }
    }
}
