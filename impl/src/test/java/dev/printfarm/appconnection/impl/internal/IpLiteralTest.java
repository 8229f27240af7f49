package dev.printfarm.appconnection.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;

class IpLiteralTest {

    @Test
    void plainLiteralsParse() {
        assertEquals("192.168.1.5", IpLiteral.parse("192.168.1.5").orElseThrow().getHostAddress());
        assertEquals("0.0.0.0", IpLiteral.parse("0.0.0.0").orElseThrow().getHostAddress());
        assertTrue(IpLiteral.parse("fd12:3456::1").orElseThrow() instanceof Inet6Address);
        assertTrue(IpLiteral.parse("[fe80::1]").orElseThrow() instanceof Inet6Address);
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4AddressItMaps() {
        var mapped = IpLiteral.parse("::ffff:127.0.0.1").orElseThrow();
        assertTrue(mapped instanceof Inet4Address);
        assertTrue(mapped.isLoopbackAddress());
        assertTrue(IpLiteral.parse("::ffff:7f00:1").orElseThrow().isLoopbackAddress());
    }

    @Test
    void otherSpellingsAResolverWouldTakeAreNotLiterals() {
        for (String text : new String[] {
            "0177.0.0.1",
            "2130706433",
            "0x7f.1",
            "0x7f000001",
            "127.1",
            "127.0.1",
            "127.000.000.001",
            "01.2.3.4",
            "1.2.3.4.",
            "256.1.1.1",
            "1.2.3",
            " 1.2.3.4",
            "fe80::1%eth0",
            "fe80::1%25eth0",
            "::ffff:0177.0.0.1",
            "localhost",
            "printer.local",
            "",
            "[1.2.3.4]",
            ":::1"
        }) {
            assertTrue(IpLiteral.parse(text).isEmpty(), text);
        }
    }

    @Test
    void urlHostsBracketIpv6() {
        assertEquals("10.0.0.1", IpLiteral.urlHost(IpLiteral.parse("10.0.0.1").orElseThrow()));
        assertEquals(
                "[fd00:0:0:0:0:0:0:1]",
                IpLiteral.urlHost(IpLiteral.parse("fd00::1").orElseThrow()));
    }
}
