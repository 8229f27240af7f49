package dev.printfarm.appconnection.bench.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BreakerJudgeTest {

    /** Open-duration 10 s, samples every 250 ms, 1 s slack, 12 s grace. */
    private final BreakerJudge judge = new BreakerJudge(10_000, 250, 1_000, 12_000);

    private static BreakerTrack.Episode episode(long openedAt, long halfOpenAt, Long closedAt) {
        return new BreakerTrack.Episode(
                List.of(new BreakerTrack.Opening(openedAt, OptionalLong.of(halfOpenAt))),
                closedAt == null ? OptionalLong.empty() : OptionalLong.of(closedAt));
    }

    @Test
    void anOpeningIsLongEnoughWhenItLastedOpenDurationLessOneSample() {
        assertTrue(judge.longEnough(new BreakerTrack.Opening(0, OptionalLong.of(9_750))));
        assertFalse(judge.longEnough(new BreakerTrack.Opening(0, OptionalLong.of(9_700))));
        assertTrue(judge.longEnough(new BreakerTrack.Opening(0, OptionalLong.empty())));
    }

    @Test
    void anOpeningIsExplainedByAFaultOnOrJustOver() {
        List<Window> faults = List.of(new Window(0, 40_000));
        assertTrue(judge.explained(new BreakerTrack.Opening(5_000, OptionalLong.empty()), faults));
        assertTrue(judge.explained(new BreakerTrack.Opening(52_000, OptionalLong.empty()), faults));
        assertFalse(judge.explained(new BreakerTrack.Opening(52_001, OptionalLong.empty()), faults));
        assertFalse(judge.explained(new BreakerTrack.Opening(5_000, OptionalLong.empty()), List.of()));
    }

    @Test
    void theFirstCallAfterHalfOpenWithTheFaultOverMustCloseIt() {
        List<Window> faults = List.of(new Window(0, 5_000));
        List<Window> calls = List.of(new Window(2_000, 2_100), new Window(11_200, 11_400));
        BreakerJudge.Verdict v = judge.close(episode(1_000, 11_000, 12_500L), faults, calls, 60_000);
        assertEquals(BreakerJudge.Kind.IN_TIME, v.kind());
        assertEquals(OptionalLong.of(11_000), v.mayCloseAt());
        assertEquals(OptionalLong.of(1_500), v.lagMillis());
        assertEquals(OptionalLong.of(1_100), v.afterProbeMillis());

        BreakerJudge.Verdict late = judge.close(episode(1_000, 11_000, 13_000L), faults, calls, 60_000);
        assertEquals(BreakerJudge.Kind.LATE, late.kind());
    }

    @Test
    void whileTheFaultLastsTheBreakerMayStayOpenUntilItEnds() {
        List<Window> faults = List.of(new Window(0, 40_000));
        List<Window> calls = List.of(new Window(20_000, 20_100), new Window(41_000, 41_100));
        assertEquals(
                BreakerJudge.Kind.IN_TIME,
                judge.close(episode(1_000, 11_000, 41_250L), faults, calls, 60_000)
                        .kind());
        assertEquals(
                BreakerJudge.Kind.LATE,
                judge.close(episode(1_000, 11_000, 45_000L), faults, calls, 60_000)
                        .kind());
        assertEquals(
                BreakerJudge.Kind.LATE,
                judge.close(episode(1_000, 11_000, null), faults, calls, 60_000).kind());
    }

    @Test
    void withoutAProbeCallOrWithTheFaultBackTheCloseIsNotJudged() {
        List<Window> faults = List.of(new Window(0, 40_000), new Window(41_050, 50_000));
        assertEquals(
                BreakerJudge.Kind.UNJUDGED,
                judge.close(episode(1_000, 11_000, null), faults, List.of(new Window(41_000, 41_100)), 60_000)
                        .kind());
        assertEquals(
                BreakerJudge.Kind.UNJUDGED,
                judge.close(episode(1_000, 11_000, null), List.of(), List.of(), 60_000)
                        .kind());
        // Closed before the bench called it at all, or before its probe started: another caller's probe did it.
        assertEquals(
                BreakerJudge.Kind.CLOSED_BY_ANOTHER,
                judge.close(episode(1_000, 11_000, 11_500L), List.of(), List.of(), 60_000)
                        .kind());
        BreakerJudge.Verdict other =
                judge.close(episode(1_000, 11_000, 11_500L), List.of(), List.of(new Window(30_000, 30_100)), 60_000);
        assertEquals(BreakerJudge.Kind.CLOSED_BY_ANOTHER, other.kind());
        assertTrue(other.lagMillis().isEmpty());
        // The probe ended too close to the end of sampling to expect a closed sample.
        assertEquals(
                BreakerJudge.Kind.UNJUDGED,
                judge.close(episode(1_000, 11_000, null), List.of(), List.of(new Window(59_000, 59_500)), 60_000)
                        .kind());
    }

    @Test
    void aBreakerOpenLongerThanAnOpeningCanLastIsLate() {
        BreakerTrack.Episode stuck = new BreakerTrack.Episode(
                List.of(new BreakerTrack.Opening(1_000, OptionalLong.empty())), OptionalLong.empty());
        assertEquals(
                BreakerJudge.Kind.LATE,
                judge.close(stuck, List.of(), List.of(), 20_000).kind());
        assertEquals(
                BreakerJudge.Kind.UNJUDGED,
                judge.close(stuck, List.of(), List.of(), 11_000).kind());
    }

    @Test
    void faultWindowsThatFollowOneAnotherAreCrossedTogether() {
        List<Window> faults = List.of(new Window(10_000, 20_000), new Window(0, 10_000));
        assertEquals(20_000, BreakerJudge.clearOf(faults, 5_000));
        assertEquals(25_000, BreakerJudge.clearOf(faults, 25_000));
    }

    /** The same judge, letting another caller's probe hold the half-open breaker for up to 3 s. */
    private final BreakerJudge holding = new BreakerJudge(10_000, 250, 1_000, 12_000, 3_000);

    @Test
    void aBenchCallRefusedWhileAnotherCallersProbeRunsIsNoProbe() {
        List<Window> faults = List.of(new Window(0, 5_000));
        Window refused = new Window(11_100, 11_101);
        Window next = new Window(13_000, 13_050);
        List<Window> calls = List.of(refused, next);
        assertEquals(
                BreakerJudge.Kind.CLOSED_BY_ANOTHER,
                holding.close(episode(1_000, 11_000, 12_600L), faults, calls, List.of(refused), 60_000)
                        .kind(),
                "the other caller's probe closed it before the bench called again");
        assertEquals(
                BreakerJudge.Kind.LATE,
                holding.close(episode(1_000, 11_000, 12_600L), faults, calls, 60_000)
                        .kind(),
                "without the refusal known, the refused call counts as the probe");
        assertEquals(
                BreakerJudge.Kind.IN_TIME,
                holding.close(episode(1_000, 11_000, 13_020L), faults, calls, List.of(refused), 60_000)
                        .kind(),
                "the bench's next call went through and closed it");
    }

    @Test
    void theHoldCountsFromTheFirstRefusalNotFromWhenTheBreakerCouldClose() {
        // Nobody called from 11 s to 15 s; then the bench met another caller's probe, which closed it 0.4 s later.
        List<Window> faults = List.of(new Window(0, 5_000));
        Window refused = new Window(15_000, 15_001);
        Window next = new Window(16_000, 16_050);
        assertEquals(
                BreakerJudge.Kind.CLOSED_BY_ANOTHER,
                holding.close(episode(1_000, 11_000, 15_400L), faults, List.of(refused, next), List.of(refused), 60_000)
                        .kind());
    }

    @Test
    void aBreakerRefusingLongerThanAProbeCanTakeIsLate() {
        List<Window> faults = List.of(new Window(0, 5_000));
        Window first = new Window(11_100, 11_101);
        Window longAfter = new Window(14_500, 14_501);
        Window through = new Window(21_000, 21_050);
        BreakerJudge.Verdict v = holding.close(
                episode(1_000, 11_000, 21_020L),
                faults,
                List.of(first, longAfter, through),
                List.of(first, longAfter),
                60_000);
        assertEquals(BreakerJudge.Kind.LATE, v.kind());
        assertEquals(OptionalLong.of(10_020), v.lagMillis());
    }
}
