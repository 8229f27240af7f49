package dev.printfarm.appconnection.sandbox.webcam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One stream that is sending: its plan, its pacing (a wait that {@link #stop()} cuts short) and its place in the
 * counts until {@link #finish(StreamOutcome)}.
 */
public final class ActiveStream implements MjpegStreamer.Pacer {

    private final WebcamView view;
    private final StreamPlan plan;
    private final Clock clock;
    private final WebcamCounters counters;
    private final Consumer<ActiveStream> onFinish;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean finished = new AtomicBoolean();

    ActiveStream(
            WebcamView view, StreamPlan plan, Clock clock, WebcamCounters counters, Consumer<ActiveStream> onFinish) {
        this.view = view;
        this.plan = plan;
        this.clock = clock;
        this.counters = counters;
        this.onFinish = onFinish;
    }

    public WebcamView view() {
        return view;
    }

    public StreamPlan plan() {
        return plan;
    }

    /** Sends frames to {@code sink} until the stream ends, then counts its end. */
    public StreamOutcome run(MjpegStreamer.FrameSink sink) {
        StreamOutcome outcome = StreamOutcome.CLIENT_GONE;
        try {
            outcome = MjpegStreamer.run(plan, clock, this::jpeg, sink, this);
            return outcome;
        } finally {
            finish(outcome);
        }
    }

    byte[] jpeg(long frame) {
        return WebcamFrames.jpeg(view.printer().name(), frame, clock.instant());
    }

    @Override
    public boolean awaitUntil(Instant due) {
        long waitMs = Duration.between(clock.instant(), due).toMillis();
        try {
            return waitMs <= 0 ? stopped.getCount() > 0 : !stopped.await(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Ends the stream at its next wait; the request thread then finishes it. */
    public void stop() {
        stopped.countDown();
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** Counts the end once, however often it is called. */
    public void finish(StreamOutcome outcome) {
        if (finished.compareAndSet(false, true)) {
            counters.streamEnded(outcome);
            onFinish.accept(this);
        }
    }
}
