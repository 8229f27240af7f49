package dev.printfarm.appconnection.bench.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PeakByThirdTest {

    @Test
    void eachThirdKeepsItsOwnPeakAndValuesOutsideTheSpanAreIgnored() {
        PeakByThird peaks = new PeakByThird(new Window(0, 90_000));
        peaks.record(-1, 1_000);
        peaks.record(0, 120);
        peaks.record(29_999, 150);
        peaks.record(30_000, 140);
        peaks.record(89_999, 130);
        peaks.record(90_000, 999);
        assertEquals(150, peaks.peak(0));
        assertEquals(140, peaks.peak(1));
        assertEquals(130, peaks.peak(2));
        assertEquals(150, peaks.peak());
    }

    @Test
    void aThirdWithoutValuesReportsMinusOne() {
        PeakByThird peaks = new PeakByThird(new Window(0, 90_000));
        peaks.record(70_000, 5);
        assertEquals(-1, peaks.peak(0));
        assertEquals(5, peaks.peak());
        assertThrows(IllegalArgumentException.class, () -> new PeakByThird(new Window(0, 2)));
    }
}
