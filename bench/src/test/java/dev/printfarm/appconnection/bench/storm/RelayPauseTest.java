package dev.printfarm.appconnection.bench.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelayPauseTest {

    private static final Window OUTAGE = new Window(85_000, 95_000);

    @Test
    void withoutRefusalsTheOutageIsThePause() {
        assertEquals(OUTAGE, RelayPause.of(OUTAGE, 30_000, List.of()));
    }

    @Test
    void refusalsAfterTheOutageExtendItToTheLastOnesEnd() {
        List<Window> refusals =
                List.of(new Window(90_000, 90_001), new Window(97_400, 97_402), new Window(96_000, 96_001));
        assertEquals(new Window(85_000, 97_402), RelayPause.of(OUTAGE, 30_000, refusals));
    }

    @Test
    void refusalsBeforeTheOutageOrPastTheHorizonAreNotPartOfIt() {
        List<Window> refusals = List.of(new Window(10_000, 10_001), new Window(125_001, 125_002));
        assertEquals(OUTAGE, RelayPause.of(OUTAGE, 30_000, refusals));
    }

    @Test
    void aNegativeHorizonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RelayPause.of(OUTAGE, -1, List.of()));
    }
}
