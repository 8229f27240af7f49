package dev.printfarm.appconnection.sandbox.printer;

import java.time.Duration;

/**
 * OctoEverywhere's back-to-back webcam rule for one printer, as the relay enforces it: at most {@code max} webcam
 * requests (snapshots and stream opens) within any {@code window}; the next one answers 609.
 *
 * @param max    0 refuses every webcam request
 * @param window a sliding window, whole seconds
 */
public record WebcamBackToBack(int max, Duration window) {

    public static final int MAX_MAX = 1_000_000;
    public static final long MAX_WINDOW_SECONDS = 86_400;

    public WebcamBackToBack {
        if (max < 0 || max > MAX_MAX) {
            throw new IllegalArgumentException("max must be 0.." + MAX_MAX + ", got " + max);
        }
        if (window.getSeconds() < 1 || window.getSeconds() > MAX_WINDOW_SECONDS || window.getNano() != 0) {
            throw new IllegalArgumentException(
                    "window must be 1.." + MAX_WINDOW_SECONDS + " whole seconds, got " + window);
        }
    }
}
