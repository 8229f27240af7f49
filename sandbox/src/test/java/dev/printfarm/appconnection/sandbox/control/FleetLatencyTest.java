package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FleetLatencyTest {

    @Test
    void theBodyIsExactlyOneLatency() {
        assertEquals(250, ControlBodies.fleetLatencyMs("{\"latencyMs\": 250}"));
        assertEquals(0, ControlBodies.fleetLatencyMs("{\"latencyMs\": 0}"));
        assertEquals(600_000, ControlBodies.fleetLatencyMs("{\"latencyMs\": 600000}"));
    }

    @Test
    void aLatencyOutOfRangeOrNotAnIntegerIsRefused() {
        for (String body : new String[] {
            "{\"latencyMs\": -1}",
            "{\"latencyMs\": 600001}",
            "{\"latencyMs\": 1.5}",
            "{\"latencyMs\": \"200\"}",
            "{\"latencyMs\": null}"
        }) {
            InvalidControlException refused =
                    assertThrows(InvalidControlException.class, () -> ControlBodies.fleetLatencyMs(body));
            assertTrue(
                    refused.getMessage().startsWith("latencyMs must be an integer from 0 to 600000"),
                    body + ": " + refused.getMessage());
        }
    }

    @Test
    void otherControlsAreNotForTheWholeFleet() {
        for (String body : new String[] {"{}", "{\"online\": false}", "{\"latencyMs\": 10, \"online\": false}"}) {
            InvalidControlException refused =
                    assertThrows(InvalidControlException.class, () -> ControlBodies.fleetLatencyMs(body));
            assertTrue(refused.getMessage().contains("only latencyMs"), body + ": " + refused.getMessage());
        }
    }

    @Test
    void aBodyThatIsNoObjectIsRefused() {
        for (String body : new String[] {"", "[]", "250", "{"}) {
            assertThrows(InvalidControlException.class, () -> ControlBodies.fleetLatencyMs(body));
        }
    }
}
