package dev.printfarm.appconnection.impl.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayUrlPolicyTest {

    private static final RelayUrlPolicy DEFAULT = RelayUrlPolicy.of("*.octoeverywhere.com", false);
    private static final RelayUrlPolicy SANDBOX = RelayUrlPolicy.of("*.octoeverywhere.com,localhost:9080", true);

    @Test
    void octoEverywhereRelaysAreAdmittedAndNormalized() {
        assertEquals(URI.create("https://app-x.octoeverywhere.com"), DEFAULT.admit("https://app-x.octoeverywhere.com"));
        assertEquals(URI.create("https://app-x.octoeverywhere.com"), DEFAULT.admit("HTTPS://APP-X.OCTOEVERYWHERE.COM"));
        assertEquals(
                URI.create("https://app-x.octoeverywhere.com/"), DEFAULT.admit("https://app-x.octoeverywhere.com/"));
        assertEquals(
                URI.create("https://app-x.octoeverywhere.com:443/p"),
                DEFAULT.admit("https://app-x.octoeverywhere.com:443/p"));
        assertEquals(URI.create("https://a.b.octoeverywhere.com"), DEFAULT.admit("https://a.b.octoeverywhere.com"));
    }

    @Test
    void theAttackStringsAreRefused() {
        for (String url : List.of(
                "http://localhost:9080/sandbox/../console/",
                "https://evil.example/",
                "https://user:pw@app-x.octoeverywhere.com",
                "https://app-x.octoeverywhere.com.evil.example",
                "https://octoeverywhere.com@evil.example",
                "https://app-x.octoeverywhere.com/%2e%2e/",
                "https://app-x.octoeverywhere.com/%2E%2E/console",
                "https://app-x.octoeverywhere.com/a%2fb",
                "https://app-x.octoeverywhere.com/a%5cb",
                "https://app-x.octoeverywhere.com/a%252e",
                "https://app-x.octoeverywhere.com//evil",
                "https://app-x.octoeverywhere.com/./x",
                "https://app-x.octoeverywhere.com/x/..",
                "https://app-x.octoeverywhere.com/x;y",
                "https://app-x.octoeverywhere.com.",
                "https://app-x.octoeverywhere.com./",
                "https://octoeverywhere.com",
                "https://evil-octoeverywhere.com",
                "https://app-x.octoeverywhere.com:8443",
                "https://app-x.octoeverywhere.com/?q",
                "https://app-x.octoeverywhere.com/#f",
                "https://[::1]/",
                "https://[::ffff:127.0.0.1]/",
                "https://127.0.0.1/",
                "https://app_x.octoeverywhere.com",
                "http://app-x.octoeverywhere.com",
                "ftp://app-x.octoeverywhere.com",
                "//app-x.octoeverywhere.com",
                "https:app-x.octoeverywhere.com",
                "not a url")) {
            assertThrows(RelayUrlRefusedException.class, () -> DEFAULT.admit(url), url);
        }
    }

    @Test
    void aRefusalSaysWhyWithoutQuotingTheUrl() {
        var e = assertThrows(RelayUrlRefusedException.class, () -> DEFAULT.admit("https://evil.example/secret-path"));
        assertTrue(e.getMessage().contains("appconnection.relay.allowed-hosts"), e.getMessage());
        assertFalse(e.getMessage().contains("evil.example"), e.getMessage());
        assertTrue(assertThrows(
                        RelayUrlRefusedException.class, () -> DEFAULT.admit("https://u:p@app-x.octoeverywhere.com"))
                .getMessage()
                .contains("user info"));
    }

    @Test
    void theSandboxIsAdmittedOnItsOwnHostAndPortOnly() {
        assertEquals(
                URI.create("http://localhost:9080/sandbox/relay/abc"),
                SANDBOX.admit("http://localhost:9080/sandbox/relay/abc"));
        assertThrows(RelayUrlRefusedException.class, () -> SANDBOX.admit("http://localhost:9080/sandbox/../console/"));
        assertThrows(RelayUrlRefusedException.class, () -> SANDBOX.admit("http://localhost:9081/sandbox/relay/abc"));
        assertThrows(RelayUrlRefusedException.class, () -> SANDBOX.admit("http://localhost/sandbox/relay/abc"));
        assertThrows(RelayUrlRefusedException.class, () -> SANDBOX.admit("http://127.0.0.1:9080/sandbox/relay/abc"));
    }

    @Test
    void ipv6LiteralsMatchOnlyAnEntryForTheSameAddress() {
        RelayUrlPolicy v6 = RelayUrlPolicy.of("[::1]:9080", true);
        assertEquals(URI.create("http://[0:0:0:0:0:0:0:1]:9080/r"), v6.admit("http://[::1]:9080/r"));
        assertEquals(URI.create("http://[0:0:0:0:0:0:0:1]:9080/r"), v6.admit("http://[0:0:0:0:0:0:0:1]:9080/r"));
        assertThrows(RelayUrlRefusedException.class, () -> v6.admit("http://[::2]:9080/r"));
        assertThrows(RelayUrlRefusedException.class, () -> v6.admit("http://[fe80::1%25eth0]:9080/r"));
    }

    @Test
    void badEntriesAreRefusedWithTheFormsThatAreAllowed() {
        for (String hosts : List.of(
                "",
                " , ",
                "https://octoeverywhere.com",
                "*.",
                "*",
                "octo everywhere.com",
                "host:0",
                "host:65536",
                "host:x",
                "::1",
                "*.[::1]",
                "a/b",
                "ev_il.example")) {
            assertThrows(IllegalArgumentException.class, () -> RelayUrlPolicy.of(hosts, false), hosts);
        }
    }

    @Test
    void onlyOctoEverywhereEntriesAreOctoEverywheres() {
        assertEquals(
                List.of(),
                RelayUrlPolicy.of("*.octoeverywhere.com, octoeverywhere.com, app-1.octoeverywhere.com:8443", false)
                        .hostsOutsideOctoEverywhere());
        assertEquals(
                List.of("localhost:9080", "*.com", "octoeverywhere.com.evil.example"),
                RelayUrlPolicy.of("*.octoeverywhere.com,localhost:9080,*.com,octoeverywhere.com.evil.example", false)
                        .hostsOutsideOctoEverywhere());
    }
}
