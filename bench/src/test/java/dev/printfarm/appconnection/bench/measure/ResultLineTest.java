package dev.printfarm.appconnection.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResultLineTest {

    @Test
    void keysKeepTheirOrderAndTheRatioComesLastWithTwoDecimals() {
        String line = ResultLine.of("fleet-refresh")
                .put("printers", 1000)
                .put("wall_ms", 1234.5, 0)
                .put("stat", "median")
                .withRatio(2.4691);
        assertEquals("RESULT fleet-refresh printers=1000 wall_ms=1235 stat=median ratio=2.47", line);
    }

    @Test
    void decimalsRoundHalfUpWithADotWhateverTheLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("0.13", ResultLine.decimal(0.125, 2));
            assertEquals("3", ResultLine.decimal(2.5, 0));
            assertEquals("1.00", ResultLine.decimal(0.999, 2));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void anUnmeasurableRatioPrintsAsNaNInsteadOfAFakeNumber() {
        assertEquals(
                "RESULT fleet-10k cycles=0 ratio=NaN",
                ResultLine.of("fleet-10k").put("cycles", 0).withRatio(Double.NaN));
    }

    @Test
    void valuesThatWouldBreakTheLineAreRefused() {
        ResultLine line = ResultLine.of("relay-overhead");
        assertThrows(IllegalArgumentException.class, () -> line.put("note", "two words"));
        assertThrows(IllegalArgumentException.class, () -> line.put("note", "a=b"));
        assertThrows(IllegalArgumentException.class, () -> line.put("Bad Key", "x"));
        assertThrows(IllegalArgumentException.class, () -> line.put("ratio", "1"));
        line.put("calls", 1);
        assertThrows(IllegalArgumentException.class, () -> line.put("calls", 2));
    }
}
