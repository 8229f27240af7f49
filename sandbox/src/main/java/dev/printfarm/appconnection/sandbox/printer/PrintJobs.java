package dev.printfarm.appconnection.sandbox.printer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The job state machine behind {@code POST /api/job} and file selection, with OctoPrint's 409 messages for
 * commands the current state does not allow. Pure.
 */
public final class PrintJobs {

    static final String ALREADY_ACTIVE = "Printer already has an active print job, did you mean 'restart'?";
    static final String NOT_PAUSED = "Printer does not have an active print job or is not paused";
    static final String NO_FILE = "There is no file selected to print";
    static final String CANNOT_SELECT = "Printer is already printing, cannot select a file";

    /** What a command did: the next state, or why it was refused (a 409). */
    public record Outcome(JobState state, Optional<String> conflict) {
        static Outcome to(JobState state) {
            return new Outcome(state, Optional.empty());
        }

        static Outcome refused(JobState state, String why) {
            return new Outcome(state, Optional.of(why));
        }
    }

    public enum PauseAction {
        PAUSE,
        RESUME,
        TOGGLE
    }

    private PrintJobs() {}

    /** A print started through the API that has run its course leaves its file selected, like OctoPrint. */
    public static JobState settle(JobState state, Instant now) {
        if (state instanceof JobState.Running running && running.runAt(now).isEmpty()) {
            return new JobState.Idle(Optional.of(running.selected()), JobEnding.COMPLETE);
        }
        return state;
    }

    public static Outcome start(JobState current, Instant now, Duration duration) {
        JobState state = settle(current, now);
        if (!(state instanceof JobState.Idle idle)) {
            return Outcome.refused(state, ALREADY_ACTIVE);
        }
        return idle.selected()
                .map(file -> Outcome.to(new JobState.Running(file, now, now, Duration.ZERO, duration)))
                .orElseGet(() -> Outcome.refused(state, NO_FILE));
    }

    public static Outcome cancel(JobState current, Instant now) {
        JobState state = settle(current, now);
        if (state instanceof JobState.Idle) {
            return Outcome.refused(state, inactive("cancel"));
        }
        return Outcome.to(new JobState.Idle(state.file(now), JobEnding.CANCELLED));
    }

    public static Outcome restart(JobState current, Instant now) {
        JobState state = settle(current, now);
        if (!(state instanceof JobState.Paused paused)) {
            return Outcome.refused(state, NOT_PAUSED);
        }
        PrintRun run = paused.run();
        return Outcome.to(new JobState.Running(run.file(), now, now, Duration.ZERO, run.duration()));
    }

    public static Outcome pause(JobState current, PauseAction action, Instant now) {
        JobState state = settle(current, now);
        if (state instanceof JobState.Idle) {
            return Outcome.refused(state, inactive("pause"));
        }
        if (state instanceof JobState.Paused paused) {
            if (action == PauseAction.PAUSE) {
                return Outcome.to(state);
            }
            PrintRun run = paused.run();
            return Outcome.to(new JobState.Running(run.file(), run.startedAt(), now, run.elapsed(), run.duration()));
        }
        if (action == PauseAction.RESUME) {
            return Outcome.to(state);
        }
        return Outcome.to(new JobState.Paused(state.runAt(now).orElseThrow()));
    }

    /** Selecting while a job is active is refused; {@code thenPrint} starts it right away. */
    public static Outcome select(JobState current, JobFile file, boolean thenPrint, Instant now, Duration duration) {
        JobState state = settle(current, now);
        if (!(state instanceof JobState.Idle)) {
            return Outcome.refused(state, CANNOT_SELECT);
        }
        JobState selected = new JobState.Idle(Optional.of(file));
        return thenPrint ? start(selected, now, duration) : Outcome.to(selected);
    }

    private static String inactive(String command) {
        return "Printer is neither printing nor paused, '" + command + "' command cannot be performed";
    }
}
