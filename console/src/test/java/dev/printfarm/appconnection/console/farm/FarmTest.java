package dev.printfarm.appconnection.console.farm;

import static dev.printfarm.appconnection.console.testing.FakeConnections.connection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.console.ConsoleSettings;
import dev.printfarm.appconnection.console.testing.FakeConnections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's farm boundary: another owner's connection is one that does not exist. */
class FarmTest {

    static ConsoleSettings farmNamed(String farm) {
        return new ConsoleSettings() {
            @Override
            public String farm() {
                return farm;
            }
        };
    }

    private final FakeConnections module =
            new FakeConnections().with(connection("ours", "north-farm")).with(connection("theirs", "south-farm"));
    private final Farm farm = new Farm(farmNamed("north-farm"), module.proxy());

    @Test
    void theFarmOwnsOnlyConnectionsMadeForItsOwner() {
        assertTrue(farm.owns(connection("x", "north-farm")));
        assertFalse(farm.owns(connection("x", "south-farm")));
        assertFalse(farm.owns(connection("x", "North-Farm")), "owner keys are compared exactly");
    }

    @Test
    void anotherOwnersConnectionIsAnsweredAsAnUnknownOne() {
        assertEquals("ours", farm.connection("ours").orElseThrow().id());
        assertEquals(Optional.empty(), farm.connection("theirs"));
        assertEquals(Optional.empty(), farm.connection("nobody"));
    }
}
