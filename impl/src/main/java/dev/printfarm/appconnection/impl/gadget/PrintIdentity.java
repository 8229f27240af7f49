package dev.printfarm.appconnection.impl.gadget;

import dev.printfarm.appconnection.api.fleet.PrintJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells one print from the next: the file and roughly when it started (now minus the print time). Two looks at the
 * same print agree on both; a new print of the same file starts later.
 */
record PrintIdentity(Optional<String> file, Optional<Instant> startedAround) {

    /** Two estimates of one start differ by rounding and the time between the job read and the clock read. */
    private static final Duration SAME_START = Duration.ofSeconds(10);

    /** The print in progress (printing or paused), if the job says there is one. */
    static Optional<PrintIdentity> of(PrintJob job, Instant now) {
        String state = job.statusText().orElse("").toLowerCase(Locale.ROOT);
        boolean inProgress = state.startsWith("printing") || state.startsWith("paus") || state.startsWith("resum");
        if (!inProgress) {
            return Optional.empty();
        }
        Optional<Instant> started = job.printTimeSeconds().isPresent()
                ? Optional.of(now.minusSeconds(job.printTimeSeconds().getAsLong()))
                : Optional.empty();
        return Optional.of(new PrintIdentity(job.file(), started));
    }

    boolean samePrint(PrintIdentity other) {
        if (!file.equals(other.file)) {
            return false;
        }
        if (startedAround.isEmpty() || other.startedAround.isEmpty()) {
            return true;
        }
        return Duration.between(startedAround.get(), other.startedAround.get())
                        .abs()
                        .compareTo(SAME_START)
                <= 0;
    }
}
