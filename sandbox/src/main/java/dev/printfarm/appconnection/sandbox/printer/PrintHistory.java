package dev.printfarm.appconnection.sandbox.printer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The prints one printer ran since the start or its last reset, for Moonraker's job history. The prints of the
 * endless loop are not stored one by one: they are computed from its schedule, up to the moment the loop was left.
 * Not thread-safe: {@link EmulatedPrinter} calls it under its own lock.
 */
public final class PrintHistory {

    /** How many ended prints are kept, loop prints included; older ones are forgotten. */
    public static final int MAX_JOBS = 1000;

    /** Moonraker's job statuses as far as the emulation produces them. */
    public enum Status {
        IN_PROGRESS("in_progress"),
        COMPLETED("completed"),
        CANCELLED("cancelled"),
        KLIPPY_SHUTDOWN("klippy_shutdown");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * One print.
     *
     * @param number        1, 2, … in the order the prints started; Moonraker's {@code job_id} is its hex form
     * @param printDuration time spent printing, pauses excluded
     */
    public record Job(
            long number,
            JobFile file,
            Instant startedAt,
            Optional<Instant> endedAt,
            Duration printDuration,
            Status status) {

        public String jobId() {
            return String.format("%06X", number);
        }
    }

    private final Optional<PrintSchedule> loop;
    private final Deque<Job> ended = new ArrayDeque<>();
    /** Loop prints 1..this ran to their end before the loop was left; -1 while the loop still runs. */
    private long loopCompleted;

    private long lastNumber;

    PrintHistory(Optional<PrintSchedule> loop) {
        this.loop = loop;
        clear();
    }

    void clear() {
        ended.clear();
        loopCompleted = loop.isPresent() ? -1 : 0;
        lastNumber = 0;
    }

    /**
     * Takes note of a job state change at {@code now}: a print that is gone ended, at its planned end when it had run
     * out by then, else now with {@code stopped}.
     */
    void transition(JobState before, JobState after, Instant now, JobEnding stopped) {
        if (before.equals(after)) {
            return;
        }
        if (before instanceof JobState.Looping looping) {
            PrintRun current = looping.schedule().runAt(now);
            loopCompleted = current.number() - 1;
            lastNumber = loopCompleted;
            if (!continues(current, after, now)) {
                add(current, now, stopped);
            }
        } else if (before instanceof JobState.Running running) {
            Instant end = running.endsAt();
            if (!end.isAfter(now)) {
                add(
                        new PrintRun(
                                1, running.startedAt(), running.duration(), running.duration(), running.selected()),
                        end,
                        JobEnding.COMPLETE);
            } else {
                PrintRun run = running.runAt(now).orElseThrow();
                if (!continues(run, after, now)) {
                    add(run, now, stopped);
                }
            }
        } else if (before instanceof JobState.Paused paused && !continues(paused.run(), after, now)) {
            add(paused.run(), now, stopped);
        }
    }

    /** Oldest first: the loop's prints, the ones that ended since, then the one in progress, if any. */
    List<Job> jobs(JobState current, Instant now) {
        List<Job> jobs = new ArrayList<>();
        long loopDone = loopCompleted >= 0
                ? loopCompleted
                : loop.map(schedule -> schedule.runAt(now).number() - 1).orElse(0L);
        long firstLoopShown = Math.max(1, loopDone - Math.max(0, MAX_JOBS - ended.size()) + 1);
        loop.ifPresent(schedule -> {
            for (long number = firstLoopShown; number <= loopDone; number++) {
                jobs.add(loopJob(schedule, number));
            }
        });
        jobs.addAll(ended);
        current.runAt(now)
                .ifPresent(run -> jobs.add(new Job(
                        current instanceof JobState.Looping ? run.number() : lastNumber + 1,
                        run.file(),
                        run.startedAt(),
                        Optional.empty(),
                        run.elapsed(),
                        Status.IN_PROGRESS)));
        return jobs;
    }

    /** The print that ended last, without building the whole list. */
    Optional<Job> lastEnded(JobState current, Instant now) {
        if (!ended.isEmpty()) {
            return Optional.of(ended.getLast());
        }
        long loopDone = loopCompleted >= 0
                ? loopCompleted
                : loop.map(schedule -> schedule.runAt(now).number() - 1).orElse(0L);
        return loopDone < 1 ? Optional.empty() : loop.map(schedule -> loopJob(schedule, loopDone));
    }

    private static Job loopJob(PrintSchedule schedule, long number) {
        Duration length = schedule.jobDuration();
        Instant started = schedule.origin().plus(length.multipliedBy(number - 1));
        PrintRun run = new PrintRun(number, started, length, length);
        return new Job(number, run.file(), started, Optional.of(started.plus(length)), length, Status.COMPLETED);
    }

    private void add(PrintRun run, Instant endedAt, JobEnding how) {
        lastNumber++;
        Status status = switch (how) {
            case COMPLETE -> Status.COMPLETED;
            case ERROR -> Status.KLIPPY_SHUTDOWN;
            default -> Status.CANCELLED;
        };
        Duration printed = how == JobEnding.COMPLETE ? run.duration() : run.elapsed();
        ended.addLast(new Job(lastNumber, run.file(), run.startedAt(), Optional.of(endedAt), printed, status));
        while (ended.size() > MAX_JOBS) {
            ended.removeFirst();
        }
    }

    private static boolean continues(PrintRun run, JobState after, Instant now) {
        return after.runAt(now)
                .filter(next -> next.startedAt().equals(run.startedAt())
                        && next.file().path().equals(run.file().path()))
                .isPresent();
    }
}
