package dev.printfarm.appconnection.api.moonraker;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One print in Moonraker's job history.
 *
 * @param status        {@code in_progress}, {@code completed}, {@code cancelled}, {@code error},
 *                      {@code klippy_shutdown}, {@code klippy_disconnect}, {@code interrupted}, ...
 * @param endTime       empty while the job runs
 * @param printDuration seconds spent printing
 * @param totalDuration seconds from start to end, pauses included
 * @param filamentUsed  mm of filament
 * @param fileExists    whether the file is still there, unchanged
 * @param user          who started it, when Moonraker knows
 */
public record MoonrakerJob(
        String jobId,
        String filename,
        Optional<String> status,
        Optional<Instant> startTime,
        Optional<Instant> endTime,
        OptionalDouble printDuration,
        OptionalDouble totalDuration,
        OptionalDouble filamentUsed,
        boolean fileExists,
        Optional<String> user) {
    public MoonrakerJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(printDuration, "printDuration");
        Objects.requireNonNull(totalDuration, "totalDuration");
        Objects.requireNonNull(filamentUsed, "filamentUsed");
        Objects.requireNonNull(user, "user");
    }
}
