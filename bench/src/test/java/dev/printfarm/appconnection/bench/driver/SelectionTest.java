package dev.printfarm.appconnection.bench.driver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {

    private static final List<String> KNOWN = List.of("relay-overhead", "fleet-refresh", "fault-storm", "fleet-10k");

    @Test
    void blankSelectsEveryScenario() {
        Selection all = Selection.parse(" ", KNOWN);
        assertTrue(all.includes("relay-overhead"));
        assertTrue(all.includes("fleet-10k"));
        assertTrue(Selection.parse(null, KNOWN).includes("fault-storm"));
    }

    @Test
    void commaSeparatedNamesSelectOnlyThose() {
        Selection some = Selection.parse("fault-storm, fleet-refresh ,", KNOWN);
        assertTrue(some.includes("fault-storm"));
        assertTrue(some.includes("fleet-refresh"));
        assertFalse(some.includes("relay-overhead"));
        assertFalse(some.includes("fleet-10k"));
        assertTrue(some.includesAny("fleet-10k", "fault-storm"));
        assertFalse(some.includesAny("fleet-10k", "relay-overhead"));
    }

    @Test
    void aTypoFailsInsteadOfRunningNothing() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Selection.parse("fault-strom", KNOWN));
        assertTrue(e.getMessage().contains("fault-strom"), e.getMessage());
    }
}
