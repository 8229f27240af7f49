package dev.printfarm.appconnection.sandbox.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanAddressesTest {

    @Test
    void firstPrinterIsTheFirstAddressOfTheBlock() {
        assertEquals("127.0.1.1", LanAddresses.forNumber(1));
        assertEquals("127.0.1.2", LanAddresses.forNumber(2));
    }

    @Test
    void printer254IsTheLastOfTheFirstBlockAnd255StartsTheNext() {
        assertEquals("127.0.1.254", LanAddresses.forNumber(254));
        assertEquals("127.0.2.1", LanAddresses.forNumber(255));
        assertEquals("127.0.2.254", LanAddresses.forNumber(508));
        assertEquals("127.0.3.1", LanAddresses.forNumber(509));
    }

    @Test
    void theLargestFleetEndsInTheFortiethBlock() {
        assertEquals("127.0.40.94", LanAddresses.forNumber(SandboxSettings.MAX_PRINTERS));
        assertTrue(SandboxSettings.MAX_PRINTERS <= LanAddresses.MAX_NUMBER);
    }

    @Test
    void lastNumberStillGetsAnAddress() {
        assertEquals("127.0.255.254", LanAddresses.forNumber(LanAddresses.MAX_NUMBER));
    }

    @Test
    void everyAddressIsDistinctLoopbackAndNeverEndsIn0Or255() {
        Set<String> seen = new HashSet<>();
        for (int number = 1; number <= LanAddresses.MAX_NUMBER; number++) {
            String address = LanAddresses.forNumber(number);
            String[] octets = address.split("\\.");
            int last = Integer.parseInt(octets[3]);

            assertEquals("127", octets[0], address);
            assertTrue(last >= 1 && last <= 254, address);
            assertTrue(Integer.parseInt(octets[2]) >= 1, address);
            assertTrue(seen.add(address), "twice: " + address);
        }
    }

    @Test
    void numbersOutsideTheSchemeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LanAddresses.forNumber(0));
        assertThrows(IllegalArgumentException.class, () -> LanAddresses.forNumber(LanAddresses.MAX_NUMBER + 1));
    }
}
