package dev.printfarm.appconnection.sandbox.printer;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Where a printer's print job stands; {@link PrintJobs} moves it from one state to the next. */
public sealed interface JobState {

    /** The print running at {@code now}, paused or not; empty while idle. */
    Optional<PrintRun> runAt(Instant now);

    /** The file a job would print or prints. */
    Optional<JobFile> file(Instant now);

    /** The emulation's endless loop of prints, until someone pauses or cancels it. */
    record Looping(PrintSchedule schedule) implements JobState {
        @Override
        public Optional<PrintRun> runAt(Instant now) {
            return Optional.of(schedule.runAt(now));
        }

        @Override
        public Optional<JobFile> file(Instant now) {
            return Optional.of(schedule.runAt(now).file());
        }
    }

    /** {@code ending}: how the print before ended, shown until a file is selected or a print starts. */
    record Idle(Optional<JobFile> selected, JobEnding ending) implements JobState {
        public Idle {
            Objects.requireNonNull(ending, "ending");
        }

        public Idle(Optional<JobFile> selected) {
            this(selected, JobEnding.NONE);
        }

        @Override
        public Optional<PrintRun> runAt(Instant now) {
            return Optional.empty();
        }

        @Override
        public Optional<JobFile> file(Instant now) {
            return selected;
        }
    }

    /** A print started through the API; {@code before} is the print time up to {@code resumedAt}. */
    record Running(JobFile selected, Instant startedAt, Instant resumedAt, Duration before, Duration duration)
            implements JobState {
        Duration elapsed(Instant now) {
            return before.plus(Duration.between(resumedAt, now));
        }

        /** When the print runs out, unless it is paused or cancelled before. */
        Instant endsAt() {
            return resumedAt.plus(duration.minus(before));
        }

        @Override
        public Optional<PrintRun> runAt(Instant now) {
            Duration elapsed = elapsed(now);
            return elapsed.compareTo(duration) >= 0
                    ? Optional.empty()
                    : Optional.of(new PrintRun(1, startedAt, elapsed, duration, selected));
        }

        @Override
        public Optional<JobFile> file(Instant now) {
            return Optional.of(selected);
        }
    }

    record Paused(PrintRun run) implements JobState {
        @Override
        public Optional<PrintRun> runAt(Instant now) {
            return Optional.of(run);
        }

        @Override
        public Optional<JobFile> file(Instant now) {
            return Optional.of(run.file());
        }
    }
}
