package dev.printfarm.appconnection.sandbox.printer;

import java.util.OptionalInt;

/**
 * How the relay misbehaves for one printer.
 *
 * @param online    false makes the relay answer 601
 * @param failWith  a 6xx status the relay (and, for 600..605, the Info API) answers instead of the printer
 * @param latencyMs delay added to every relayed answer
 */
public record PrinterControls(boolean online, OptionalInt failWith, long latencyMs) {

    public static final PrinterControls NORMAL = new PrinterControls(true, OptionalInt.empty(), 0);
    public static final int MIN_FAILURE = 600;
    public static final int MAX_FAILURE = 699;
    /** Longer than any client timeout worth testing, short enough that a forgotten setting cannot hang a test run. */
    public static final long MAX_LATENCY_MS = 600_000;

    public PrinterControls {
        if (failWith.isPresent() && (failWith.getAsInt() < MIN_FAILURE || failWith.getAsInt() > MAX_FAILURE)) {
            throw new IllegalArgumentException("failWith must be " + MIN_FAILURE + ".." + MAX_FAILURE
                    + ", got " + failWith.getAsInt());
        }
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latencyMs must be 0.." + MAX_LATENCY_MS + ", got " + latencyMs);
        }
    }
}
