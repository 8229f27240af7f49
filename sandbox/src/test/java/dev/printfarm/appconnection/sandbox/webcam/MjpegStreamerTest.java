package dev.printfarm.appconnection.sandbox.webcam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.sandbox.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MjpegStreamerTest {

    private static final Pattern FRAME = Pattern.compile(MjpegParts.FRAME_HEADER + ": (\\d+)");

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final List<Long> frames = new ArrayList<>();
    private final List<Instant> sentAt = new ArrayList<>();

    /** Time passes exactly as the stream waits. */
    private boolean waitOnTheClock(Instant due) {
        if (due.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), due));
        }
        return true;
    }

    private void record(byte[] part) {
        Matcher matcher = FRAME.matcher(new String(part, 0, 120, StandardCharsets.US_ASCII));
        matcher.find();
        frames.add(Long.parseLong(matcher.group(1)));
        sentAt.add(clock.instant());
    }

    private byte[] jpeg(long frame) {
        return new byte[200];
    }

    @Test
    void theRelayLimitCutsTheStreamAfterItsLastSlot() {
        StreamPlan plan = StreamPlan.atFps(clock.instant(), 5, Optional.of(Duration.ofSeconds(2)));
        Instant start = clock.instant();

        StreamOutcome outcome = MjpegStreamer.run(plan, clock, this::jpeg, this::record, this::waitOnTheClock);

        assertEquals(StreamOutcome.CUT_AT_LIMIT, outcome);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), frames);
        assertEquals(start.plusMillis(1800), sentAt.get(9));
        assertEquals(start.plusSeconds(2), clock.instant());
    }

    @Test
    void aClientThatGoesAwayEndsTheStreamAtTheFailedWrite() {
        StreamPlan plan = StreamPlan.atFps(clock.instant(), 5, Optional.empty());

        StreamOutcome outcome = MjpegStreamer.run(
                plan,
                clock,
                this::jpeg,
                part -> {
                    if (frames.size() == 3) {
                        throw new IOException("Broken pipe");
                    }
                    record(part);
                },
                this::waitOnTheClock);

        assertEquals(StreamOutcome.CLIENT_GONE, outcome);
        assertEquals(List.of(1L, 2L, 3L), frames);
    }

    @Test
    void stoppingEndsTheStreamAtItsNextWait() {
        StreamPlan plan = StreamPlan.atFps(clock.instant(), 5, Optional.of(Duration.ofSeconds(60)));

        StreamOutcome outcome = MjpegStreamer.run(
                plan, clock, this::jpeg, this::record, due -> frames.size() < 4 && waitOnTheClock(due));

        assertEquals(StreamOutcome.STOPPED, outcome);
        assertEquals(4, frames.size());
    }

    @Test
    void aStopWhileWaitingForTheCutIsAStopNotACut() {
        StreamPlan plan = StreamPlan.atFps(clock.instant(), 5, Optional.of(Duration.ofMillis(100)));

        StreamOutcome outcome = MjpegStreamer.run(
                plan, clock, this::jpeg, this::record, due -> frames.isEmpty() && waitOnTheClock(due));

        assertEquals(StreamOutcome.STOPPED, outcome);
        assertEquals(List.of(1L), frames);
    }

    @Test
    void aZeroLimitEndsAtOnceWithoutAFrame() {
        StreamPlan plan = StreamPlan.atFps(clock.instant(), 5, Optional.of(Duration.ZERO));

        assertEquals(
                StreamOutcome.CUT_AT_LIMIT,
                MjpegStreamer.run(plan, clock, this::jpeg, this::record, this::waitOnTheClock));
        assertEquals(List.of(), frames);
    }

    @Test
    void aSlowClientSkipsMissedSlotsButFramesStayNumberedOneByOne() {
        StreamPlan plan = StreamPlan.atFps(clock.instant(), 5, Optional.of(Duration.ofSeconds(2)));
        Instant start = clock.instant();

        MjpegStreamer.run(
                plan,
                clock,
                this::jpeg,
                part -> {
                    record(part);
                    clock.advance(Duration.ofMillis(450));
                },
                this::waitOnTheClock);

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), frames);
        assertEquals(
                List.of(
                        start,
                        start.plusMillis(450),
                        start.plusMillis(900),
                        start.plusMillis(1350),
                        start.plusMillis(1800)),
                sentAt);
    }
}
