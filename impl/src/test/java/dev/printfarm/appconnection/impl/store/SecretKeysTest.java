package dev.printfarm.appconnection.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretKeysTest {

    @Test
    void withoutKeysOutsideDemoModeTheModuleRefusesToStart() {
        var e = assertThrows(IllegalStateException.class, () -> SecretKeys.resolve(Optional.empty(), Optional.empty(), false));
        assertTrue(e.getMessage().contains("appconnection.store.keys"), e.getMessage());
    }

    @Test
    void demoModeWithoutKeysUsesTheDemoKey() {
        assertEquals(SecretKeyRing.DEMO_KEY_ID, SecretKeys.resolve(Optional.empty(), Optional.empty(), true).activeId());
    }

    @Test
    void configuredKeysWinOverDemoMode() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertEquals("prod", SecretKeys.resolve(Optional.of("prod:" + key), Optional.empty(), true).activeId());
    }

    @Test
    void theDemoKeyUnderAnyIdIsRefusedOutsideDemoMode() throws Exception {
        String demo = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest("appconnection demo key - not a secret".getBytes(StandardCharsets.UTF_8)));
        String own = Base64.getEncoder().encodeToString(new byte[32]);
        var e = assertThrows(IllegalStateException.class,
                () -> SecretKeys.resolve(Optional.of("prod:" + own + ",old:" + demo), Optional.empty(), false));
        assertTrue(e.getMessage().contains("appconnection.store.keys"), e.getMessage());
        assertTrue(e.getMessage().contains("demo key"), e.getMessage());
        assertFalse(e.getMessage().contains(demo), e.getMessage());
        assertEquals("prod", SecretKeys.resolve(Optional.of("prod:" + own + ",old:" + demo), Optional.empty(), true)
                .activeId(), "a sandbox may keep it");
    }

    @Test
    void badKeysAreAConfigurationErrorThatNamesTheKeyButNotTheValue() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[7]);
        var e = assertThrows(IllegalStateException.class,
                () -> SecretKeys.resolve(Optional.of("k:" + shortKey), Optional.empty(), false));
        assertTrue(e.getMessage().contains("appconnection.store.keys"), e.getMessage());
        assertFalse(e.getMessage().contains(shortKey), e.getMessage());
    }
}
