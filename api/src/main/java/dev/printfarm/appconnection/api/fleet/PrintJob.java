package dev.printfarm.appconnection.api.fleet;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A print job as every platform reports it (OctoPrint's {@code /api/job}, Moonraker's {@code print_stats}, the command
 * API's status), in OctoPrint's words.
 *
 * @param statusText           the job's status in words ("Printing", "Operational", ...)
 * @param file                 the selected file's name; empty when none is selected
 * @param progress             completion in percent, 0–100; empty when nothing prints
 * @param printTimeSeconds     seconds printed so far
 * @param printTimeLeftSeconds OctoPrint's estimate of the seconds left
 */
public record PrintJob(
        Optional<String> statusText,
        Optional<String> file,
        OptionalDouble progress,
        OptionalLong printTimeSeconds,
        OptionalLong printTimeLeftSeconds) {
    public PrintJob {
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(printTimeSeconds, "printTimeSeconds");
        Objects.requireNonNull(printTimeLeftSeconds, "printTimeLeftSeconds");
        if (progress.isPresent() && !(progress.getAsDouble() >= 0 && progress.getAsDouble() <= 100)) {
            throw new IllegalArgumentException("progress must be 0-100, was " + progress.getAsDouble());
        }
    }
}
