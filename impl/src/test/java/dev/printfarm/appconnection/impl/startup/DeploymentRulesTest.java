package dev.printfarm.appconnection.impl.startup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.impl.relay.RelayUrlPolicy;
import dev.printfarm.appconnection.impl.route.LanPolicy;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentRulesTest {

    @Test
    void theRemovedDemoSwitchFailsTheStartAndSaysDemoModeFollowsTheUrl() {
        DeploymentRules rules = new DeploymentRules();
        rules.removedDemoKey(Optional.of("true"));
        var e = assertThrows(IllegalStateException.class, rules::enforce);
        assertTrue(e.getMessage().contains("appconnection.demo is gone"), e.getMessage());
        assertTrue(e.getMessage().contains("appconnection.octoeverywhere.url"), e.getMessage());
    }

    @Test
    void plainHttpPublicBaseUrlIsRefusedOutsideDemoMode() {
        DeploymentRules rules = new DeploymentRules();
        rules.publicBaseUrl(false, URI.create("http://farm.example/console"));
        var e = assertThrows(IllegalStateException.class, rules::enforce);
        assertTrue(e.getMessage().contains("appconnection.public-base-url"), e.getMessage());
        assertTrue(e.getMessage().contains("https"), e.getMessage());
    }

    @Test
    void plainHttpPublicBaseUrlIsFineInDemoModeAndHttpsEverywhere() {
        DeploymentRules rules = new DeploymentRules();
        rules.publicBaseUrl(true, URI.create("http://localhost:9080/console"));
        rules.publicBaseUrl(false, URI.create("https://farm.example/console"));
        assertDoesNotThrow(rules::enforce);
    }

    @Test
    void aRefusedValueBecomesOneProblemAmongOthers() {
        DeploymentRules rules = new DeploymentRules();
        assertTrue(rules.read(() -> {
            throw new IllegalStateException("Missing configuration appconnection.store.keys: set it");
        }).isEmpty());
        rules.publicBaseUrl(false, URI.create("http://farm.example"));
        assertEquals(2, rules.problems().size());
        var e = assertThrows(IllegalStateException.class, rules::enforce);
        assertTrue(e.getMessage().contains("appconnection.store.keys"), e.getMessage());
        assertTrue(e.getMessage().contains("appconnection.public-base-url"), e.getMessage());
    }

    @Test
    void outsideDemoModeTheRelayAllowListHoldsOnlyOctoEverywhere() {
        DeploymentRules rules = new DeploymentRules();
        rules.relayUrls(false, RelayUrlPolicy.of("*.octoeverywhere.com,relay.evil.example", false));
        var e = assertThrows(IllegalStateException.class, rules::enforce);
        assertTrue(e.getMessage().contains("appconnection.relay.allowed-hosts"), e.getMessage());
        assertTrue(e.getMessage().contains("relay.evil.example"), e.getMessage());
    }

    @Test
    void outsideDemoModePlainHttpRelaysAreRefused() {
        DeploymentRules rules = new DeploymentRules();
        rules.relayUrls(false, RelayUrlPolicy.of("*.octoeverywhere.com", true));
        var e = assertThrows(IllegalStateException.class, rules::enforce);
        assertTrue(e.getMessage().contains("appconnection.relay.allow-http"), e.getMessage());
    }

    @Test
    void demoModeMayAllowTheSandboxOverHttpAndTheDefaultIsFineEverywhere() {
        DeploymentRules rules = new DeploymentRules();
        rules.relayUrls(true, RelayUrlPolicy.of("*.octoeverywhere.com,localhost:9080", true));
        rules.relayUrls(false, RelayUrlPolicy.of("*.octoeverywhere.com", false));
        assertDoesNotThrow(rules::enforce);
    }

    @Test
    void outsideDemoModeLanRangesMustNotReachLoopbackOrLinkLocal() {
        DeploymentRules rules = new DeploymentRules();
        rules.lanRanges(false, LanPolicy.of("192.168.0.0/16,169.254.0.0/16"));
        var e = assertThrows(IllegalStateException.class, rules::enforce);
        assertTrue(e.getMessage().contains("appconnection.lan.allowed-ranges"), e.getMessage());
        assertTrue(e.getMessage().contains("169.254.0.0/16"), e.getMessage());
    }

    @Test
    void demoModeMayAdmitTheSandboxsLoopbackPrinters() {
        DeploymentRules rules = new DeploymentRules();
        rules.lanRanges(true, LanPolicy.of("192.168.0.0/16,127.0.0.0/8"));
        rules.lanRanges(false, LanPolicy.of("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"));
        assertDoesNotThrow(rules::enforce);
    }
}
