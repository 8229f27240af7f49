package dev.printfarm.appconnection.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    private static final String OWN = Base64.getEncoder().encodeToString(new byte[32]);

    private final Map<String, String> values = new HashMap<>();
    private final ConfigReader in = new ConfigReader(key -> Optional.ofNullable(values.get(key)));

    private StoreSettings read(boolean demoMode) {
        return StoreSettings.read(
                in,
                new ServiceSettings(
                        "app",
                        URI.create(demoMode ? "http://localhost:9081/sandbox" : "https://octoeverywhere.com"),
                        URI.create("https://farm.example"),
                        demoMode));
    }

    private String onlyProblem() {
        assertEquals(1, in.problems().size(), in.problems().toString());
        return in.problems().get(0);
    }

    @Test
    void withoutKeysOutsideDemoModeTheModuleRefusesToStart() {
        read(false);
        assertTrue(onlyProblem().startsWith("appconnection.store.keys is not set"), onlyProblem());
        assertTrue(onlyProblem().contains("id:base64key"), onlyProblem());
    }

    @Test
    void demoModeWithoutKeysUsesTheDemoKey() {
        StoreSettings settings = read(true);
        assertEquals(SecretKeyRing.DEMO_KEY_ID, settings.ring().activeId());
        assertTrue(settings.usesDemoKey());
        assertEquals(List.of(), in.problems());
    }

    @Test
    void configuredKeysWinOverDemoModeAndTheActiveKeyIsChosen() {
        values.put(
                StoreSettings.KEYS, "old:" + OWN + ",new:" + Base64.getEncoder().encodeToString(new byte[16]));
        values.put(StoreSettings.ACTIVE_KEY, "new");
        StoreSettings settings = read(true);
        assertEquals("new", settings.ring().activeId());
        assertFalse(settings.usesDemoKey());
        assertEquals(List.of(), in.problems());
    }

    @Test
    void theDemoKeyUnderAnyIdIsRefusedOutsideDemoMode() throws Exception {
        String demo = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest("appconnection demo key - not a secret".getBytes(StandardCharsets.UTF_8)));
        values.put(StoreSettings.KEYS, "prod:" + OWN + ",old:" + demo);
        read(false);
        assertTrue(onlyProblem().contains("appconnection.store.keys is <hidden>"), onlyProblem());
        assertTrue(onlyProblem().contains("demo key"), onlyProblem());
        assertFalse(onlyProblem().contains(demo), onlyProblem());
    }

    @Test
    void theDemoKeyMayStayInASandbox() throws Exception {
        String demo = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest("appconnection demo key - not a secret".getBytes(StandardCharsets.UTF_8)));
        values.put(StoreSettings.KEYS, "prod:" + OWN + ",old:" + demo);
        assertEquals("prod", read(true).ring().activeId());
        assertEquals(List.of(), in.problems());
    }

    @Test
    void badKeysNameTheKeyButNeverTheValue() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[7]);
        values.put(StoreSettings.KEYS, "k:" + shortKey);
        read(false);
        assertTrue(onlyProblem().contains("appconnection.store.keys is <hidden>"), onlyProblem());
        assertTrue(onlyProblem().contains("7 bytes"), onlyProblem());
        assertFalse(onlyProblem().contains(shortKey), onlyProblem());
    }

    @Test
    void keysWrittenTheWrongWayRoundAreNotEchoed() {
        values.put(StoreSettings.KEYS, OWN + ":k1");
        read(false);
        assertTrue(onlyProblem().contains("the id of key 1"), onlyProblem());
        assertFalse(onlyProblem().contains(OWN.substring(0, 20)), onlyProblem());
    }

    @Test
    void anActiveKeyOutsideTheRingIsNamed() {
        values.put(StoreSettings.KEYS, "k1:" + OWN);
        values.put(StoreSettings.ACTIVE_KEY, "k2");
        read(false);
        assertTrue(onlyProblem().contains("appconnection.store.active-key \"k2\""), onlyProblem());
    }
}
