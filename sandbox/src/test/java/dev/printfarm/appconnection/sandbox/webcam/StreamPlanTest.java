package dev.printfarm.appconnection.sandbox.webcam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamPlanTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void fiveFpsIsAFrameEvery200Ms() {
        StreamPlan plan = StreamPlan.atFps(START, 5, Optional.empty());

        assertEquals(Duration.ofMillis(200), plan.interval());
        assertEquals(START, plan.due(0));
        assertEquals(START.plusMillis(1800), plan.due(9));
    }

    @Test
    void aTwoSecondLimitAtFiveFpsLeavesTenFrames() {
        StreamPlan plan = StreamPlan.atFps(START, 5, Optional.of(Duration.ofSeconds(2)));

        assertFalse(plan.beyondLimit(plan.due(9)));
        assertTrue(plan.beyondLimit(plan.due(10)));
        assertEquals(Optional.of(START.plusSeconds(2)), plan.cutAt());
    }

    @Test
    void aZeroLimitSendsNothing() {
        assertTrue(StreamPlan.atFps(START, 5, Optional.of(Duration.ZERO)).beyondLimit(START));
    }

    @Test
    void withoutALimitNothingIsEverBeyondIt() {
        StreamPlan plan = StreamPlan.atFps(START, 5, Optional.empty());

        assertFalse(plan.beyondLimit(START.plus(Duration.ofDays(365))));
        assertEquals(Optional.empty(), plan.cutAt());
    }

    @Test
    void slotAtTellsWhereALateStreamPicksUp() {
        StreamPlan plan = StreamPlan.atFps(START, 5, Optional.empty());

        assertEquals(0, plan.slotAt(START.minusSeconds(1)));
        assertEquals(0, plan.slotAt(START.plusMillis(199)));
        assertEquals(5, plan.slotAt(START.plusMillis(1000)));
    }

    @Test
    void nonsensicalPlansAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StreamPlan(START, Duration.ZERO, Optional.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StreamPlan(START, Duration.ofMillis(200), Optional.of(Duration.ofSeconds(-1))));
    }
}
