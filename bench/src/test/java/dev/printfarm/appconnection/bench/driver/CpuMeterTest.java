package dev.printfarm.appconnection.bench.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void busyIsEverythingButIdleAndIowait() {
        assertArrayEquals(
                new long[] {100 + 5 + 50 + 3 + 2 + 1, 100 + 5 + 50 + 800 + 40 + 3 + 2 + 1},
                CpuMeter.machine("cpu  100 5 50 800 40 3 2 1 7 0"));
    }

    @Test
    void aProcessNameWithBlanksAndParenthesesDoesNotShiftTheFields() {
        String stat = "31153 (java (bench) x) S 1 31153 31153 0 -1 4194560 5 0 0 0 1234 567 0 0 20 0 90 0 1 2 3";
        assertEquals(1234 + 567, CpuMeter.process(stat));
    }

    @Test
    void sharesArePercentOfAllCoresTogether() {
        CpuMeter.Share share = CpuMeter.between(
                new CpuMeter.Reading(1000, 2000, Map.of("sandbox", 300L)),
                new CpuMeter.Reading(1180, 2200, Map.of("sandbox", 370L)));
        assertEquals(90, share.busyPercent(), 1e-9);
        assertEquals(35, share.processPercent().get("sandbox"), 1e-9);
        assertEquals(55, share.othersPercent(), 1e-9);
        assertEquals("90 % busy: sandbox 35 %, other processes 55 %", share.toString());
    }
}
