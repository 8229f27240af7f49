package dev.printfarm.appconnection.sandbox.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class ClientPortsTest {

    @Test
    void countsRequestsPerPortAndHandsOutACopy() {
        ClientPorts ports = new ClientPorts();
        ports.record(50_001);
        ports.record(50_001);
        ports.record(40_000);
        SortedMap<Integer, Long> first = ports.snapshot();
        ports.record(50_001);

        assertEquals(Map.of(40_000, 1L, 50_001, 2L), first);
        assertEquals(Map.of(40_000, 1L, 50_001, 3L), ports.snapshot());
        assertEquals(40_000, ports.snapshot().firstKey());
    }
}
