package dev.printfarm.appconnection.bench.storm;

import java.util.Collection;

/** A span of time in milliseconds, {@code from} included, {@code to} excluded. */
public record Window(long from, long to) {

    public Window {
        if (to < from) {
            throw new IllegalArgumentException("a window cannot end before it starts: " + from + ".." + to);
        }
    }

    public boolean contains(long at) {
        return at >= from && at < to;
    }

    /** Whether the span {@code start..end} (both included) shares a moment with this window. */
    public boolean overlaps(long start, long end) {
        return start < to && end >= from;
    }

    /** This window with {@code millis} more at its end. */
    public Window extendedBy(long millis) {
        return new Window(from, to + millis);
    }

    public long millis() {
        return to - from;
    }

    /** How long this window and {@code other} share. */
    public long overlapMillis(Window other) {
        return Math.max(0, Math.min(to, other.to) - Math.max(from, other.from));
    }

    /** Whether {@code start..end} overlaps any of {@code windows}. */
    public static boolean anyOverlaps(Collection<Window> windows, long start, long end) {
        return windows.stream().anyMatch(w -> w.overlaps(start, end));
    }
}
