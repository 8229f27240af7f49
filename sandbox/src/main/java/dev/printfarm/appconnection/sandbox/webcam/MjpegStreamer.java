package dev.printfarm.appconnection.sandbox.webcam;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.LongFunction;

/**
 * The loop of one MJPEG stream, on the thread of the request that opened it: wait for the next frame's slot, write
 * it, repeat until the client goes away, the plan's limit is reached, or the stream is stopped. A stream that falls
 * behind (a slow client) skips the slots it missed instead of sending a burst; frame numbers stay consecutive.
 */
public final class MjpegStreamer {

    /** Writes one part and pushes it to the client; throws when the client is gone. */
    @FunctionalInterface
    public interface FrameSink {
        void write(byte[] part) throws IOException;
    }

    /** Waits until {@code due}; false when the stream was stopped meanwhile (or before). */
    @FunctionalInterface
    public interface Pacer {
        boolean awaitUntil(Instant due);
    }

    private MjpegStreamer() {}

    /**
     * @param jpegs renders frame number {@code n} (1 for the first) as a JPEG
     */
    public static StreamOutcome run(
            StreamPlan plan, Clock clock, LongFunction<byte[]> jpegs, FrameSink sink, Pacer pacer) {
        long frame = 0;
        long slot = 0;
        while (true) {
            Instant due = plan.due(slot);
            if (plan.beyondLimit(due)) {
                boolean waited = pacer.awaitUntil(plan.cutAt().orElseThrow());
                return waited ? StreamOutcome.CUT_AT_LIMIT : StreamOutcome.STOPPED;
            }
            if (!pacer.awaitUntil(due)) {
                return StreamOutcome.STOPPED;
            }
            frame++;
            try {
                sink.write(MjpegParts.part(jpegs.apply(frame), frame));
            } catch (IOException clientGone) {
                return StreamOutcome.CLIENT_GONE;
            }
            slot = Math.max(slot + 1, plan.slotAt(clock.instant()));
        }
    }
}
