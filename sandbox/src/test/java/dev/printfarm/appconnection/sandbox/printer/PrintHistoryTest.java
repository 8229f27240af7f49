package dev.printfarm.appconnection.sandbox.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrintHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration LENGTH = Duration.ofSeconds(100);
    private static final PrintSchedule LOOP = new PrintSchedule(T0, LENGTH);
    private static final JobFile CUBE = new JobFile("cube.gcode", "cube.gcode", "local", 10, T0);

    @Test
    void theLoopsPrintsAreComputedAndTheCurrentOneIsInProgress() {
        PrintHistory history = new PrintHistory(Optional.of(LOOP));

        List<PrintHistory.Job> jobs = history.jobs(new JobState.Looping(LOOP), T0.plusSeconds(250));

        assertEquals(
                List.of(PrintHistory.Status.COMPLETED, PrintHistory.Status.COMPLETED, PrintHistory.Status.IN_PROGRESS),
                jobs.stream().map(PrintHistory.Job::status).toList());
        assertEquals(
                List.of("000001", "000002", "000003"),
                jobs.stream().map(PrintHistory.Job::jobId).toList());
        assertEquals(Optional.of(T0.plusSeconds(200)), jobs.get(1).endedAt());
    }

    @Test
    void leavingTheLoopKeepsItsPrintsAndTheCancelledOneFollows() {
        PrintHistory history = new PrintHistory(Optional.of(LOOP));
        JobState loop = new JobState.Looping(LOOP);
        Instant now = T0.plusSeconds(150);
        JobState cancelled = PrintJobs.cancel(loop, now).state();

        history.transition(loop, cancelled, now, JobEnding.CANCELLED);
        List<PrintHistory.Job> jobs = history.jobs(cancelled, now.plusSeconds(1000));

        assertEquals(
                List.of(PrintHistory.Status.COMPLETED, PrintHistory.Status.CANCELLED),
                jobs.stream().map(PrintHistory.Job::status).toList());
        assertEquals(Duration.ofSeconds(50), jobs.get(1).printDuration());
        assertEquals("000002", jobs.get(1).jobId());
    }

    @Test
    void aPrintThatRanOutIsCompletedAtItsPlannedEnd() {
        PrintHistory history = new PrintHistory(Optional.empty());
        JobState running = PrintJobs.start(new JobState.Idle(Optional.of(CUBE)), T0, LENGTH)
                .state();
        Instant later = T0.plusSeconds(500);
        JobState settled = PrintJobs.settle(running, later);

        history.transition(running, settled, later, JobEnding.COMPLETE);

        PrintHistory.Job job = history.jobs(settled, later).get(0);
        assertEquals(PrintHistory.Status.COMPLETED, job.status());
        assertEquals(Optional.of(T0.plus(LENGTH)), job.endedAt());
        assertEquals(LENGTH, job.printDuration());
    }

    @Test
    void theLastEndedPrintIsTheLoopsLastUntilAnotherEnds() {
        PrintHistory history = new PrintHistory(Optional.of(LOOP));
        JobState loop = new JobState.Looping(LOOP);

        assertEquals(Optional.empty(), history.lastEnded(loop, T0.plusSeconds(50)));
        assertEquals(
                "000002",
                history.lastEnded(loop, T0.plusSeconds(250)).orElseThrow().jobId());

        JobState cancelled = PrintJobs.cancel(loop, T0.plusSeconds(250)).state();
        history.transition(loop, cancelled, T0.plusSeconds(250), JobEnding.CANCELLED);

        assertEquals(
                PrintHistory.Status.CANCELLED,
                history.lastEnded(cancelled, T0.plusSeconds(900)).orElseThrow().status());
    }

    @Test
    void pausingAndResumingIsTheSamePrint() {
        PrintHistory history = new PrintHistory(Optional.empty());
        JobState running = PrintJobs.start(new JobState.Idle(Optional.of(CUBE)), T0, LENGTH)
                .state();
        JobState paused = PrintJobs.pause(running, PrintJobs.PauseAction.PAUSE, T0.plusSeconds(10))
                .state();

        history.transition(running, paused, T0.plusSeconds(10), JobEnding.CANCELLED);

        assertEquals(
                List.of(PrintHistory.Status.IN_PROGRESS),
                history.jobs(paused, T0.plusSeconds(20)).stream()
                        .map(PrintHistory.Job::status)
                        .toList());
    }
}
