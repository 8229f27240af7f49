package dev.printfarm.appconnection.sandbox.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrintJobsTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration LENGTH = Duration.ofSeconds(1000);
    private static final JobFile CUBE = new JobFile("cube.gcode", "cube.gcode", "local", 100, T0);
    private final JobState idleWithFile = new JobState.Idle(Optional.of(CUBE));

    @Test
    void startWithASelectedFileRunsIt() {
        PrintJobs.Outcome outcome = PrintJobs.start(idleWithFile, T0, LENGTH);

        assertTrue(outcome.conflict().isEmpty());
        PrintRun run = outcome.state().runAt(T0.plusSeconds(250)).orElseThrow();
        assertEquals("cube.gcode", run.fileName());
        assertEquals(25.0, run.completion(), 1e-9);
    }

    @Test
    void startWhilePrintingIsAConflict() {
        JobState printing = PrintJobs.start(idleWithFile, T0, LENGTH).state();

        assertEquals(
                Optional.of(PrintJobs.ALREADY_ACTIVE),
                PrintJobs.start(printing, T0, LENGTH).conflict());
    }

    @Test
    void startWithoutASelectedFileIsAConflict() {
        assertTrue(PrintJobs.start(new JobState.Idle(Optional.empty()), T0, LENGTH)
                .conflict()
                .isPresent());
    }

    @Test
    void cancelAndPauseWhileIdleAreConflicts() {
        assertTrue(PrintJobs.cancel(idleWithFile, T0).conflict().orElseThrow().contains("'cancel'"));
        assertTrue(PrintJobs.pause(idleWithFile, PrintJobs.PauseAction.TOGGLE, T0)
                .conflict()
                .orElseThrow()
                .contains("'pause'"));
    }

    @Test
    void restartNeedsAPausedJob() {
        JobState printing = PrintJobs.start(idleWithFile, T0, LENGTH).state();
        assertEquals(
                Optional.of(PrintJobs.NOT_PAUSED),
                PrintJobs.restart(printing, T0).conflict());

        JobState paused = PrintJobs.pause(printing, PrintJobs.PauseAction.PAUSE, T0.plusSeconds(100))
                .state();
        JobState restarted = PrintJobs.restart(paused, T0.plusSeconds(500)).state();

        assertEquals(0.0, restarted.runAt(T0.plusSeconds(500)).orElseThrow().completion(), 1e-9);
    }

    @Test
    void pausedJobKeepsItsProgressUntilResumed() {
        JobState printing = PrintJobs.start(idleWithFile, T0, LENGTH).state();
        JobState paused = PrintJobs.pause(printing, PrintJobs.PauseAction.PAUSE, T0.plusSeconds(100))
                .state();

        assertEquals(10.0, paused.runAt(T0.plusSeconds(900)).orElseThrow().completion(), 1e-9);
        JobState resumed = PrintJobs.pause(paused, PrintJobs.PauseAction.RESUME, T0.plusSeconds(900))
                .state();
        assertEquals(20.0, resumed.runAt(T0.plusSeconds(1000)).orElseThrow().completion(), 1e-9);
    }

    @Test
    void pauseOnPausedAndResumeOnPrintingChangeNothing() {
        JobState printing = PrintJobs.start(idleWithFile, T0, LENGTH).state();
        JobState paused =
                PrintJobs.pause(printing, PrintJobs.PauseAction.PAUSE, T0).state();

        assertEquals(
                printing,
                PrintJobs.pause(printing, PrintJobs.PauseAction.RESUME, T0).state());
        assertEquals(
                paused, PrintJobs.pause(paused, PrintJobs.PauseAction.PAUSE, T0).state());
    }

    @Test
    void cancellingTheLoopLeavesItsFileSelected() {
        JobState loop = new JobState.Looping(new PrintSchedule(T0, LENGTH));

        JobState cancelled = PrintJobs.cancel(loop, T0.plusSeconds(10)).state();

        JobState.Idle idle = assertInstanceOf(JobState.Idle.class, cancelled);
        assertEquals("benchy-1.gcode", idle.selected().orElseThrow().name());
    }

    @Test
    void finishedPrintSettlesToIdleWithItsFileAndRemembersItCompleted() {
        JobState printing = PrintJobs.start(idleWithFile, T0, LENGTH).state();

        assertEquals(
                new JobState.Idle(Optional.of(CUBE), JobEnding.COMPLETE), PrintJobs.settle(printing, T0.plus(LENGTH)));
    }

    @Test
    void selectingWhilePrintingIsAConflictAndSelectWithPrintStarts() {
        JobState printing = PrintJobs.start(idleWithFile, T0, LENGTH).state();
        assertEquals(
                Optional.of(PrintJobs.CANNOT_SELECT),
                PrintJobs.select(printing, CUBE, false, T0, LENGTH).conflict());

        JobState started = PrintJobs.select(new JobState.Idle(Optional.empty()), CUBE, true, T0, LENGTH)
                .state();
        assertInstanceOf(JobState.Running.class, started);
    }
}
