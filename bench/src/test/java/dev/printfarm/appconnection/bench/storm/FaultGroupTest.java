package dev.printfarm.appconnection.bench.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultGroupTest {

    @Test
    void aThousandPrintersAreSixtyFivePercentHealthyAndFivePercentPerFault() {
        Map<FaultGroup, Integer> sizes = new EnumMap<>(FaultGroup.class);
        for (int i = 0; i < 1000; i++) {
            sizes.merge(FaultGroup.of(i), 1, Integer::sum);
        }
        assertEquals(650, sizes.get(FaultGroup.HEALTHY));
        for (FaultGroup g : FaultGroup.values()) {
            if (g != FaultGroup.HEALTHY) {
                assertEquals(50, sizes.get(g), g.name());
            }
        }
    }

    @Test
    void everyFaultIsSpreadOverTheFleetOnePerTwentyPrinters() {
        assertEquals(FaultGroup.HEALTHY, FaultGroup.of(0));
        assertEquals(FaultGroup.HEALTHY, FaultGroup.of(12));
        assertEquals(FaultGroup.OFFLINE_601, FaultGroup.of(13));
        assertEquals(FaultGroup.PUSH_6XX, FaultGroup.of(19));
        assertEquals(FaultGroup.HEALTHY, FaultGroup.of(20));
        assertEquals(FaultGroup.OFFLINE_601, FaultGroup.of(33));
        assertThrows(IllegalArgumentException.class, () -> FaultGroup.of(-1));
    }
}
