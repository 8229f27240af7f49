package dev.printfarm.appconnection.sandbox.printer;

import java.time.Duration;
import java.time.Instant;

/** Back-to-back prints of equal length starting at {@code origin}, so a printing printer never runs out of job. */
public record PrintSchedule(Instant origin, Duration jobDuration) {

    public PrintSchedule {
        if (jobDuration.toMillis() < 1) {
            throw new IllegalArgumentException("jobDuration must be at least 1 ms, got " + jobDuration);
        }
    }

    public PrintRun runAt(Instant now) {
        long durationMillis = jobDuration.toMillis();
        long elapsedMillis = Math.max(0, Duration.between(origin, now).toMillis());
        long finishedRuns = elapsedMillis / durationMillis;
        return new PrintRun(
                finishedRuns + 1,
                origin.plusMillis(finishedRuns * durationMillis),
                Duration.ofMillis(elapsedMillis % durationMillis),
                jobDuration);
    }
}
