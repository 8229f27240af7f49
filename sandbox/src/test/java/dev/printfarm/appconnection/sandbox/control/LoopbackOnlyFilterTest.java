package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackOnlyFilterTest {

    @Test
    void loopbackClientsMayUseTheControlApi() {
        assertTrue(LoopbackOnlyFilter.isLoopback("127.0.0.1"));
        assertTrue(LoopbackOnlyFilter.isLoopback("127.0.1.7"));
        assertTrue(LoopbackOnlyFilter.isLoopback("0:0:0:0:0:0:0:1"));
        assertTrue(LoopbackOnlyFilter.isLoopback("::1"));
    }

    @Test
    void everyOtherClientIsRefused() {
        assertFalse(LoopbackOnlyFilter.isLoopback("192.168.1.20"));
        assertFalse(LoopbackOnlyFilter.isLoopback("10.0.0.1"));
        assertFalse(LoopbackOnlyFilter.isLoopback("fe80::1"));
        assertFalse(LoopbackOnlyFilter.isLoopback(""));
        assertFalse(LoopbackOnlyFilter.isLoopback(null));
        assertFalse(LoopbackOnlyFilter.isLoopback("localhost"), "a name is not an address the container reports");
    }
}
