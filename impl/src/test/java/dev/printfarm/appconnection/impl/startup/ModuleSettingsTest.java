package dev.printfarm.appconnection.impl.startup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import dev.printfarm.appconnection.impl.config.InvalidConfigurationException;
import dev.printfarm.appconnection.impl.internal.BodyLimits;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModuleSettingsTest {

    static final String KEY = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);

    /** What a production deployment must set, and nothing else. */
    static Map<String, String> production() {
        Map<String, String> values = new HashMap<>();
        values.put("appconnection.app-id", "farm-app");
        values.put("appconnection.public-base-url", "https://farm.example/console/");
        values.put("appconnection.store.keys", KEY);
        return values;
    }

    /** The Quick start's demo: OctoEverywhere is a sandbox on this machine. */
    static Map<String, String> demo() {
        Map<String, String> values = new HashMap<>();
        values.put("appconnection.app-id", "devtest");
        values.put("appconnection.octoeverywhere.url", "http://127.0.0.1:9081/sandbox");
        values.put("appconnection.public-base-url", "http://localhost:9080/console");
        return values;
    }

    static ModuleSettings load(Map<String, String> values) {
        ConfigReader in = new ConfigReader(key -> Optional.ofNullable(values.get(key)));
        ModuleSettings settings = ModuleSettings.read(in);
        in.enforce();
        return settings;
    }

    static InvalidConfigurationException refused(Map<String, String> values) {
        return assertThrows(InvalidConfigurationException.class, () -> load(values));
    }

    static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> values = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    @Test
    void aProductionConfigurationGetsTheDocumentedDefaults() {
        ModuleSettings s = load(production());
        assertEquals("farm-app", s.service().appId());
        assertEquals(URI.create("https://octoeverywhere.com"), s.service().serviceUrl());
        assertEquals(URI.create("https://farm.example/console"), s.service().publicBaseUrl());
        assertFalse(s.service().demoMode());
        assertEquals("/appconnection/callback", s.portal().callbackPath());
        assertEquals("/", s.portal().landingPath());
        assertEquals(Duration.ofMinutes(10), s.portal().stateTtl());
        assertEquals("k1", s.store().ring().activeId());
        assertFalse(s.store().usesDemoKey());
        assertEquals(Duration.ofSeconds(5), s.relay().connectTimeout());
        assertEquals(Duration.ofSeconds(20), s.relay().readTimeout());
        assertEquals(3, s.relay().maxAttempts());
        assertEquals(Duration.ofMillis(200), s.relay().initialBackoff());
        assertEquals(200, s.relay().maxConcurrent());
        assertTrue(s.relay().preferBearer());
        assertEquals(List.of(), s.relay().urls().hostsOutsideOctoEverywhere());
        assertFalse(s.relay().urls().allowsHttp());
        assertTrue(s.lan().enabled());
        assertEquals("http://{ip}", s.lan().urlTemplate());
        assertEquals(Duration.ofSeconds(30), s.lan().probeInterval());
        assertEquals(List.of(), s.lan().allowed().specialRanges());
        assertEquals(new BodyLimits(4L << 20, 64L << 10, 8L << 20), s.limits().bodies());
        assertEquals(Duration.ofMinutes(15), s.info().refreshInterval());
        assertEquals(Optional.empty(), s.cluster().shareState());
        assertEquals(Duration.ofSeconds(10), s.gadget().pollInterval());
        assertEquals(Duration.ofSeconds(2), s.webcam().limitMargin());
        assertEquals(1, s.push().throttle());
        assertFalse(s.fleet().on());
        assertEquals(200, s.fleet().concurrency());
        assertEquals(256 * 1024, s.fleet().answerBytes());
        assertEquals("/appconnection/webhook", s.webhooks().path());
        assertEquals(Duration.ofDays(150), s.webhooks().renewAfter());
        assertEquals(List.of(), s.notices());
    }

    @Test
    void demoModeFollowsTheServiceUrlAndAllowsTheSandboxShortcuts() {
        ModuleSettings s = load(demo());
        assertTrue(s.service().demoMode());
        assertTrue(s.store().usesDemoKey(), "no keys: the built-in demo key");
        assertTrue(s.relay().urls().allowsHttp());
        assertDoesNotThrow(() -> s.relay().urls().admit("http://127.0.0.1:9081/sandbox/relay/p1"));
        assertFalse(
                s.lan().allowed().specialRanges().isEmpty(),
                "loopback printers: " + s.lan().allowed());
    }

    @Test
    void aNegativeFleetCycleFailsTheStartNamingTheKeyAndTheValue() {
        var e = refused(with(production(), "appconnection.fleet.cycle", "-PT1S"));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("appconnection.fleet.cycle is \"-PT1S\""), e.getMessage());
        assertTrue(e.getMessage().contains("zero (PT0S: the monitor is off) or positive"), e.getMessage());
    }

    @Test
    void everyBadValueIsListedInOneMessage() {
        var e = refused(with(
                production(),
                "appconnection.fleet.cycle",
                "-PT1S",
                "appconnection.relay.max-concurrent",
                "0",
                "appconnection.relay.auth-preference",
                "token",
                "appconnection.cluster.share-state",
                "sometimes",
                "appconnection.octoeverywhere.url",
                "octoeverywhere.com",
                "appconnection.gadget.poll-interval",
                "PT5S",
                "appconnection.webhooks.renew-after",
                "P180D",
                "appconnection.lan.url-template",
                "http://printer.local",
                "appconnection.lan.allowed-ranges",
                "10.0.0.0/33",
                "appconnection.relay.allowed-hosts",
                "https://x"));
        assertEquals(10, e.problems().size(), e.getMessage());
        for (String key : List.of(
                "fleet.cycle",
                "relay.max-concurrent",
                "relay.auth-preference",
                "cluster.share-state",
                "octoeverywhere.url",
                "gadget.poll-interval",
                "webhooks.renew-after",
                "lan.url-template",
                "lan.allowed-ranges",
                "relay.allowed-hosts")) {
            assertTrue(
                    e.problems().stream().anyMatch(p -> p.startsWith("appconnection." + key + " is ")),
                    key + " in " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("{ip} is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("CIDR"), e.getMessage());
        assertTrue(e.getMessage().contains("*.domain"), e.getMessage());
    }

    @Test
    void requiredKeysAreNamedWhenMissing() {
        var e = refused(Map.of());
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("appconnection.app-id is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("appconnection.public-base-url is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("appconnection.store.keys is not set"), e.getMessage());
    }

    @Test
    void backoffCeilingsMayNotBeBelowTheirStart() {
        var e = refused(with(
                production(),
                "appconnection.relay.retry.initial-backoff",
                "PT5S",
                "appconnection.push.reconnect-max",
                "PT0.1S",
                "appconnection.webcam.backoff-max",
                "PT1S"));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("appconnection.relay.retry.max-backoff is not set; it must be at least"
                                + " appconnection.relay.retry.initial-backoff (PT5S)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("appconnection.push.reconnect-max is \"PT0.1S\""), e.getMessage());
        assertTrue(e.getMessage().contains("appconnection.webcam.backoff-max is \"PT1S\""), e.getMessage());
    }

    @Test
    void theWebhookReceiverAndTheCallbackNeedTwoPaths() {
        var e = refused(with(
                production(), "appconnection.webhooks.path", "/hooks", "appconnection.portal.callback-path", "/hooks"));
        assertTrue(
                e.getMessage()
                        .contains("appconnection.webhooks.path is \"/hooks\"; it must differ from"
                                + " appconnection.portal.callback-path"),
                e.getMessage());
    }

    @Test
    void theRemovedDemoSwitchFailsTheStartAndSaysDemoModeFollowsTheUrl() {
        var e = refused(with(production(), "appconnection.demo", "true"));
        assertTrue(e.getMessage().contains("appconnection.demo is gone"), e.getMessage());
        assertTrue(e.getMessage().contains("appconnection.octoeverywhere.url"), e.getMessage());
    }

    @Test
    void theRemovedDedupeWindowIsANoticeOnly() {
        ModuleSettings s = load(with(production(), "appconnection.webhooks.dedupe-window", "PT1H"));
        assertEquals(1, s.notices().size(), s.notices().toString());
        assertTrue(s.notices().get(0).contains("appconnection.webhooks.dedupe-window is no longer used"));
    }

    @Test
    void keysTheModuleDoesNotKnowAreNamedButLibertysStoreVariablesAreNot() {
        ConfigReader in =
                new ConfigReader(key -> Optional.ofNullable(production().get(key)));
        ModuleSettings.read(in);
        List<String> notices = ModuleSettings.unknownKeys(
                List.of(
                        "appconnection.fleet.cylce",
                        "appconnection.fleet.cycle",
                        "appconnection.store",
                        "appconnection.postgresql.host",
                        "appconnection.jdbc.dir",
                        "console.farm",
                        "appconnection.storex"),
                in);
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("appconnection.fleet.cylce, appconnection.storex."), notices.get(0));
    }

    @Test
    void plainHttpPublicBaseUrlIsRefusedOutsideDemoModeOnly() {
        var e = refused(with(production(), "appconnection.public-base-url", "http://farm.example/console"));
        assertTrue(
                e.getMessage()
                        .contains("appconnection.public-base-url is \"http://farm.example/console\"; outside"
                                + " demo mode it must be an https URL"),
                e.getMessage());
        assertDoesNotThrow(() -> load(demo()));
    }

    @Test
    void outsideDemoModeTheRelayAllowListHoldsOnlyOctoEverywhereAndHttpsRelays() {
        var e = refused(with(
                production(),
                "appconnection.relay.allowed-hosts",
                "*.octoeverywhere.com,relay.evil.example",
                "appconnection.relay.allow-http",
                "true"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("appconnection.relay.allowed-hosts"), e.getMessage());
        assertTrue(e.getMessage().contains("relay.evil.example"), e.getMessage());
        assertTrue(
                e.getMessage().contains("appconnection.relay.allow-http is \"true\"; true is for a sandbox"),
                e.getMessage());
        assertDoesNotThrow(() -> load(with(
                demo(),
                "appconnection.relay.allowed-hosts",
                "*.octoeverywhere.com,localhost:9080",
                "appconnection.relay.allow-http",
                "true")));
    }

    @Test
    void outsideDemoModeLanRangesMustNotReachLoopbackOrLinkLocal() {
        var e = refused(with(production(), "appconnection.lan.allowed-ranges", "192.168.0.0/16,169.254.0.0/16"));
        assertTrue(e.getMessage().contains("appconnection.lan.allowed-ranges"), e.getMessage());
        assertTrue(e.getMessage().contains("reaches loopback, link-local"), e.getMessage());
        assertDoesNotThrow(() -> load(with(demo(), "appconnection.lan.allowed-ranges", "192.168.0.0/16,127.0.0.0/8")));
    }

    @Test
    void aRefusedServiceUrlDoesNotAlsoJudgeTheDemoShortcuts() {
        var e = refused(with(demo(), "appconnection.octoeverywhere.url", "localhost:9081"));
        assertEquals(1, e.problems().size(), "only the URL itself: " + e.getMessage());
    }

    @Test
    void theSettingsNeverPrintAKey() {
        ModuleSettings s = load(production());
        assertFalse(s.toString().contains(KEY.substring(3)), s.toString());
        assertTrue(s.store().toString().contains("k1"), s.store().toString());
    }
}
