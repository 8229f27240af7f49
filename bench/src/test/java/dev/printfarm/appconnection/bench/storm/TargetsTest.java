package dev.printfarm.appconnection.bench.storm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void allMetReadsNone() {
        Targets t = new Targets()
                .atLeast("calls", 99.5, 99)
                .atMost("threads", 200, 400)
                .check("push", true);
        assertTrue(t.met());
        assertEquals("none", t.missed());
    }

    @Test
    void missedTargetsAreNamedInOrderAndNaNNeverMeetsOne() {
        Targets t = new Targets()
                .atLeast("calls", 98.9, 99)
                .check("push", true)
                .atMost("threads", Double.NaN, 400)
                .atLeast("refreshes", Double.NaN, 99);
        assertFalse(t.met());
        assertEquals("calls,threads,refreshes", t.missed());
    }

    @Test
    void aTargetIsCheckedOnce() {
        Targets t = new Targets().check("push", true);
        assertThrows(IllegalArgumentException.class, () -> t.check("push", false));
    }
}
