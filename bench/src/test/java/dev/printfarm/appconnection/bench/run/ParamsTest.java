package dev.printfarm.appconnection.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void absentKeysTakeTheDefaultAndGivenOnesAreChecked() {
        Params p = new Params(Map.of("threads", "16", "duration", "PT5M"));
        assertEquals(16, p.integer("threads", 8, 1, 64));
        assertEquals(2000, p.integer("calls", 2000, 1, 100_000));
        assertEquals(
                Duration.ofMinutes(5),
                p.duration("duration", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofHours(1)));
    }

    @Test
    void aBadValueNamesItsKey() {
        Params p = new Params(Map.of("threads", "sixteen", "runs", "0", "duration", "60"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.integer("threads", 8, 1, 64));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.integer("runs", 5, 1, 50));
        e = assertThrows(
                IllegalArgumentException.class,
                () -> p.duration("duration", Duration.ZERO, Duration.ZERO, Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("PT60S"), e.getMessage());
    }
}
