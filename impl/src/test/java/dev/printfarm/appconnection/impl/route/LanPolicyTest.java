package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanPolicyTest {

    private static final LanPolicy DEFAULT = LanPolicy.of("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7");
    private static final LanPolicy DEMO =
            LanPolicy.of("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7,127.0.0.0/8,::1/128");

    private static void admitted(LanPolicy policy, String address) {
        assertTrue(
                policy.judge(address).address().isPresent(),
                address + ": " + policy.judge(address).refusal());
    }

    private static String refusal(LanPolicy policy, String address) {
        LanPolicy.Verdict verdict = policy.judge(address);
        assertTrue(verdict.address().isEmpty(), address + " was admitted");
        String why = verdict.refusal().orElseThrow();
        assertTrue(why.startsWith("refused by policy: "), why);
        return why;
    }

    @Test
    void privateNetworksAreAdmitted() {
        for (String address : List.of(
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.5",
                "fd12:3456::1",
                "fc00::1",
                "::ffff:192.168.1.5")) {
            admitted(DEFAULT, address);
        }
    }

    @Test
    void eachSpecialClassIsRefusedAndNamed() {
        assertTrue(refusal(DEFAULT, "127.0.0.1").contains("127.0.0.1 is a loopback address"));
        assertTrue(refusal(DEFAULT, "::1").contains("loopback"));
        assertTrue(refusal(DEFAULT, "169.254.169.254").contains("link-local"));
        assertTrue(refusal(DEFAULT, "fe80::1").contains("link-local"));
        assertTrue(refusal(DEFAULT, "224.0.0.251").contains("multicast"));
        assertTrue(refusal(DEFAULT, "ff02::1").contains("multicast"));
        assertTrue(refusal(DEFAULT, "0.0.0.0").contains("unspecified"));
        assertTrue(refusal(DEFAULT, "::").contains("unspecified"));
        assertTrue(refusal(DEFAULT, "255.255.255.255").contains("broadcast"));
    }

    @Test
    void ipv4MappedFormsAreJudgedAsTheAddressTheyMap() {
        assertTrue(refusal(DEFAULT, "::ffff:127.0.0.1").contains("127.0.0.1 is a loopback address"));
        assertTrue(refusal(DEFAULT, "::ffff:169.254.169.254").contains("link-local"));
        assertTrue(refusal(DEFAULT, "::ffff:7f00:1").contains("loopback"));
    }

    @Test
    void addressesOutsideTheRangesAreRefused() {
        assertTrue(refusal(DEFAULT, "8.8.8.8").contains("8.8.8.8 is outside appconnection.lan.allowed-ranges"));
        refusal(DEFAULT, "172.32.0.1");
        refusal(DEFAULT, "2001:db8::1");
        refusal(DEFAULT, "::127.0.0.1");
    }

    @Test
    void otherSpellingsHostNamesAndZoneIdsAreNotPlainAddresses() {
        for (String address : List.of(
                "0177.0.0.1",
                "2130706433",
                "0x7f.1",
                "0x7f000001",
                "127.1",
                "010.0.0.1",
                "printer.local",
                "localhost",
                "fe80::1%eth0",
                "fd00::1%1",
                "[fd00::1]:80",
                "10.0.0.1:80",
                "",
                " ")) {
            assertTrue(refusal(DEFAULT, address).contains("not a plain IP address"), address);
        }
        assertTrue(refusal(DEFAULT, null).contains("not a plain IP address"));
    }

    @Test
    void onlyARangeInsideASpecialBlockAdmitsIt() {
        admitted(DEMO, "127.0.1.5");
        admitted(DEMO, "::1");
        LanPolicy everything = LanPolicy.of("0.0.0.0/0,::/0");
        admitted(everything, "8.8.8.8");
        refusal(everything, "127.0.0.1");
        refusal(everything, "169.254.169.254");
        refusal(everything, "::ffff:127.0.0.1");
        admitted(LanPolicy.of("169.254.169.254/32"), "169.254.169.254");
    }

    @Test
    void rangesReachingSpecialBlocksAreReported() {
        assertEquals(List.of(), DEFAULT.specialRanges());
        assertEquals(List.of("127.0.0.0/8", "0:0:0:0:0:0:0:1/128"), DEMO.specialRanges());
        assertEquals(
                List.of("0.0.0.0/0", "fe80:0:0:0:0:0:0:0/64"),
                LanPolicy.of("0.0.0.0/0,192.168.0.0/16,fe80::/64").specialRanges());
    }

    @Test
    void badRangesAreRefusedWithWhatIsWrong() {
        for (String ranges : List.of(
                "10.0.0.0",
                "10.0.0.0/33",
                "fd00::/129",
                "10.0.0.1/8",
                "abc/8",
                "10.0.0.0/x",
                "0177.0.0.0/8",
                "::ffff:0:0/96",
                "fe80::%eth0/10",
                "10.0.0.0/-1")) {
            assertThrows(IllegalArgumentException.class, () -> LanPolicy.of(ranges), ranges);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LanPolicy.of("10.0.0.1/8"))
                .getMessage()
                .contains("10.0.0.0/8"));
    }
}
