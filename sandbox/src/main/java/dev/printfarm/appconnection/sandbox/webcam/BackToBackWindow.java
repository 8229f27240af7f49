package dev.printfarm.appconnection.sandbox.webcam;

import dev.printfarm.appconnection.sandbox.printer.WebcamBackToBack;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The webcam requests the relay accepted for one printer, for its back-to-back rule: a request is refused when
 * {@code max} requests were already accepted in the window before it (the window includes its start, so a request
 * exactly {@code window} after an accepted one no longer counts that one). Refused requests take no place in the
 * window. Thread-safe.
 */
final class BackToBackWindow {

    private final Deque<Instant> accepted = new ArrayDeque<>();

    /** True, and the request counted, when the rule lets it through. */
    synchronized boolean tryAcquire(WebcamBackToBack rule, Instant now) {
        Instant windowStart = now.minus(rule.window());
        while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(windowStart)) {
            accepted.removeFirst();
        }
        if (accepted.size() >= rule.max()) {
            return false;
        }
        accepted.addLast(now);
        return true;
    }

    synchronized int accepted() {
        return accepted.size();
    }

    synchronized void clear() {
        accepted.clear();
    }
}
