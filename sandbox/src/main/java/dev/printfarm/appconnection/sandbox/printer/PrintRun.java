package dev.printfarm.appconnection.sandbox.printer;

import java.time.Duration;
import java.time.Instant;

/**
 * One print of the loop.
 *
 * @param number    1 for the first print since start, 2 for the one after it, ...
 * @param startedAt when this print began (also used as the file's upload date)
 * @param elapsed   print time so far, always shorter than {@code duration}
 * @param duration  the estimated and actual length of every print
 */
public record PrintRun(long number, Instant startedAt, Duration elapsed, Duration duration) {

    public String fileName() {
        return "benchy-" + number + ".gcode";
    }

    public long fileSize() {
        return 2_000_000 + (number * 104_729) % 900_000;
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
