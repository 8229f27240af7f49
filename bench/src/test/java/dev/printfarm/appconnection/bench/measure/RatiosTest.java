package dev.printfarm.appconnection.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatiosTest {

    @Test
    void theIssuesIdealForAThousandPrintersIsHalfASecond() {
        assertEquals(500, Ratios.idealMillis(1000, 100, 50));
        assertEquals(550, Ratios.idealMillis(1001, 100, 50), "a partial wave still takes a whole latency");
        assertEquals(0, Ratios.idealMillis(0, 100, 50));
    }

    @Test
    void throughputIsCallsPerSecondAndTheRatioIsOursOverTheBaseline() {
        double ours = Ratios.throughput(900, Duration.ofSeconds(1));
        double raw = Ratios.throughput(2000, Duration.ofMillis(2000));
        assertEquals(900.0, ours, 1e-9);
        assertEquals(0.9, Ratios.ofThroughputs(ours, raw), 1e-9);
    }

    @Test
    void timeRatiosAreMeasuredOverReference() {
        assertEquals(1.5, Ratios.ofTimes(750, 500), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Ratios.ofTimes(750, 0));
        assertThrows(IllegalArgumentException.class, () -> Ratios.throughput(10, Duration.ZERO));
    }

    @Test
    void medianBestAndMeanOfRepeatedRuns() {
        List<Long> walls = List.of(1200L, 1000L, 5000L, 1100L);
        assertEquals(1150.0, Samples.median(walls), 1e-9);
        assertEquals(1100.0, Samples.median(List.of(1200L, 1000L, 1100L)), 1e-9);
        assertEquals(1000.0, Samples.min(walls), 1e-9);
        assertEquals(5000.0, Samples.max(walls), 1e-9);
        assertEquals(2075.0, Samples.mean(walls), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Samples.median(List.<Long>of()));
    }
}
