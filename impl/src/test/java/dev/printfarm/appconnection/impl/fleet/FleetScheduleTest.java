package dev.printfarm.appconnection.impl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FleetScheduleTest {

    private static final Duration CYCLE = Duration.ofSeconds(10);
    private static final Duration TICK = Duration.ofSeconds(1);
    private final FleetSchedule schedule = new FleetSchedule(CYCLE, Duration.ofMinutes(5), TICK);

    @Test
    void eachConnectionIsDueOncePerCycleAtItsNextRefreshMoment() {
        Instant start = Instant.parse("2026-12-06T10:00:00.123Z");
        for (String id : new String[] {"c-1", "c-2", "a much longer connection id", ""}) {
            Instant next = schedule.nextRefresh(id, start);
            assertTrue(next.isAfter(start) && !next.isAfter(start.plus(CYCLE)), id + ": " + next);
            assertTrue(schedule.due(id, next.minusMillis(1), next), "due at its moment");
            assertFalse(schedule.due(id, next, next.plus(CYCLE).minusMillis(1)), "not again within the cycle");
            assertEquals(next.plus(CYCLE), schedule.nextRefresh(id, next), "then one cycle later");
            // One tick at a time over a whole cycle: due exactly once.
            int dueTicks = 0;
            for (Instant t = start; t.isBefore(start.plus(CYCLE)); t = t.plus(TICK)) {
                dueTicks += schedule.due(id, t, t.plus(TICK)) ? 1 : 0;
            }
            assertEquals(1, dueTicks, id);
        }
    }

    @Test
    void cyclesAreAlignedOnTheEpochSoEveryServerAgrees() {
        FleetSchedule other = new FleetSchedule(CYCLE, Duration.ofMinutes(1), Duration.ofMillis(250));
        Instant now = Instant.parse("2026-12-06T10:00:07Z");
        assertEquals(schedule.nextRefresh("c-7", now), other.nextRefresh("c-7", now));
        assertEquals(
                schedule.nextRefresh("c-7", now).toEpochMilli() % CYCLE.toMillis(),
                schedule.nextRefresh("c-7", now.plusSeconds(3600)).toEpochMilli() % CYCLE.toMillis());
    }

    @Test
    void aSilentPrinterRestsDoublingFromOneCycleUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(10), schedule.rest(1));
        assertEquals(Duration.ofSeconds(20), schedule.rest(2));
        assertEquals(Duration.ofSeconds(40), schedule.rest(3));
        assertEquals(Duration.ofSeconds(160), schedule.rest(5));
        assertEquals(Duration.ofMinutes(5), schedule.rest(6));
        assertEquals(Duration.ofMinutes(5), schedule.rest(1000), "no overflow however long it stays away");
        assertThrows(IllegalArgumentException.class, () -> schedule.rest(0));
    }

    @Test
    void aBackoffMaximumShorterThanTheCycleCapsEvenTheFirstRest() {
        FleetSchedule daily = new FleetSchedule(Duration.ofDays(1), Duration.ofSeconds(2), TICK);
        assertEquals(Duration.ofSeconds(2), daily.rest(1));
        assertEquals(Duration.ofSeconds(2), daily.rest(4));
    }

    @Test
    void aRestEndsOneTickEarlySoTheRefreshDueAtItsEndIsNotMissed() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        assertEquals(now.plusSeconds(9), schedule.restUntil(1, now));
        assertEquals(now.plusSeconds(299), schedule.restUntil(9, now));
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> new FleetSchedule(Duration.ZERO, Duration.ofMinutes(1), TICK));
        assertThrows(
                IllegalArgumentException.class, () -> new FleetSchedule(CYCLE, Duration.ofMinutes(1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new FleetSchedule(CYCLE, Duration.ofSeconds(-5), TICK));
    }
}
