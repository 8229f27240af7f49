package dev.printfarm.appconnection.sandbox.webhook;

import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns what each printer's job looks like at one tick into the events since the tick before: started (1), complete
 * (2), failed or cancelled (3), paused (4), resumed (5) and progress (6, when the print has crossed a multiple of
 * 10 %: at most one per tick, with the progress at that tick). The first look at a printer (at start, after
 * {@link #forget()}, or after it was dropped by {@link #retainOnly}) only takes note, as does
 * {@link #noteIfUnseen}. A look older than the one before it is ignored, so that a look taken on another thread
 * cannot make time run backwards. Thread-safe.
 */
public final class PrintWatcher {

    public static final String CANCELLED = "The print was cancelled.";
    public static final String DISCONNECTED = "The printer disconnected during the print.";

    private record Seen(Optional<PrintRun> run, boolean paused, Instant at) {}

    private final Map<String, Seen> seen = new HashMap<>();

    public synchronized List<PrintEvent> observe(String printerId, OctoPrintState state, Instant now) {
        return observe(printerId, state.job(), state.paused(), state.connected(), now);
    }

    synchronized List<PrintEvent> observe(
            String printerId, Optional<PrintRun> run, boolean paused, boolean connected, Instant now) {
        Seen before = seen.get(printerId);
        if (before != null && now.isBefore(before.at())) {
            return List.of();
        }
        seen.put(printerId, new Seen(run, paused, now));
        List<PrintEvent> events = new ArrayList<>();
        if (before == null) {
            return events;
        }
        boolean same = before.run().isPresent()
                && run.isPresent()
                && samePrint(before.run().get(), run.get());
        if (before.run().isPresent() && !same) {
            events.add(ended(before, connected, now));
        }
        if (run.isPresent() && !same) {
            events.add(PrintEvent.of(PrintEvent.PRINT_STARTED, run));
        }
        if (same) {
            if (!before.paused() && paused) {
                events.add(PrintEvent.of(PrintEvent.PRINT_PAUSED, run));
            } else if (before.paused() && !paused) {
                events.add(PrintEvent.of(PrintEvent.PRINT_RESUMED, run));
            }
            int decileBefore = WebhookPayload.progress(before.run().get()) / 10;
            int decileNow = WebhookPayload.progress(run.get()) / 10;
            if (decileNow > decileBefore && decileNow >= 1 && decileNow <= 9) {
                events.add(PrintEvent.of(PrintEvent.PRINT_PROGRESS, run));
            }
        }
        return events;
    }

    /** Starts watching a printer without reporting anything; one already watched stays as it is. */
    public synchronized void noteIfUnseen(String printerId, OctoPrintState state, Instant now) {
        seen.putIfAbsent(printerId, new Seen(state.job(), state.paused(), now));
    }

    /**
     * Stops watching the printers {@code keep} refuses (each decided under this watcher's lock), so that the next
     * look at one of them only takes note again.
     */
    public synchronized void retainOnly(Predicate<String> keep) {
        seen.keySet().removeIf(keep.negate());
    }

    /** How many printers are being watched. */
    public synchronized int watching() {
        return seen.size();
    }

    /** The next look at every printer only takes note again. */
    public synchronized void forget() {
        seen.clear();
    }

    /**
     * A print that is gone ran to its end when it was running at the last look and had no more time left than has
     * passed since; otherwise it was cancelled (or the printer disconnected).
     */
    private static PrintEvent ended(Seen before, boolean connected, Instant now) {
        PrintRun last = before.run().orElseThrow();
        Duration left = last.duration().minus(last.elapsed());
        boolean ranOut = !before.paused() && Duration.between(before.at(), now).compareTo(left) >= 0;
        if (ranOut) {
            PrintRun finished =
                    new PrintRun(last.number(), last.startedAt(), last.duration(), last.duration(), last.file());
            return PrintEvent.of(PrintEvent.PRINT_COMPLETE, Optional.of(finished));
        }
        return new PrintEvent(PrintEvent.PRINT_FAILED, before.run(), Optional.of(connected ? CANCELLED : DISCONNECTED));
    }

    private static boolean samePrint(PrintRun a, PrintRun b) {
        return a.number() == b.number()
                && a.startedAt().equals(b.startedAt())
                && a.file().path().equals(b.file().path());
    }
}
