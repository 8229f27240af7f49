package dev.printfarm.appconnection.impl.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.impl.internal.ModuleConfig;
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

    @Test
    void eachRunDeletesOneBoundedBatchOfFlowsExpiredForAFlowLifetime() {
        RecordingStore store = new RecordingStore();
        FlowPurge purge = new FlowPurge();
        purge.store = store;
        purge.config = new ModuleConfig() {
            @Override
            public Duration flowTtl() {
                return Duration.ofMinutes(10);
            }
        };
        purge.clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        purge.purge();
        assertEquals(List.of(Instant.parse("2026-12-01T09:50:00Z")), store.cutoffs);
        assertEquals(List.of(FlowPurge.BATCH), store.limits, "one batch per run, however many are due");
    }
}
