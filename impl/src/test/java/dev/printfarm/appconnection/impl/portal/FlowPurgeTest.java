package dev.printfarm.appconnection.impl.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.startup.ModuleStarting;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowPurgeTest {

    /** A store that only records what it was asked to purge. */
    static final class RecordingStore extends ConnectionStore {
        final List<Instant> cutoffs = new ArrayList<>();
        final List<Integer> limits = new ArrayList<>();

        @Override
        public int purgeExpiredFlows(Instant expiredBefore, int limit) {
            cutoffs.add(expiredBefore);
            limits.add(limit);
            return limit;
        }
    }

    /** A scheduler that only records how it was asked to repeat a task. */
    static final class RecordingBackground extends Background {
        final List<List<Duration>> schedules = new ArrayList<>();

        @Override
        public void every(String name, Duration initialDelay, Duration period, Runnable task) {
            schedules.add(List.of(initialDelay, period));
        }
    }

    private static PortalSettings settings(Duration purgeInterval) {
        return new PortalSettings("/appconnection/callback", "/", Duration.ofMinutes(10), purgeInterval);
    }

    @Test
    void eachRunDeletesOneBoundedBatchOfFlowsExpiredForAFlowLifetime() {
        RecordingStore store = new RecordingStore();
        FlowPurge purge = new FlowPurge();
        purge.store = store;
        purge.settings = settings(Duration.ofMinutes(5));
        purge.clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        purge.purge();
        assertEquals(List.of(Instant.parse("2026-12-01T09:50:00Z")), store.cutoffs);
        assertEquals(List.of(FlowPurge.BATCH), store.limits, "one batch per run, however many are due");
    }

    @Test
    void runsEveryPurgeIntervalTheFirstTimeAfterAMinuteAtMost() {
        assertEquals(
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)),
                schedule(Duration.ofMinutes(5)),
                "the default: first after a minute, then every 5 minutes");
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofHours(1)), schedule(Duration.ofHours(1)));
        assertEquals(
                List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                schedule(Duration.ofSeconds(2)),
                "a short interval also comes sooner the first time");
    }

    private static List<Duration> schedule(Duration purgeInterval) {
        RecordingBackground background = new RecordingBackground();
        FlowPurge purge = new FlowPurge();
        purge.settings = settings(purgeInterval);
        purge.background = background;
        purge.start(new ModuleStarting());
        assertEquals(1, background.schedules.size());
        return background.schedules.get(0);
    }
}
