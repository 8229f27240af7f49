package dev.printfarm.appconnection.bench.storm;

import static dev.printfarm.appconnection.bench.storm.BreakerTrack.State.CLOSED;
import static dev.printfarm.appconnection.bench.storm.BreakerTrack.State.HALF_OPEN;
import static dev.printfarm.appconnection.bench.storm.BreakerTrack.State.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BreakerTrackTest {

    private static BreakerTrack track(Object... timesAndStates) {
        BreakerTrack track = new BreakerTrack();
        for (int i = 0; i < timesAndStates.length; i += 2) {
            track.sample(((Number) timesAndStates[i]).longValue(), (BreakerTrack.State) timesAndStates[i + 1]);
        }
        return track;
    }

    @Test
    void anOpeningRunsFromTheFirstOpenSampleToTheFirstOneThatIsNot() {
        BreakerTrack t = track(0, CLOSED, 250, OPEN, 500, OPEN, 10_250, HALF_OPEN, 11_000, CLOSED);
        List<BreakerTrack.Episode> episodes = t.episodes();
        assertEquals(1, episodes.size());
        BreakerTrack.Episode e = episodes.get(0);
        assertEquals(List.of(new BreakerTrack.Opening(250, OptionalLong.of(10_250))), e.openings());
        assertEquals(OptionalLong.of(10_000), e.openings().get(0).millis());
        assertEquals(OptionalLong.of(11_000), e.closedAt());
    }

    @Test
    void aFailedProbeReopensWithinTheSameEpisode() {
        BreakerTrack t = track(
                0, OPEN, 10_000, HALF_OPEN, 10_250, OPEN, 20_250, HALF_OPEN, 21_000, OPEN, 31_000, CLOSED, 40_000, OPEN,
                50_000, CLOSED);
        List<BreakerTrack.Episode> episodes = t.episodes();
        assertEquals(2, episodes.size());
        assertEquals(3, episodes.get(0).openings().size());
        assertEquals(0, episodes.get(0).openedAt());
        assertEquals(OptionalLong.of(31_000), episodes.get(0).closedAt());
        assertEquals(OptionalLong.of(10_000), episodes.get(0).last().millis());
        assertEquals(OptionalLong.of(50_000), episodes.get(1).closedAt());
    }

    @Test
    void anEpisodeStillGoingIsReportedWithoutAClose() {
        BreakerTrack open = track(0, CLOSED, 1_000, OPEN, 2_000, OPEN);
        BreakerTrack.Episode e = open.episodes().get(0);
        assertTrue(e.closedAt().isEmpty());
        assertTrue(e.last().to().isEmpty());
        BreakerTrack halfOpen = track(0, OPEN, 10_000, HALF_OPEN, 12_000, HALF_OPEN);
        assertEquals(OptionalLong.of(10_000), halfOpen.episodes().get(0).last().to());
        assertTrue(halfOpen.episodes().get(0).closedAt().isEmpty());
    }

    @Test
    void anOpeningShorterThanASampleIsOnlyCounted() {
        BreakerTrack t = track(0, CLOSED, 250, HALF_OPEN, 500, CLOSED);
        assertTrue(t.episodes().isEmpty());
        assertEquals(1, t.unseenOpenings());
    }

    @Test
    void samplesOutOfOrderAreRefused() {
        BreakerTrack t = track(1_000, CLOSED);
        assertThrows(IllegalArgumentException.class, () -> t.sample(999, OPEN));
    }

    @Test
    void onlyChangesOfTheSampledStateAreKeptInOrder() {
        BreakerTrack t = track(0, CLOSED, 250, OPEN, 500, OPEN, 10_250, HALF_OPEN, 10_500, HALF_OPEN, 11_000, CLOSED);
        assertEquals(
                List.of(
                        new BreakerTrack.Change(250, OPEN),
                        new BreakerTrack.Change(10_250, HALF_OPEN),
                        new BreakerTrack.Change(11_000, CLOSED)),
                t.changes());
    }
}
