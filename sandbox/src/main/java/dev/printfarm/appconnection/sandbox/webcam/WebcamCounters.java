package dev.printfarm.appconnection.sandbox.webcam;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** The counts behind {@link WebcamCounts}, for one face of one printer. Thread-safe. */
final class WebcamCounters {

    static final int MAX_OPENS = 10_000;

    private long snapshots;
    private long streamsOpened;
    private int activeStreams;
    private int maxConcurrentStreams;
    private long refused609;
    private long cutAtLimit;
    private final Deque<Instant> opens = new ArrayDeque<>();

    synchronized void snapshot() {
        snapshots++;
    }

    synchronized void refused() {
        refused609++;
    }

    synchronized void streamOpened(Instant at) {
        streamsOpened++;
        activeStreams++;
        maxConcurrentStreams = Math.max(maxConcurrentStreams, activeStreams);
        if (opens.size() == MAX_OPENS) {
            opens.removeFirst();
        }
        opens.addLast(at);
    }

    synchronized void streamEnded(StreamOutcome outcome) {
        activeStreams--;
        if (outcome == StreamOutcome.CUT_AT_LIMIT) {
            cutAtLimit++;
        }
    }

    synchronized WebcamCounts counts() {
        return new WebcamCounts(
                snapshots,
                streamsOpened,
                activeStreams,
                maxConcurrentStreams,
                refused609,
                cutAtLimit,
                opens.stream().toList());
    }
}
