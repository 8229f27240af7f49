package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.impl.internal.IpLiteral;
import java.net.URI;
import org.junit.jupiter.api.Test;

class LanAddressTest {

    @Test
    void anAdmittedAddressFillsTheTemplate() {
        assertEquals(
                URI.create("http://192.168.1.20"),
                LanAddress.of("http://{ip}", IpLiteral.parse("192.168.1.20").orElseThrow())
                        .orElseThrow());
        assertEquals(
                URI.create("http://10.0.0.7:5000/octoprint"),
                LanAddress.of(
                                "http://{ip}:5000/octoprint",
                                IpLiteral.parse("10.0.0.7").orElseThrow())
                        .orElseThrow());
    }

    @Test
    void ipv6GoesInBrackets() {
        assertEquals(
                URI.create("http://[fd00:0:0:0:0:0:0:1]:80"),
                LanAddress.of("http://{ip}:80", IpLiteral.parse("fd00::1").orElseThrow())
                        .orElseThrow());
    }

    @Test
    void aTemplateThatIsNoAbsoluteUrlGivesNothing() {
        assertTrue(LanAddress.of("{ip}/x", IpLiteral.parse("10.0.0.1").orElseThrow())
                .isEmpty());
    }
}
