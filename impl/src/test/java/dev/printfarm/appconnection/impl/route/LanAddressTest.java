package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LanAddressTest {

    @Test
    void ipv4AndHostNamesFillTheTemplate() {
        assertEquals(URI.create("http://192.168.1.20"), LanAddress.of("http://{ip}", "192.168.1.20").orElseThrow());
        assertEquals(URI.create("http://octopi.local:5000/octoprint"),
                LanAddress.of("http://{ip}:5000/octoprint", " octopi.local ").orElseThrow());
    }

    @Test
    void ipv6GoesInBrackets() {
        assertEquals(URI.create("http://[fe80::1]:80"), LanAddress.of("http://{ip}:80", "fe80::1").orElseThrow());
    }

    @Test
    void anythingThatCouldReshapeTheUrlIsRefused() {
        for (String hostile : new String[] {"evil.com/path", "user@10.0.0.1", "10.0.0.1:99", "10.0.0.1#x", "a b",
                "", "256.1.1.1:1", "10.0.0.1?x=1", "%31%30.0.0.1"}) {
            assertTrue(LanAddress.of("http://{ip}", hostile).isEmpty(), hostile);
        }
        assertTrue(LanAddress.of("http://{ip}", null).isEmpty());
    }
}
