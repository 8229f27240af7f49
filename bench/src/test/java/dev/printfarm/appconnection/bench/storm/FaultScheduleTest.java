package dev.printfarm.appconnection.bench.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    private final FaultSchedule schedule = new FaultSchedule(180_000, 10_000, FaultSchedule.standardPatterns());

    @Test
    void the601StormIsOnForFortySecondsOfEveryMinute() {
        assertTrue(schedule.on(FaultGroup.OFFLINE_601, 0));
        assertTrue(schedule.on(FaultGroup.OFFLINE_601, 39_999));
        assertFalse(schedule.on(FaultGroup.OFFLINE_601, 40_000));
        assertFalse(schedule.on(FaultGroup.OFFLINE_601, 59_999));
        assertTrue(schedule.on(FaultGroup.OFFLINE_601, 60_000));
    }

    @Test
    void anOffsetPatternIsOffBeforeItsFirstWindow() {
        assertFalse(schedule.on(FaultGroup.TIMEOUT_602, 0));
        assertFalse(schedule.on(FaultGroup.TIMEOUT_602, 14_999));
        assertTrue(schedule.on(FaultGroup.TIMEOUT_602, 15_000));
        assertFalse(schedule.on(FaultGroup.TIMEOUT_602, 45_000));
        assertTrue(schedule.on(FaultGroup.BURST_600, 2_000));
        assertFalse(schedule.on(FaultGroup.BURST_600, 6_000));
        assertTrue(schedule.on(FaultGroup.BURST_600, 10_000));
    }

    @Test
    void healthyPrintersNeverGetAFaultAndSlowOnesAreSlowThroughoutTheStorm() {
        for (long t = 0; t < 180_000; t += 500) {
            assertFalse(schedule.on(FaultGroup.HEALTHY, t));
            assertTrue(schedule.on(FaultGroup.SLOW, t));
        }
    }

    @Test
    void everyFaultIsOffOnceTheStormIsOver() {
        for (FaultGroup g : FaultGroup.values()) {
            assertFalse(schedule.on(g, 180_000), g.name());
            assertFalse(schedule.on(g, 500_000), g.name());
            assertFalse(schedule.on(g, -1), g.name());
        }
    }

    @Test
    void pushWindowsAnswer601And600ByTurns() {
        assertEquals(601, schedule.pushStatus(0));
        assertEquals(600, schedule.pushStatus(10_000));
        assertEquals(601, schedule.pushStatus(24_000));
        assertTrue(schedule.on(FaultGroup.PUSH_6XX, 4_999));
        assertFalse(schedule.on(FaultGroup.PUSH_6XX, 5_000));
    }

    @Test
    void pushSocketsAreDroppedAFewSecondsBeforeEachPushWindow() {
        long lead = 2_500;
        // Windows open at 0, 10, 20 s: drops at 7.5, 17.5 s (none before the storm started).
        assertFalse(schedule.pushDropDue(-1_000, 7_499, lead));
        assertTrue(schedule.pushDropDue(7_250, 7_500, lead));
        assertFalse(schedule.pushDropDue(7_500, 7_750, lead));
        assertTrue(schedule.pushDropDue(17_000, 17_500, lead));
        assertFalse(schedule.pushDropDue(10_000, 10_000, lead));
        // The window at 180 s would open after the storm: no drop at 177.5 s.
        assertFalse(schedule.pushDropDue(177_000, 178_000, lead));
        assertTrue(schedule.pushDropDue(167_000, 168_000, lead));
    }

    @Test
    void theOutageSitsInTheMiddleOfTheStorm() {
        assertEquals(new Window(85_000, 95_000), schedule.outage());
        assertFalse(schedule.outageOn(84_999));
        assertTrue(schedule.outageOn(85_000));
        assertFalse(schedule.outageOn(95_000));
        assertFalse(new FaultSchedule(60_000, 0, Map.of()).outageOn(30_000));
    }

    @Test
    void anOutageLongerThanTheStormIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FaultSchedule(10_000, 20_000, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new FaultSchedule.Pattern(1_000, 2_000, 0));
    }
}
