package dev.printfarm.appconnection.sandbox.printer;

import java.time.Duration;
import java.time.Instant;

/**
 * One print, of the loop or started through the API.
 *
 * @param number    1 for the first print since start, 2 for the one after it, ...
 * @param startedAt when this print began
 * @param elapsed   print time so far, always shorter than {@code duration}
 * @param duration  the estimated and actual length of the print
 */
public record PrintRun(long number, Instant startedAt, Duration elapsed, Duration duration, JobFile file) {

    /** A print of the loop, whose file is named after its number and "uploaded" when it starts. */
    public PrintRun(long number, Instant startedAt, Duration elapsed, Duration duration) {
        this(
                number,
                startedAt,
                elapsed,
                duration,
                new JobFile(
                        "benchy-" + number + ".gcode",
                        "benchy-" + number + ".gcode",
                        "local",
                        2_000_000 + (number * 104_729) % 900_000,
                        startedAt));
    }

    public String fileName() {
        return file.name();
    }

    public long fileSize() {
        return file.size();
    }

    /** Percent done, 0 (inclusive) to 100 (exclusive). */
    public double completion() {
        return 100.0 * elapsed.toMillis() / duration.toMillis();
    }

    public long filePosition() {
        return fileSize() * elapsed.toMillis() / duration.toMillis();
    }

    public long printTimeSeconds() {
        return elapsed.toSeconds();
    }

    public long printTimeLeftSeconds() {
        return duration.minus(elapsed).plusMillis(999).toSeconds();
    }
}
